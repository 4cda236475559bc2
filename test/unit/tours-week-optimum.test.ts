/** planWeek against the brute-force optimum of tiny one-team weeks (every day pattern of every venue). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planWeek } from '../../electron/engine/tours/weekly.js';
import { dayPatterns } from '../../electron/engine/tours/week-patterns.js';
import type { Weekday } from '../../electron/domain/tours.js';
import { weekInput, type VenueSpec } from './tours-week-fixtures.js';

const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Least (consecutive pairs, travel) over all pattern choices with every visit placed; null if none fits. */
function bruteForce(venues: VenueSpec[]): { consecutive: number; travel: number } | null {
  const input = weekInput(venues);
  const size = venues.length + 1;
  const M = (i: number, j: number) => input.minutes[i * size + j];
  const dayLimit = input.config.hoursPerDay * 60;
  const svc = input.config.sessionHours * 60;
  const maxTravel = input.config.maxTravelMinutesPerDay;
  const pats = venues.map((v) => dayPatterns(DAYS, v.visits));
  let best: { consecutive: number; travel: number } | null = null;
  const onDay: number[][] = DAYS.map(() => []);
  const rec = (i: number, consecutive: number): void => {
    if (i === venues.length) {
      let travel = 0;
      for (const vs of onDay) {
        if (vs.length > 2) return;
        if (vs.length === 0) continue;
        let t = Infinity;
        if (vs.length === 1) t = M(0, vs[0]) + M(vs[0], 0);
        else t = Math.min(M(0, vs[0]) + M(vs[0], vs[1]) + M(vs[1], 0), M(0, vs[1]) + M(vs[1], vs[0]) + M(vs[0], 0));
        if (!(t <= maxTravel && t + vs.length * svc <= dayLimit)) return;
        travel += t;
      }
      if (!best || consecutive < best.consecutive || (consecutive === best.consecutive && travel < best.travel)) best = { consecutive, travel };
      return;
    }
    for (const p of pats[i]) {
      const idx = p.days.map((d) => DAYS.indexOf(d));
      idx.forEach((k) => onDay[k].push(i + 1));
      rec(i + 1, consecutive + p.consecutive);
      idx.forEach((k) => onDay[k].pop());
    }
  };
  rec(0, 0);
  return best;
}

describe('planWeek near the optimum', () => {
  it('matches the brute-force optimum of tiny one-team weeks (10% per week, 2% overall allowed)', () => {
    let sumPlan = 0;
    let sumOpt = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -15, max: 15 }), y: fc.integer({ min: -15, max: 15 }), visits: fc.integer({ min: 1, max: 2 }) }), { minLength: 2, maxLength: 5 }),
        (venues) => {
          const opt = bruteForce(venues);
          const plan = planWeek(weekInput(venues));
          if (!opt) return;
          expect(plan.backfill).toEqual([]);
          const consecutive = plan.issues.filter((i) => i.code === 'consecutive_days').length;
          expect(consecutive > 0).toBe(opt.consecutive > 0);
          if (opt.consecutive === 0) {
            expect(plan.totals.travelMinutes).toBeLessThanOrEqual(opt.travel * 1.1 + 0.1);
            sumPlan += plan.totals.travelMinutes;
            sumOpt += opt.travel;
          }
        },
      ),
      { numRuns: 120, seed: 4242 },
    );
    expect(sumPlan).toBeLessThanOrEqual(sumOpt * 1.02);
    console.log(`tiny weeks: planner travel ${sumPlan.toFixed(1)} min vs optimum ${sumOpt.toFixed(1)} min (${(((sumPlan - sumOpt) / sumOpt) * 100).toFixed(2)}% over)`);
  });
});
