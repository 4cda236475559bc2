/** The tour screen's pure parts: calendar cells, drag edits through moveStop, route GeoJSON, colours, words. */
import { describe, expect, it } from 'vitest';
import type { TourIssue } from '../../electron/domain/tours.js';
import {
  applyMove,
  bearingOf,
  calendarModel,
  cellsOfIssue,
  depotOrder,
  moveTargets,
  slotKey,
  teamDayColor,
  tourIssueText,
  tourMapData,
} from '../../renderer/src/panels/tours/tourModel.js';
import { selectShownWeekPlan } from '../../renderer/src/state/tourSlice.js';
import { useAppStore } from '../../renderer/src/state/store.js';
import { DEPOT, planDocument, weekPlan } from './renderer-tours-fixtures.js';

describe('week calendar cells', () => {
  it('lays out teams × working days × sessions with the visits, times and travel', () => {
    const plan = weekPlan();
    const m = calendarModel(plan);
    expect(m.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(m.teams).toEqual([1, 2]);
    expect(m.cells.size).toBe(2 * 5 * 2);
    const am = m.cells.get(slotKey({ team: 1, day: 'mon', session: 'am' }))!;
    expect(am.names).toEqual(['东村']);
    expect(am.stop!.arrive).toBe(480 + am.stop!.travelMinutes);
    expect(am.stop!.depart).toBe(am.stop!.arrive + 210);
    const pm = m.cells.get('1|mon|pm')!;
    expect(pm.names).toEqual(['北村']);
    expect(pm.stop!.arrive).toBe(am.stop!.depart + pm.stop!.travelMinutes);
    expect(m.cells.get('1|tue|am')!.stop).toBeNull();
    expect([...m.cells.values()].every((c) => c.working)).toBe(true);
    expect(m.teamDays.get('1|mon')!.stops).toHaveLength(2);
  });

  it('the fixture plan is clean: no cell flagged', () => {
    const m = calendarModel(weekPlan());
    expect([...m.cells.values()].filter((c) => c.severity)).toEqual([]);
  });

  it('shows a non-working day that holds a visit, and flags it', () => {
    const moved = applyMove(weekPlan(), { team: 2, day: 'tue', session: 'am' }, { team: 2, day: 'sat', session: 'am' })!;
    const m = calendarModel(moved);
    expect(m.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
    const sat = m.cells.get('2|sat|am')!;
    expect(sat.working).toBe(false);
    expect(sat.severity).toBe('error');
    expect(sat.issues.map((i) => i.code)).toContain('not_working_day');
  });

  it('places team-day issues on that team-day and venue issues on its visits', () => {
    const m = calendarModel(weekPlan());
    const base = { severity: 'error' as const, depotCode: DEPOT, rule: null, params: {} };
    const travel: TourIssue = { ...base, code: 'travel_too_long', villageCode: null, team: 1, day: 'mon' };
    expect(cellsOfIssue(travel, m.cells).sort()).toEqual(['1|mon|am', '1|mon|pm']);
    const freq: TourIssue = { ...base, code: 'frequency_not_met', villageCode: 'C', team: null, day: null };
    expect(cellsOfIssue(freq, m.cells).sort()).toEqual(['2|fri|pm', '2|tue|am']);
    const consecutive: TourIssue = { ...base, code: 'consecutive_days', villageCode: 'C', team: null, day: null, params: { days: 'tue' } };
    expect(cellsOfIssue(consecutive, m.cells)).toEqual(['2|tue|am']);
    const depotWide: TourIssue = { ...base, code: 'no_team_days', villageCode: null, team: null, day: null };
    expect(cellsOfIssue(depotWide, m.cells)).toEqual([]);
  });
});

describe('drag edit → moveStop', () => {
  it('moves a visit to a free cell: times and totals recomputed, no visit lost', () => {
    const plan = weekPlan();
    const moved = applyMove(plan, { team: 1, day: 'thu', session: 'am' }, { team: 2, day: 'wed', session: 'pm' })!;
    const m = calendarModel(moved);
    expect(m.cells.get('1|thu|am')!.stop).toBeNull();
    const cell = m.cells.get('2|wed|pm')!;
    expect(cell.names).toEqual(['东村']);
    // A lone afternoon visit starts with the afternoon half of the day (day start + one session);
    // the team leaves the depot just in time for it.
    const afternoon = plan.config.dayStart + plan.config.sessionHours * 60;
    expect(cell.stop!.arrive).toBe(afternoon);
    expect(moved.days.find((d) => d.team === 2 && d.day === 'wed')!.start).toBe(afternoon - cell.stop!.travelMinutes);
    expect(moved.totals.visitsPlanned).toBe(plan.totals.visitsPlanned);
    expect(moved.totals.teamDaysUsed).toBe(plan.totals.teamDaysUsed);
  });

  it('flags a visit dragged onto a day its village does not allow, and counts the spread team-days', () => {
    const plan = weekPlan();
    const moved = applyMove(plan, { team: 1, day: 'mon', session: 'pm' }, { team: 1, day: 'tue', session: 'pm' })!;
    expect(moved.totals.teamDaysUsed).toBe(plan.totals.teamDaysUsed + 1);
    const cell = calendarModel(moved).cells.get('1|tue|pm')!;
    expect(cell.severity).toBe('error');
    expect(cell.issues.map((i) => i.code)).toEqual(['day_not_allowed']);
    expect(moved.issues.some((i) => i.code === 'day_not_allowed' && i.villageCode === 'B')).toBe(true);
  });

  it('swaps with the visit in a taken cell; a visit twice on one day is flagged', () => {
    const plan = weekPlan();
    const moved = applyMove(plan, { team: 2, day: 'tue', session: 'am' }, { team: 1, day: 'mon', session: 'pm' })!;
    const m = calendarModel(moved);
    expect(m.cells.get('1|mon|pm')!.names).toEqual(['安置点']);
    expect(m.cells.get('2|tue|am')!.names).toEqual(['北村']);
    expect(m.cells.get('2|tue|am')!.issues.map((i) => i.code)).toContain('day_not_allowed');
    const twice = applyMove(plan, { team: 1, day: 'thu', session: 'am' }, { team: 2, day: 'mon', session: 'am' })!;
    expect(calendarModel(twice).cells.get('2|mon|am')!.issues.map((i) => i.code)).toContain('same_day_twice');
  });

  it('does nothing for the same cell or an empty source', () => {
    const plan = weekPlan();
    expect(applyMove(plan, { team: 1, day: 'mon', session: 'am' }, { team: 1, day: 'mon', session: 'am' })).toBeNull();
    expect(applyMove(plan, { team: 1, day: 'tue', session: 'am' }, { team: 1, day: 'wed', session: 'am' })).toBeNull();
  });

  it('offers every other working cell as a keyboard target', () => {
    const m = calendarModel(weekPlan());
    const targets = moveTargets(m, { team: 1, day: 'mon', session: 'am' });
    expect(targets).toHaveLength(19);
    expect(targets.some((c) => c.key === '1|mon|am')).toBe(false);
  });

  it('the state keeps the edit per depot until 还原 or a new plan', () => {
    const s = useAppStore.getState();
    s.setTourPlan(planDocument());
    s.setTourThc(DEPOT);
    const computed = selectShownWeekPlan(useAppStore.getState())!;
    const edited = applyMove(computed, { team: 1, day: 'thu', session: 'am' }, { team: 1, day: 'wed', session: 'am' })!;
    s.setTourEdit(DEPOT, edited);
    expect(selectShownWeekPlan(useAppStore.getState())).toBe(edited);
    s.setTourEdit(DEPOT, null);
    expect(selectShownWeekPlan(useAppStore.getState())).toBe(computed);
    s.setTourEdit(DEPOT, edited);
    s.setTourPlan(planDocument());
    expect(useAppStore.getState().tourEdits).toEqual({});
  });
});

describe('routes on the map', () => {
  it('one line per team-day depot → am → pm → depot, numbered stops, arrows along the way', () => {
    const plan = weekPlan();
    const data = tourMapData(plan);
    expect(data.routes.features.map((f) => f.properties.key)).toEqual(['1|mon', '1|thu', '2|tue', '2|fri']);
    const mon = data.routes.features[0];
    expect(mon.geometry.coordinates).toEqual([[113.0, 28.0], [113.05, 28.0], [113.0, 28.05], [113.0, 28.0]]);
    expect(mon.properties.color).toBe(teamDayColor(1, 'mon'));
    const monStops = data.stops.features.filter((f) => f.properties.key === '1|mon');
    expect(monStops.map((f) => [f.properties.label, f.properties.name, f.properties.session])).toEqual([
      ['1', '东村', 'am'],
      ['2', '北村', 'pm'],
    ]);
    expect(data.stops.features.filter((f) => f.properties.key === '2|fri').map((f) => f.properties.order)).toEqual([1]);
    // Three legs on Monday: east, north-west, south.
    const monArrows = data.arrows.features.filter((f) => f.properties.key === '1|mon');
    expect(monArrows.map((f) => f.properties.leg)).toEqual([0, 1, 2]);
    expect(monArrows[0].properties.bearing).toBeCloseTo(90, 0);
    expect(monArrows[1].properties.bearing).toBeGreaterThan(270);
    expect(monArrows[1].properties.bearing).toBeLessThan(360);
    expect(monArrows[2].properties.bearing).toBeCloseTo(180, 0);
    // Arrows sit on their leg, a little past the middle.
    expect(monArrows[0].geometry.coordinates[0]).toBeCloseTo(113.0275, 4);
    expect(data.depot.features).toHaveLength(1);
    expect(data.depot.features[0].properties.name).toBe('石门镇卫生院');
  });

  it('highlights one team-day and fades the others', () => {
    const data = tourMapData(weekPlan(), { team: 2, day: 'tue' });
    const byKey = new Map(data.routes.features.map((f) => [f.properties.key, f.properties] as const));
    expect(byKey.get('2|tue')).toMatchObject({ highlighted: true, dimmed: false });
    expect(byKey.get('1|mon')).toMatchObject({ highlighted: false, dimmed: true });
    expect(data.stops.features.filter((f) => f.properties.highlighted).map((f) => f.properties.key)).toEqual(['2|tue']);
  });

  it('follows a hand edit and is empty without a plan', () => {
    const moved = applyMove(weekPlan(), { team: 1, day: 'thu', session: 'am' }, { team: 2, day: 'wed', session: 'pm' })!;
    expect(tourMapData(moved).routes.features.map((f) => f.properties.key)).toEqual(['1|mon', '2|tue', '2|wed', '2|fri']);
    expect(tourMapData(null).routes.features).toEqual([]);
  });

  it('bearings are clockwise from north', () => {
    expect(bearingOf([0, 0], [0, 1])).toBe(0);
    expect(bearingOf([0, 0], [1, 0])).toBe(90);
    expect(bearingOf([0, 0], [0, -1])).toBe(180);
    expect(bearingOf([0, 0], [-1, 0])).toBe(270);
  });
});

describe('colours and words', () => {
  it('one colour per team-day, the same for the calendar and the map', () => {
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
    const colours = days.flatMap((d) => [1, 2, 3].map((t) => teamDayColor(t, d)));
    expect(new Set(colours).size).toBe(colours.length);
    expect(teamDayColor(1, 'mon')).toMatch(/^#[0-9a-f]{6}$/);
    expect(teamDayColor(1, 'mon')).toBe(teamDayColor(1, 'mon'));
  });

  it('says an issue in Chinese with weekdays in words', () => {
    const moved = applyMove(weekPlan(), { team: 1, day: 'mon', session: 'pm' }, { team: 1, day: 'tue', session: 'pm' })!;
    const issue = moved.issues.find((i) => i.code === 'day_not_allowed')!;
    const zh = tourIssueText('zh-CN', issue);
    expect(zh).toContain('北村');
    expect(zh).toContain('周二');
    expect(zh).not.toContain('tue');
    expect(tourIssueText('en', issue)).toContain('Tue');
  });

  it('lists depots with visits first', () => {
    expect(depotOrder(planDocument()).map((w) => w.thcCode)).toEqual([DEPOT, 'THC2']);
  });
});

describe('venues left out of the week', () => {
  it('are drawn with a red "!" instead of being hidden', () => {
    const plan = weekPlan();
    const without = { ...plan, days: plan.days.map((d) => ({ ...d, stops: d.stops.filter((s) => s.venueCode !== 'C') })) };
    const data = tourMapData(without);
    const left = data.stops.features.filter((f) => f.properties.unplanned);
    expect(left.map((f) => [f.properties.code, f.properties.label, f.properties.name])).toEqual([['C', '!', '安置点']]);
    expect(data.routes.features.map((f) => f.properties.key)).toEqual(['1|mon', '1|thu']);
  });
});

describe('routes sharing their points', () => {
  it('are offset side by side', () => {
    const plan = weekPlan();
    // Team 2 Tue and Fri both drive depot → C → depot.
    const byKey = new Map(tourMapData(plan).routes.features.map((f) => [f.properties.key, f.properties.offset] as const));
    expect(byKey.get('2|tue')).toBe(-2);
    expect(byKey.get('2|fri')).toBe(2);
    expect(byKey.get('1|mon')).toBe(0);
    expect(byKey.get('1|thu')).toBe(0);
  });
});
