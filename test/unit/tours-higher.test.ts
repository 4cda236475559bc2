/** planHigherLevel (H1, H2): multi-day tours over a month or a quarter. */
import { describe, expect, it } from 'vitest';
import { planHigherLevel, type HigherInput } from '../../electron/engine/tours/higher.js';
import { defaultRuleValues } from '../../electron/domain/rules.js';
import type { PlanPoint } from '../../electron/domain/tours.js';
import { planeMatrix } from './tours-week-fixtures.js';

function input(coords: [number, number][], extra: Partial<HigherInput> = {}): HigherInput {
  const depot: PlanPoint = { code: 'T0', name: '卫生院', location: [0, 0] };
  const stops: PlanPoint[] = coords.map((c, i) => ({ code: `V${i + 1}`, name: `村${i + 1}`, location: c }));
  const { minutes, km } = planeMatrix([depot, ...stops]);
  return { kind: 'thc_to_village', depot, stops, minutes, km, serviceMinutes: 210, workingDays: 22, hoursPerDay: 8, dayStart: 480, maxTravelMinutesPerDay: 120, rules: defaultRuleValues(), seed: 3, ...extra };
}

function checkDays(plan: ReturnType<typeof planHigherLevel>, inp: HigherInput): void {
  for (const d of plan.days) {
    expect(d.index).toBeGreaterThanOrEqual(1);
    expect(d.index).toBeLessThanOrEqual(inp.workingDays);
    expect(d.travelMinutes).toBeLessThanOrEqual(inp.maxTravelMinutesPerDay + 1e-6);
    const last = d.stops[d.stops.length - 1];
    expect(last.depart - inp.dayStart).toBeLessThanOrEqual(inp.hoursPerDay * 60);
    for (let i = 1; i < d.stops.length; i++) expect(d.stops[i].arrive).toBeCloseTo(d.stops[i - 1].depart + d.stops[i].travelMinutes);
  }
  expect(new Set(plan.days.map((d) => d.index)).size).toBe(plan.days.length);
}

describe('planHigherLevel', () => {
  it('tours every village of the township once in the month (H2)', () => {
    const inp = input([[5, 0], [6, 1], [0, 8], [-7, 2], [-3, -9], [10, 10]]);
    const plan = planHigherLevel(inp);
    expect(plan).toMatchObject({ kind: 'thc_to_village', period: 'month', depotCode: 'T0', workingDays: 22 });
    const visited = plan.days.flatMap((d) => d.stops.map((s) => s.venueCode)).sort();
    expect(visited).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
    expect(plan.issues).toEqual([]);
    expect(plan.totals.stops).toBe(6);
    expect(plan.totals.daysUsed).toBe(plan.days.length);
    expect(plan.days.every((d) => d.stops.length <= 2)).toBe(true);
    expect(plan.days[0].stops[0].session).toBe('am');
    expect(plan.totals.travelKm).not.toBeNull();
    checkDays(plan, inp);
  });

  it('county hospital → THCs over a quarter', () => {
    const inp = input([[10, 0], [0, 12], [-9, -4]], { kind: 'county_to_thc', workingDays: 65 });
    const plan = planHigherLevel(inp);
    expect(plan.period).toBe('quarter');
    expect(plan.totals.stops).toBe(3);
    expect(plan.days[0].stops[0].villageCodes).toEqual([]);
  });

  it('stops the period cannot hold: does_not_fit_period', () => {
    const inp = input([[5, 0], [0, 5], [-5, 0]], { workingDays: 1 });
    const plan = planHigherLevel(inp);
    expect(plan.totals.stops).toBe(2);
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ code: 'does_not_fit_period', severity: 'error', rule: 'H2.township_tours_per_month', params: { planned: 0, required: 1, days: 1 } });
  });

  it('unreachable and too far stops are explicit issues', () => {
    const inp = input([[5, 0], [100, 0], [0, 5]]);
    inp.minutes[0 * 4 + 1] = Infinity;
    const plan = planHigherLevel(inp);
    expect(plan.issues.map((i) => [i.code, i.villageCode])).toEqual([
      ['unreachable', 'V1'],
      ['too_far_for_a_day', 'V2'],
    ]);
    expect(plan.totals.stops).toBe(1);
  });

  it('no working days: no_team_days', () => {
    const plan = planHigherLevel(input([[5, 0]], { workingDays: 0 }));
    expect(plan.issues.map((i) => i.code)).toEqual(['no_team_days']);
    expect(plan.days).toEqual([]);
  });

  it('twice a month when the rule says so: the visits fall in different halves of the month', () => {
    const rules = { ...defaultRuleValues(), 'H2.township_tours_per_month': 2 };
    const inp = input([[5, 0], [0, 6], [-4, 3]], { rules, workingDays: 20 });
    const plan = planHigherLevel(inp);
    expect(plan.issues).toEqual([]);
    for (const code of ['V1', 'V2', 'V3']) {
      const idx = plan.days.filter((d) => d.stops.some((s) => s.venueCode === code)).map((d) => d.index);
      expect(idx).toHaveLength(2);
      expect(idx[0]).toBeLessThanOrEqual(10);
      expect(idx[1]).toBeGreaterThan(10);
    }
    checkDays(plan, inp);
  });
});
