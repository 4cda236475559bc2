/** The periodic weekly tour plan of one THC (V1, V2): visits → team, day, session; routes per team-day. */
import { WEEKDAYS, type PlanPoint, type TeamDay, type ThcTourConfig, type ThcWeekPlan, type TourDemand, type TourIssue, type TourStop, type Weekday } from '../../domain/tours.js';
import type { RuleValues } from '../../domain/rules.js';
import { evaluateWeekPlan } from '../../domain/tour-evaluate.js';
import { RuleReader } from '../rule-values.js';
import { dayPatterns, type DayPattern } from './week-patterns.js';
import { routeDay, routeFits, SESSIONS_PER_DAY, type DayLimits, type DayRouting } from './week-routes.js';

export interface WeekInput {
  /** The THC: the depot, point 0. */
  depot: PlanPoint;
  config: ThcTourConfig;
  /** Venues to tour (points 1..n in this order). */
  demands: TourDemand[];
  /** Their locations, same order as `demands`. */
  locations: PlanPoint[];
  /** Travel minutes between [depot, ...demands], row-major (Infinity: unreachable). */
  minutes: Float64Array;
  /** Kilometres, same layout, or null. */
  km: Float64Array | null;
  rules: RuleValues;
  seed?: number;
}

/** Cost weights of the pattern search: an unplaced visit outweighs any travel, a consecutive pair any travel saving. */
const UNPLACED = 1e7;
const CONSECUTIVE = 1e5;
/** Solver calls the improvement may spend per THC (deterministic effort, not time). */
const IMPROVE_BUDGET = 400;
const IMPROVE_ROUNDS = 3;

