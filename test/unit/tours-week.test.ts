/** planWeek on hand-made instances: spacing, allowed days, bad input as explicit issues, V5 backfill. */
import { describe, expect, it } from 'vitest';
import { planWeek } from '../../electron/engine/tours/weekly.js';
import { evaluateWeekPlan } from '../../electron/domain/tour-evaluate.js';
import { consecutiveDays } from '../../electron/domain/tour-evaluate.js';
import { WEEKDAYS, type ThcWeekPlan, type Weekday } from '../../electron/domain/tours.js';
import { weekInput } from './tours-week-fixtures.js';

function visitDays(plan: ThcWeekPlan, venue: string): Weekday[] {
  return plan.days.flatMap((d) => d.stops.filter((s) => s.venueCode === venue).map(() => d.day)).sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

describe('planWeek', () => {
  it('gives a frequency of 2 non-consecutive days when possible', () => {
    const plan = planWeek(weekInput([{ x: 5, y: 0, visits: 2 }, { x: 0, y: 6, visits: 2 }, { x: -4, y: 3, visits: 2 }]));
    for (const v of ['V1', 'V2', 'V3']) {
      const days = visitDays(plan, v);
      expect(days).toHaveLength(2);
      expect(consecutiveDays(days[0], days[1])).toBe(false);
    }
    expect(plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(plan.issues.some((i) => i.code === 'consecutive_days')).toBe(false);
  });

  it('puts a village allowed only on Wednesday on Wednesday', () => {
    const plan = planWeek(weekInput([{ x: 5, y: 0, visits: 1, allowedDays: ['wed'] }, { x: 3, y: 3, visits: 2 }]));
    expect(visitDays(plan, 'V1')).toEqual(['wed']);
    expect(visitDays(plan, 'V2')).toHaveLength(2);
  });

  it('has one TeamDay per team × working day, times and totals filled', () => {
    const plan = planWeek(weekInput([{ x: 10, y: 0, visits: 2 }, { x: 0, y: 10, visits: 1 }], { teams: 2 }));
    expect(plan.days.map((d) => `${d.team}:${d.day}`)).toEqual([1, 2].flatMap((t) => ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => `${t}:${d}`)));
    const stop = plan.days.flatMap((d) => d.stops)[0];
    expect(stop.arrive).toBeCloseTo(480 + stop.travelMinutes);
    expect(stop.depart - stop.arrive).toBe(210);
    expect(plan.totals.visitsRequired).toBe(3);
    expect(plan.totals.visitsPlanned).toBe(3);
    expect(plan.totals.travelKm).not.toBeNull();
    expect(plan.points.map((p) => p.code)).toEqual(['T0', 'V1', 'V2']);
    expect(plan.totals.extraTeamDaysNeeded).toBe(0);
  });

  it('reports an unreachable venue as an issue and sends it to backfill', () => {
    const input = weekInput([{ x: 5, y: 0, visits: 2 }, { x: 3, y: 0, visits: 1 }]);
    const n = 3;
    for (let i = 0; i < n; i++) {
      if (i === 1) continue;
      input.minutes[i * n + 1] = Infinity;
      input.minutes[1 * n + i] = Infinity;
    }
    const plan = planWeek(input);
    const issue = plan.issues.find((i) => i.code === 'unreachable');
    expect(issue).toMatchObject({ severity: 'error', villageCode: 'V1', rule: 'V1.tour_visits_per_week' });
    expect(plan.backfill).toEqual(['V1']);
    expect(visitDays(plan, 'V1')).toEqual([]);
    expect(visitDays(plan, 'V2')).toHaveLength(1);
    expect(plan.matrix[1]).toBeNull();
  });

  it('zero teams: no_team_days and every venue in backfill', () => {
    const plan = planWeek(weekInput([{ x: 5, y: 0, visits: 2 }, { x: 3, y: 0, visits: 1 }], { teams: 0 }));
    expect(plan.issues.find((i) => i.code === 'no_team_days')).toMatchObject({ severity: 'error', rule: 'X.tour_teams_per_thc' });
    expect(plan.backfill).toEqual(['V1', 'V2']);
    expect(plan.days).toEqual([]);
    expect(plan.totals.extraTeamDaysNeeded).toBe(2);
  });

  it('no working days: no_team_days', () => {
    const plan = planWeek(weekInput([{ x: 5, y: 0, visits: 1 }], { workingDays: [] }));
    expect(plan.issues.find((i) => i.code === 'no_team_days')?.rule).toBe('X.tour_working_days');
    expect(plan.backfill).toEqual(['V1']);
  });

  it('frequency above the allowed days: frequency_too_high, partial visits, backfill', () => {
    const plan = planWeek(weekInput([{ x: 5, y: 0, visits: 3, allowedDays: ['mon', 'thu'] }]));
    expect(plan.issues.find((i) => i.code === 'frequency_too_high')).toMatchObject({ villageCode: 'V1', params: { required: 3, days: 2 } });
    expect(visitDays(plan, 'V1')).toEqual(['mon', 'thu']);
    expect(plan.backfill).toEqual(['V1']);
  });

  it('a venue too far for a day: too_far_for_a_day', () => {
    const plan = planWeek(weekInput([{ x: 50, y: 0, visits: 1 }, { x: 2, y: 0, visits: 1 }]));
    expect(plan.issues.find((i) => i.code === 'too_far_for_a_day')).toMatchObject({ villageCode: 'V1', rule: 'X.tour_max_travel_minutes_per_day', params: { travel: 150, travelLimit: 120 } });
    expect(plan.backfill).toEqual(['V1']);
  });

  it('more visits than the team-days hold: no_capacity, backfill and extra team-days', () => {
    // 1 team × 5 days × 2 sessions = 10 visits; 6 venues × 2 = 12.
    const venues = Array.from({ length: 6 }, (_, i) => ({ x: Math.cos(i) * 6, y: Math.sin(i) * 6, visits: 2 }));
    const plan = planWeek(weekInput(venues));
    expect(plan.totals.visitsPlanned).toBe(10);
    expect(plan.backfill.length).toBeGreaterThan(0);
    expect(plan.issues.filter((i) => i.code === 'no_capacity').map((i) => i.villageCode)).toEqual(plan.backfill);
    expect(plan.totals.extraTeamDaysNeeded).toBeGreaterThanOrEqual(1);
  });

  it('uses consecutive days only when nothing else fits, with a warning', () => {
    const plan = planWeek(weekInput([{ x: 5, y: 0, visits: 2, allowedDays: ['tue', 'wed'] }]));
    expect(visitDays(plan, 'V1')).toEqual(['tue', 'wed']);
    expect(plan.issues.find((i) => i.code === 'consecutive_days')).toMatchObject({ severity: 'warning', villageCode: 'V1' });
  });

  it('pairs near venues on one team-day (am then pm) to save travel', () => {
    // Two sessions (420 min on site) leave 60 min of travel in an 8-hour day: 15 + 1.5 + 16.5 = 33 min fits.
    const plan = planWeek(weekInput([{ x: 10, y: 0, visits: 1 }, { x: 11, y: 0, visits: 1 }]));
    const used = plan.days.filter((d) => d.stops.length > 0);
    expect(used).toHaveLength(1);
    expect(used[0].stops.map((s) => s.session)).toEqual(['am', 'pm']);
    expect(used[0].stops[1].arrive).toBeCloseTo(used[0].stops[0].depart + used[0].stops[1].travelMinutes);
  });

  it('evaluateWeekPlan reproduces planWeek figures', () => {
    const plan = planWeek(weekInput([{ x: 5, y: 0, visits: 2 }, { x: 0, y: 6, visits: 3 }, { x: -4, y: 3, visits: 1, allowedDays: ['fri'] }], { teams: 2 }));
    expect(evaluateWeekPlan(plan)).toEqual(plan);
  });

  it('is deterministic', () => {
    const input = weekInput([{ x: 5, y: 0, visits: 2 }, { x: 0, y: 6, visits: 3 }, { x: -4, y: 3, visits: 1 }, { x: 9, y: 9, visits: 2 }], { teams: 2 });
    expect(planWeek(input)).toEqual(planWeek(input));
  });
});
