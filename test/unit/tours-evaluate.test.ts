/** evaluateWeekPlan / moveStop: the live re-check of a hand-edited week plan. */
import { describe, expect, it } from 'vitest';
import { evaluateWeekPlan, moveStop } from '../../electron/domain/tour-evaluate.js';
import { planWeek } from '../../electron/engine/tours/weekly.js';
import type { ThcWeekPlan } from '../../electron/domain/tours.js';
import { weekInput } from './tours-week-fixtures.js';

function slotOf(plan: ThcWeekPlan, venue: string) {
  for (const d of plan.days) for (const s of d.stops) if (s.venueCode === venue) return { team: d.team, day: d.day, session: s.session };
  throw new Error('not planned: ' + venue);
}

describe('moveStop', () => {
  const base = () => planWeek(weekInput([{ x: 5, y: 0, visits: 1, allowedDays: ['mon', 'tue'] }, { x: 0, y: 6, visits: 1 }, { x: 6, y: 1, visits: 1 }], { teams: 1 }));

  it('moves a visit to a free slot and recomputes times and totals', () => {
    const plan = base();
    const from = slotOf(plan, 'V2');
    // 3 visits on 5 team-days: some day is empty.
    const empty = plan.days.find((d) => d.stops.length === 0)!;
    const to = { team: 1, day: empty.day, session: 'pm' as const };
    const moved = moveStop(plan, from, to);
    expect(slotOf(moved, 'V2')).toEqual(to);
    const day = moved.days.find((d) => d.day === empty.day)!;
    expect(day.stops).toHaveLength(1);
    // A lone afternoon visit starts with the afternoon half of the day; the team leaves just in time.
    expect(day.stops[0].arrive).toBeCloseTo(plan.config.dayStart + plan.config.sessionHours * 60);
    expect(day.start).toBeCloseTo(day.stops[0].arrive - day.stops[0].travelMinutes);
    expect(moved.totals.visitsPlanned).toBe(plan.totals.visitsPlanned);
    expect(moved).toEqual(evaluateWeekPlan(moved));
  });

  it('swaps with the visit in a taken slot and re-orders am/pm', () => {
    const plan = base();
    const a = slotOf(plan, 'V1');
    const b = slotOf(plan, 'V3');
    const moved = moveStop(plan, a, b);
    expect(slotOf(moved, 'V1')).toEqual(b);
    expect(slotOf(moved, 'V3')).toEqual(a);
    // Route order follows the sessions, and times follow the route.
    for (const d of moved.days) {
      if (d.stops.length === 2) expect(d.stops.map((s) => s.session)).toEqual(['am', 'pm']);
      for (let i = 1; i < d.stops.length; i++) expect(d.stops[i].arrive).toBeCloseTo(d.stops[i - 1].depart + d.stops[i].travelMinutes);
    }
    expect(moved.totals.visitsPlanned).toBe(plan.totals.visitsPlanned);
  });

  it('flags a visit moved onto a disallowed day', () => {
    const plan = base();
    expect(plan.issues.some((i) => i.code === 'day_not_allowed')).toBe(false);
    const moved = moveStop(plan, slotOf(plan, 'V1'), { team: 1, day: 'fri', session: 'am' });
    expect(moved.issues.find((i) => i.code === 'day_not_allowed')).toMatchObject({ severity: 'error', villageCode: 'V1', day: 'fri', params: { allowed: 'mon,tue' } });
  });

  it('flags two visits of one venue on one day and a too-long day', () => {
    const plan = planWeek(weekInput([{ x: 30, y: 0, visits: 2 }, { x: 0, y: 30, visits: 1 }], { teams: 1 }));
    const v1 = plan.days.filter((d) => d.stops.some((s) => s.venueCode === 'V1'));
    expect(v1).toHaveLength(2);
    const free = v1[0].stops.find((s) => s.venueCode === 'V1')!.session === 'am' ? 'pm' : 'am';
    const moved = moveStop(plan, { team: 1, day: v1[1].day, session: v1[1].stops.find((s) => s.venueCode === 'V1')!.session }, { team: 1, day: v1[0].day, session: free });
    expect(moved.issues.some((i) => i.code === 'same_day_twice' && i.villageCode === 'V1')).toBe(true);
    // 45 min out, 210 on site, 0 between, 210 on site, 45 back = 510 min > 480.
    expect(moved.issues.find((i) => i.code === 'day_too_long')).toMatchObject({ rule: 'X.tour_team_hours_per_day', params: { limit: 480 } });
  });

  it('keeps input issues and flags travel beyond the day limit', () => {
    const plan = planWeek(weekInput([{ x: 30, y: 0, visits: 1 }, { x: -30, y: 0, visits: 1 }, { x: 1, y: 0, visits: 1, allowedDays: ['sat'] }], { teams: 1 }));
    expect(plan.issues.some((i) => i.code === 'frequency_too_high')).toBe(true);
    const a = slotOf(plan, 'V1');
    const b = slotOf(plan, 'V2');
    const moved = moveStop(plan, b, { ...a, session: a.session === 'am' ? 'pm' : 'am' });
    expect(moved.issues.some((i) => i.code === 'frequency_too_high')).toBe(true);
    expect(moved.issues.find((i) => i.code === 'travel_too_long')).toMatchObject({ params: { limit: 120 } });
  });

  it('a move from an empty slot changes nothing', () => {
    const plan = base();
    expect(moveStop(plan, { team: 1, day: 'sun', session: 'am' }, { team: 1, day: 'mon', session: 'am' })).toEqual(plan);
  });
});