export function planWeek(input: WeekInput): ThcWeekPlan {
  const { depot, demands, minutes } = input;
  const size = demands.length + 1;
  const M = (i: number, j: number): number => minutes[i * size + j];
  const config = input.config;
  const teams = Math.max(0, Math.floor(Number.isFinite(config.teams) ? config.teams : 0));
  const workingDays = WEEKDAYS.filter((d) => config.workingDays.includes(d));
  const serviceMinutes = config.sessionHours * 60;
  const lim: DayLimits = { teams, serviceMinutes, dayMinutes: config.hoursPerDay * 60, maxTravel: config.maxTravelMinutesPerDay, seed: input.seed ?? 1 };
  const rules = new RuleReader(input.rules);
  const issues: TourIssue[] = [];
  const issue = (code: string, severity: TourIssue['severity'], villageCode: string | null, rule: string | null, params: TourIssue['params']): void => {
    issues.push({ code, severity, depotCode: depot.code, villageCode, team: null, day: null, rule, params });
  };
  const backfill = new Set<string>();
  const nameOf = (d: TourDemand): string => d.names.join('、') || d.venueCode;
  const required = demands.map((d) => Math.max(0, Math.floor(d.visitsPerWeek)));

  // V1: each visit at least half a day on site.
  const minSession = rules.number('V1.tour_session_hours');
  if (config.sessionHours < minSession) issue('session_too_short', 'warning', null, 'V1.tour_session_hours', { hours: config.sessionHours, min: minSession });
  const floor = rules.number('V2.tour_floor_per_week');

  const noTeamDays = teams === 0 || workingDays.length === 0 || !(lim.dayMinutes > 0);
  if (noTeamDays)
    issue('no_team_days', 'error', null, teams === 0 ? 'X.tour_teams_per_thc' : workingDays.length === 0 ? 'X.tour_working_days' : 'X.tour_team_hours_per_day', {
      teams,
      workingDays: workingDays.length,
      hoursPerDay: config.hoursPerDay,
      venues: demands.length,
    });

  // Per demand: what can be placed at all, and the day patterns it may take.
  const placeable = new Array<number>(demands.length).fill(0);
  const patterns: DayPattern[][] = demands.map(() => []);
  let visitsWithoutTeams = 0;
  demands.forEach((d, i) => {
    const v = i + 1;
    const name = nameOf(d);
    const k = required[i];
    if (k < floor) issue('below_floor', 'warning', d.venueCode, 'V2.tour_floor_per_week', { name, required: k, floor }); // V2 floor
    if (k === 0) return;
    if (!Number.isFinite(M(0, v)) || !Number.isFinite(M(v, 0))) {
      issue('unreachable', 'error', d.venueCode, 'V1.tour_visits_per_week', { name, required: k });
      backfill.add(d.venueCode); // V5: the county hospital backfills
      return;
    }
    const roundTrip = M(0, v) + M(v, 0);
    if (!routeFits([v], minutes, size, lim)) {
      const overHours = roundTrip + serviceMinutes > lim.dayMinutes;
      issue('too_far_for_a_day', 'error', d.venueCode, overHours ? 'X.tour_team_hours_per_day' : 'X.tour_max_travel_minutes_per_day', {
        name,
        travel: Math.round(roundTrip),
        dayMinutes: Math.round(roundTrip + serviceMinutes),
        hoursLimit: Math.round(lim.dayMinutes),
        travelLimit: lim.maxTravel,
      });
      backfill.add(d.venueCode);
      return;
    }
    const days = workingDays.filter((w) => d.allowedDays === null || d.allowedDays.includes(w));
    if (k > days.length) {
      issue('frequency_too_high', 'error', d.venueCode, 'V1.tour_visits_per_week', { name, required: k, days: days.length, allowed: days.join(',') });
      backfill.add(d.venueCode);
    }
    if (noTeamDays) {
      visitsWithoutTeams += k;
      backfill.add(d.venueCode);
      return;
    }
    placeable[i] = Math.min(k, days.length);
    patterns[i] = dayPatterns(days, placeable[i]);
  });

  // Day routing, cached by the set of visits of a day.
  const cache = new Map<string, DayRouting>();
  let solverCalls = 0;
  const route = (visits: number[]): DayRouting => {
    const key = [...visits].sort((a, b) => a - b).join(',');
    let r = cache.get(key);
    if (!r) {
      r = routeDay(
        key === '' ? [] : key.split(',').map(Number),
        minutes,
        size,
        lim,
      );
      solverCalls++;
      cache.set(key, r);
    }
    return r;
  };
  const dayCost = (visits: number[]): number => {
    const r = route(visits);
    return r.travel + UNPLACED * r.unassigned.length;
  };

  // Greedy: hardest first (fewest spread patterns, then farthest), each on the pattern that
  // overflows no day, avoids consecutive days, and pairs best with the visits already there.
  const active = demands.map((_, i) => i).filter((i) => placeable[i] > 0);
  const spread = (i: number): number => patterns[i].filter((p) => p.consecutive === 0).length || patterns[i].length;
  const far = (i: number): number => M(0, i + 1) + M(i + 1, 0);
  active.sort((a, b) => spread(a) - spread(b) || far(b) - far(a) || a - b);
  const onDay = new Map<Weekday, number[]>(workingDays.map((w) => [w, []]));
  const choice = new Array<number>(demands.length).fill(-1);
  const capacity = teams * SESSIONS_PER_DAY;
  for (const i of active) {
    const v = i + 1;
    let best = -1;
    let bestKey: number[] = [];
    patterns[i].forEach((p, pi) => {
      let overflow = 0;
      let pairing = 0;
      let load = 0;
      for (const w of p.days) {
        const here = onDay.get(w)!;
        if (here.length + 1 > capacity) overflow++;
        load = Math.max(load, here.length + 1);
        // Marginal travel of pairing with the best partner already on that day (or a day alone).
        let add = far(i);
        for (const u of here) {
          const pair = Math.min(M(0, u) + M(u, v) + M(v, 0), M(0, v) + M(v, u) + M(u, 0)) - (M(0, u) + M(u, 0));
          if (pair < add && routeFits([u, v], minutes, size, lim)) add = pair;
        }
        pairing += add;
      }
      const key = [overflow, p.consecutive, pairing, load, pi];
      if (best < 0 || lexLess(key, bestKey)) {
        best = pi;
        bestKey = key;
      }
    });
    choice[i] = best;
    for (const w of patterns[i][best].days) onDay.get(w)!.push(v);
  }

  // Improvement: move one demand to another pattern when the routed week gets cheaper (fewer
  // unplaced visits, then fewer consecutive pairs, then less travel); deterministic order and budget.
  for (let round = 0; round < IMPROVE_ROUNDS && solverCalls < IMPROVE_BUDGET; round++) {
    let improved = false;
    for (const i of active) {
      if (patterns[i].length < 2 || solverCalls >= IMPROVE_BUDGET) continue;
      const v = i + 1;
      const cur = patterns[i][choice[i]];
      let bestDelta = -1e-6;
      let bestP = -1;
      for (let pi = 0; pi < patterns[i].length && solverCalls < IMPROVE_BUDGET; pi++) {
        if (pi === choice[i]) continue;
        const p = patterns[i][pi];
        let delta = CONSECUTIVE * (p.consecutive - cur.consecutive);
        for (const w of workingDays) {
          const was = cur.days.includes(w);
          const will = p.days.includes(w);
          if (was === will) continue;
          const here = onDay.get(w)!;
          const next = will ? [...here, v] : here.filter((x) => x !== v);
          delta += dayCost(next) - dayCost(here);
        }
        if (delta < bestDelta) {
          bestDelta = delta;
          bestP = pi;
        }
      }
      if (bestP >= 0) {
        for (const w of cur.days) onDay.set(w, onDay.get(w)!.filter((x) => x !== v));
        for (const w of patterns[i][bestP].days) onDay.get(w)!.push(v);
        choice[i] = bestP;
        improved = true;
      }
    }
    if (!improved) break;
  }

  // The week: one TeamDay per team × working day, stops in route order (am, pm).
  const placed = new Array<number>(demands.length).fill(0);
  const unplacedByDay = new Map<Weekday, number[]>();
  const byTeamDay = new Map<string, number[]>();
  for (const w of workingDays) {
    const r = route(onDay.get(w)!);
    r.routes.forEach((rt, t) => {
      byTeamDay.set(`${t + 1}:${w}`, rt);
      for (const v of rt) placed[v - 1]++;
    });
    unplacedByDay.set(w, r.unassigned);
  }
  const days: TeamDay[] = [];
  for (let t = 1; t <= teams; t++)
    for (const w of workingDays) {
      const stops: TourStop[] = (byTeamDay.get(`${t}:${w}`) ?? []).map((v, s) => ({
        venueCode: demands[v - 1].venueCode,
        villageCodes: demands[v - 1].villageCodes,
        session: s === 0 ? 'am' : 'pm',
        arrive: 0,
        depart: 0,
        travelMinutes: 0,
        travelKm: null,
      }));
      days.push({ team: t, day: w, stops, start: config.dayStart, end: config.dayStart, travelMinutes: 0, travelKm: null });
    }

  // What the teams cannot hold: county backfill (V5), never dropped silently.
  demands.forEach((d, i) => {
    if (placeable[i] === 0 || placed[i] >= placeable[i]) return;
    issue('no_capacity', 'error', d.venueCode, 'X.tour_teams_per_thc', { name: nameOf(d), planned: placed[i], required: required[i], teams });
    backfill.add(d.venueCode);
  });
  let extra = Math.ceil(visitsWithoutTeams / SESSIONS_PER_DAY);
  for (const w of workingDays) extra += teamDaysFor(unplacedByDay.get(w) ?? [], minutes, size, lim);

  const finite = (a: Float64Array): (number | null)[] => Array.from(a, (x) => (Number.isFinite(x) ? x : null));
  return evaluateWeekPlan({
    thcCode: depot.code,
    name: depot.name,
    config: { ...config, teams, workingDays },
    demands,
    points: [depot, ...input.locations],
    matrix: finite(minutes),
    km: input.km ? finite(input.km) : null,
    days,
    totals: { visitsRequired: 0, visitsPlanned: 0, travelMinutes: 0, travelKm: null, teamDaysUsed: 0, extraTeamDaysNeeded: extra },
    backfill: demands.map((d) => d.venueCode).filter((c) => backfill.has(c)),
    issues,
  });
}

/** Team-days that would hold `visits` of one day: feasible pairs share a day (greedy, nearest pair first). */
function teamDaysFor(visits: readonly number[], minutes: Float64Array, size: number, lim: DayLimits): number {
  const left = new Set(visits);
  let count = 0;
  const pairs: [number, number, number][] = [];
  for (const a of visits)
    for (const b of visits) if (a !== b && routeFits([a, b], minutes, size, lim)) pairs.push([a, b, minutes[a * size + b]]);
  pairs.sort((x, y) => x[2] - y[2] || x[0] - y[0] || x[1] - y[1]);
  for (const [a, b] of pairs)
    if (left.has(a) && left.has(b)) {
      left.delete(a);
      left.delete(b);
      count++;
    }
  return count + left.size;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
