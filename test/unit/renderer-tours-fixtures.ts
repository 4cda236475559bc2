/** A hand-made weekly tour plan (one THC, two teams, three venues) for the tour-screen tests. */
import { evaluateWeekPlan } from '../../electron/domain/tour-evaluate.js';
import type { PlanPoint, Session, TeamDay, ThcWeekPlan, TourDemand, TourPlanDocument, Weekday } from '../../electron/domain/tours.js';

export const DEPOT = 'THC1';
/** Depot at the origin; A east of it, B north, C north-east (about 5 km apart). */
export const POINTS: PlanPoint[] = [
  { code: DEPOT, name: '石门镇卫生院', location: [113.0, 28.0] },
  { code: 'A', name: '东村', location: [113.05, 28.0] },
  { code: 'B', name: '北村', location: [113.0, 28.05] },
  { code: 'C', name: '安置点', location: [113.05, 28.05] },
];

function matrix(kmh: number): { minutes: number[]; km: number[] } {
  const n = POINTS.length;
  const minutes: number[] = [];
  const km: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const [x1, y1] = POINTS[i].location;
      const [x2, y2] = POINTS[j].location;
      const d = Math.hypot((x2 - x1) * 98, (y2 - y1) * 111);
      km.push(Math.round(d * 10) / 10);
      minutes.push(Math.round((d / kmh) * 60));
    }
  return { minutes, km };
}

const demand = (code: string, name: string, visits: number, allowed: Weekday[] | null = null): TourDemand => ({
  venueCode: code,
  villageCodes: [code],
  names: [name],
  visitsPerWeek: visits,
  population: 400,
  allowedDays: allowed,
});

const stop = (venueCode: string, session: Session) => ({ venueCode, villageCodes: [venueCode], session, arrive: 0, depart: 0, travelMinutes: 0, travelKm: null });

/** Team 1: Mon A/B, Thu A; team 2: Tue C, Fri C (B allowed on Mon and Wed only). */
export function weekPlan(): ThcWeekPlan {
  const { minutes, km } = matrix(30);
  const workingDays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
  const layout: Record<string, ReturnType<typeof stop>[]> = {
    '1|mon': [stop('A', 'am'), stop('B', 'pm')],
    '1|thu': [stop('A', 'am')],
    '2|tue': [stop('C', 'am')],
    '2|fri': [stop('C', 'pm')],
  };
  const days: TeamDay[] = [];
  for (const team of [1, 2])
    for (const day of workingDays) days.push({ team, day, stops: layout[`${team}|${day}`] ?? [], start: 480, end: 480, travelMinutes: 0, travelKm: 0 });
  return evaluateWeekPlan({
    thcCode: DEPOT,
    name: '石门镇卫生院',
    config: { thcCode: DEPOT, teams: 2, workingDays, hoursPerDay: 8, sessionHours: 3.5, maxTravelMinutesPerDay: 120, dayStart: 480 },
    demands: [demand('A', '东村', 2), demand('B', '北村', 1, ['mon', 'wed']), demand('C', '安置点', 2)],
    points: POINTS,
    matrix: minutes,
    km,
    days,
    totals: { visitsRequired: 0, visitsPlanned: 0, travelMinutes: 0, travelKm: 0, teamDaysUsed: 0, extraTeamDaysNeeded: 0 },
    backfill: [],
    issues: [],
  });
}

export function planDocument(): TourPlanDocument {
  const other: ThcWeekPlan = { ...weekPlan(), thcCode: 'THC2', name: '白沙乡卫生院', demands: [], days: [], issues: [] };
  return { mode: 'car', rulesUsed: {}, week: [other, weekPlan()], higher: [], computedAt: null };
}
