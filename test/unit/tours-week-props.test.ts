/** Property tests of planWeek on random small instances (random points, straight-line minutes). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planWeek } from '../../electron/engine/tours/weekly.js';
import { evaluateWeekPlan } from '../../electron/domain/tour-evaluate.js';
import { WEEKDAYS, type Weekday } from '../../electron/domain/tours.js';
import { weekInput } from './tours-week-fixtures.js';

const dayArb = fc.subarray([...WEEKDAYS] as Weekday[], { minLength: 1 });
const venueArb = fc.record({
  x: fc.integer({ min: -40, max: 40 }),
  y: fc.integer({ min: -40, max: 40 }),
  visits: fc.integer({ min: 1, max: 3 }),
  allowedDays: fc.option(dayArb, { nil: null, freq: 2 }),
});
const instanceArb = fc.record({
  venues: fc.array(venueArb, { minLength: 1, maxLength: 8 }),
  teams: fc.integer({ min: 1, max: 3 }),
  workingDays: fc.oneof(fc.constant(['mon', 'tue', 'wed', 'thu', 'fri'] as Weekday[]), dayArb),
  hoursPerDay: fc.integer({ min: 7, max: 10 }),
  maxTravel: fc.integer({ min: 60, max: 200 }),
});

describe('planWeek properties', () => {
  it('places every required visit exactly, or backfills the venue with a reason; keeps every limit', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const input = weekInput(inst.venues, { teams: inst.teams, workingDays: inst.workingDays, hoursPerDay: inst.hoursPerDay, maxTravelMinutesPerDay: inst.maxTravel });
        const plan = planWeek(input);
        const cfg = input.config;
        expect(plan.days).toHaveLength(inst.teams * new Set(inst.workingDays).size);
        for (const [i, d] of input.demands.entries()) {
          const days = plan.days.flatMap((td) => td.stops.filter((s) => s.venueCode === d.venueCode).map(() => td.day));
          if (plan.backfill.includes(d.venueCode)) {
            expect(days.length).toBeLessThanOrEqual(d.visitsPerWeek);
            expect(plan.issues.some((x) => x.villageCode === d.venueCode && x.severity === 'error')).toBe(true);
          } else expect(days.length, `venue ${i}`).toBe(d.visitsPerWeek);
          expect(new Set(days).size).toBe(days.length); // one visit per venue per day
          for (const day of days) {
            expect(cfg.workingDays).toContain(day);
            if (d.allowedDays) expect(d.allowedDays).toContain(day);
          }
        }
        for (const td of plan.days) {
          expect(td.stops.length).toBeLessThanOrEqual(2);
          expect(td.end - td.start).toBeLessThanOrEqual(cfg.hoursPerDay * 60 + 1e-6);
          expect(td.travelMinutes).toBeLessThanOrEqual(cfg.maxTravelMinutesPerDay + 1e-6);
        }
        const breaches = ['day_too_long', 'travel_too_long', 'same_day_twice', 'day_not_allowed', 'not_working_day', 'frequency_not_met', 'too_many_visits', 'session_clash'];
        expect(plan.issues.filter((x) => breaches.includes(x.code))).toEqual([]);
        expect(plan.totals.visitsPlanned).toBe(plan.days.reduce((s, td) => s + td.stops.length, 0));
        if (plan.totals.visitsPlanned < plan.totals.visitsRequired) expect(plan.backfill.length).toBeGreaterThan(0);
        expect(evaluateWeekPlan(plan)).toEqual(plan);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
