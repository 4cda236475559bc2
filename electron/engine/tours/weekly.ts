/** The periodic weekly tour plan of one THC (V1, V2): visits → team, day, session; routes per team-day. */
import { WEEKDAYS, type PlanPoint, type TeamDay, type ThcTourConfig, type ThcWeekPlan, type TourDemand, type TourIssue, type TourStop, type Weekday } from '../../domain/tours.js';
import type { RuleValues } from '../../domain/rules.js';
import { evaluateWeekPlan } from '../../domain/tour-evaluate.js';
import { RuleReader } from '../rule-values.js';
import { dayPatterns, type DayPattern } from './week-patterns.js';
import { routeDay, routeFits, SESSIONS_PER_DAY, type DayLimits, type DayRouting } from './week-routes.js';
import { DAY_DP_MAX, exactDayCost, exactDayRoutes } from './week-daycost.js';

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
/** Effort of the improvement per THC, counted (deterministic, not time): solver calls, exact day scores, rounds. */
const IMPROVE_BUDGET = 400;
const SCORE_BUDGET = 200_000;
const IMPROVE_ROUNDS = 20;
const RUIN_ROUNDS = 150;
/** Weeks with at most this many pattern combinations are searched exhaustively. */
const EXACT_COMBOS = 50_000;
const RUIN_SIZE = 4;

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
      visitsWithoutTeams += Math.min(k, days.length);
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
  // The routes of a day: the solver's, unless the exact day optimum places more visits or travels
  // less (the solver runs a short search per day; the optimum of ≤ 2 stops a route is cheap).
  const finalRoutes = (visits: number[]): DayRouting => {
    const r = route(visits);
    if (visits.length > DAY_DP_MAX) return r;
    const x = exactDayRoutes([...visits].sort((a, b) => a - b), minutes, size, lim, UNPLACED);
    if (x.unassigned.length > r.unassigned.length || (x.unassigned.length === r.unassigned.length && x.travel >= r.travel - 1e-6)) return r;
    const routes: number[][] = Array.from({ length: teams }, (_, t) => x.routes[t] ?? []);
    return { routes, unassigned: x.unassigned, travel: x.travel };
  };

  // Candidate weeks are scored exactly per day (subset DP); days too big for it by the solver.
  const scores = new Map<string, number>();
  let scored = 0;
  const dayCost = (visits: number[]): number => {
    scored++;
    if (visits.length > DAY_DP_MAX) {
      const r = route(visits);
      return r.travel + UNPLACED * r.unassigned.length;
    }
    const key = [...visits].sort((a, b) => a - b).join(',');
    let c = scores.get(key);
    if (c === undefined) {
      c = exactDayCost(visits, minutes, size, lim, UNPLACED);
      scores.set(key, c);
    }
    return c;
  };

  // Greedy: hardest first — demands bound to one or two patterns (allowed days), then the most
  // visits (their patterns fix the days single visits then pair with), then fewest patterns, then
  // farthest — each on the pattern that overflows no day, avoids consecutive days, and pairs best
  // with the visits already there.
  const active = demands.map((_, i) => i).filter((i) => placeable[i] > 0);
  const spread = (i: number): number => patterns[i].filter((p) => p.consecutive === 0).length || patterns[i].length;
  const far = (i: number): number => M(0, i + 1) + M(i + 1, 0);
  const bound = (i: number): number => (spread(i) <= 2 ? 0 : 1);
  active.sort((a, b) => bound(a) - bound(b) || placeable[b] - placeable[a] || spread(a) - spread(b) || far(b) - far(a) || a - b);
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

  // Small weeks are searched exhaustively (every pattern of every demand, pruned by the cost so
  // far: a day never gets cheaper by adding a visit); the heuristics below then have nothing to add.
  const combos = active.reduce((p, i) => p * patterns[i].length, 1);
  const exhaustive = combos <= EXACT_COMBOS;
  if (combos > 1 && exhaustive) {
    const order = [...active];
    let best = Infinity;
    let bestChoice: number[] = [];
    const dayOf = new Map(workingDays.map((w) => [w, [] as number[]]));
    const rec = (k: number, cost: number): void => {
      if (cost >= best - 1e-6) return;
      if (k === order.length) {
        best = cost;
        bestChoice = order.map((i) => choice[i]);
        return;
      }
      const i = order[k];
      for (let pi = 0; pi < patterns[i].length; pi++) {
        let c = cost + CONSECUTIVE * patterns[i][pi].consecutive;
        for (const w of patterns[i][pi].days) {
          const here = dayOf.get(w)!;
          c += dayCost([...here, i + 1]) - dayCost(here);
        }
        for (const w of patterns[i][pi].days) dayOf.get(w)!.push(i + 1);
        choice[i] = pi;
        rec(k + 1, c);
        for (const w of patterns[i][pi].days) dayOf.get(w)!.pop();
      }
    };
    // The greedy week is the first bound.
    const greedyChoice = order.map((i) => choice[i]);
    let greedyCost = 0;
    for (const w of workingDays) greedyCost += dayCost(onDay.get(w)!);
    for (const i of order) greedyCost += CONSECUTIVE * patterns[i][choice[i]].consecutive;
    best = greedyCost + 1e-5;
    bestChoice = greedyChoice;
    rec(0, 0);
    order.forEach((i, k) => (choice[i] = bestChoice[k]));
    for (const w of workingDays) onDay.set(w, []);
    for (const i of order) for (const w of patterns[i][choice[i]].days) onDay.get(w)!.push(i + 1);
  }

  // Improvement (deterministic order, bounded effort): move one demand to another pattern when
  // the week gets cheaper — fewer unplaced visits, then fewer consecutive pairs (V1 spacing), then
  // less travel; when no single move helps, re-place two demands jointly.
  const patternCost = (i: number, pi: number): number => CONSECUTIVE * patterns[i][pi].consecutive;
  /** Cost change of demand i taking pattern pi, applied to `onDay` when `apply`. */
  const tryMove = (i: number, pi: number, apply: boolean): number => {
    const v = i + 1;
    const cur = patterns[i][choice[i]];
    const p = patterns[i][pi];
    let delta = patternCost(i, pi) - patternCost(i, choice[i]);
    for (const w of workingDays) {
      const was = cur.days.includes(w);
      const will = p.days.includes(w);
      if (was === will) continue;
      const here = onDay.get(w)!;
      const next = will ? [...here, v] : here.filter((x) => x !== v);
      delta += dayCost(next) - dayCost(here);
      if (apply) onDay.set(w, next);
    }
    if (apply) choice[i] = pi;
    return delta;
  };
  const bestMove = (i: number): { pi: number; delta: number } => {
    let best = { pi: -1, delta: 0 };
    for (let pi = 0; pi < patterns[i].length; pi++) {
      if (pi === choice[i]) continue;
      const d = tryMove(i, pi, false);
      if (d < best.delta - 1e-6) best = { pi, delta: d };
    }
    return best;
  };
  const budgetLeft = (): boolean => scored < SCORE_BUDGET && solverCalls < IMPROVE_BUDGET;
  for (let round = 0; round < IMPROVE_ROUNDS && !exhaustive && budgetLeft(); round++) {
    let improved = false;
    for (const i of active) {
      if (patterns[i].length < 2 || !budgetLeft()) continue;
      const m = bestMove(i);
      if (m.pi >= 0) {
        tryMove(i, m.pi, true);
        improved = true;
      }
    }
    if (improved) continue;
    // Joint re-placement of two demands: every pair of their patterns (covers two-step chains,
    // e.g. two twice-a-week villages sharing one day and pairing with different single-visit
    // villages on the other).
    for (let a = 0; a < active.length && !improved && budgetLeft(); a++)
      for (let b = a + 1; b < active.length && !improved && budgetLeft(); b++) {
        const i = active[a];
        const j = active[b];
        if (patterns[i].length < 2 && patterns[j].length < 2) continue;
        const fi = choice[i];
        const fj = choice[j];
        let best = { pi: -1, pj: -1, delta: -1e-6 };
        for (let pi = 0; pi < patterns[i].length && budgetLeft(); pi++) {
          const d1 = pi === fi ? 0 : tryMove(i, pi, true);
          for (let pj = 0; pj < patterns[j].length; pj++) {
            if (pi === fi && pj === fj) continue;
            const d2 = pj === fj ? 0 : tryMove(j, pj, false);
            if (d1 + d2 < best.delta) best = { pi, pj, delta: d1 + d2 };
          }
          if (pi !== fi) tryMove(i, fi, true); // undo
        }
        if (best.pi >= 0) {
          if (best.pi !== fi) tryMove(i, best.pi, true);
          if (best.pj !== fj) tryMove(j, best.pj, true);
          improved = true;
        }
      }
    if (!improved) break;
  }

  // Ruin and recreate (seeded, deterministic): take out a demand and up to RUIN_SIZE − 1 others
  // sharing its days, put them back one by one on their cheapest pattern, keep the week if it is
  // cheaper — escapes the local optima of single and pair moves (e.g. a far twice-a-week village
  // that should yield its days to a cluster of near ones).
  const totalCost = (): number => {
    let c = 0;
    for (const w of workingDays) c += dayCost(onDay.get(w)!);
    for (const i of active) c += patternCost(i, choice[i]);
    return c;
  };
  let rng = ((input.seed ?? 1) * 2654435761) >>> 0 || 1;
  const rand = (k: number): number => {
    rng = (rng ^ (rng << 13)) >>> 0;
    rng = (rng ^ (rng >>> 17)) >>> 0;
    rng = (rng ^ (rng << 5)) >>> 0;
    return rng % k;
  };
  const take = (i: number): void => {
    for (const w of patterns[i][choice[i]].days) onDay.set(w, onDay.get(w)!.filter((x) => x !== i + 1));
    choice[i] = -1;
  };
  const put = (i: number): void => {
    // Cheapest pattern; ties broken at random (a far village is as cheap on any day, and which
    // days it leaves free decides whether the others can spread).
    const costs = patterns[i].map((p, pi) => {
      let c = patternCost(i, pi);
      for (const w of p.days) c += dayCost([...onDay.get(w)!, i + 1]) - dayCost(onDay.get(w)!);
      return c;
    });
    const least = Math.min(...costs);
    const ties = costs.map((c, pi) => (c <= least + 1e-6 ? pi : -1)).filter((pi) => pi >= 0);
    const pick = ties[rand(ties.length)];
    for (const w of patterns[i][pick].days) onDay.get(w)!.push(i + 1);
    choice[i] = pick;
  };
  let current = totalCost();
  for (let it = 0; it < RUIN_ROUNDS && !exhaustive && active.length > 1 && budgetLeft(); it++) {
    const seedDemand = active[rand(active.length)];
    const sharing = active.filter((j) => j !== seedDemand && patterns[j][choice[j]].days.some((w) => patterns[seedDemand][choice[seedDemand]].days.includes(w)));
    const others = active.filter((j) => j !== seedDemand && !sharing.includes(j));
    const pool = [...sharing, ...others];
    const out = [seedDemand];
    while (out.length < Math.min(RUIN_SIZE, active.length) && pool.length > 0) {
      // Mostly related demands, now and then any (diversification).
      const k = sharing.length > 0 && rand(4) > 0 ? rand(Math.min(sharing.length, pool.length)) : rand(pool.length);
      out.push(pool.splice(k, 1)[0]);
      if (k < sharing.length) sharing.splice(k, 1);
    }
    const saved = new Map(out.map((i) => [i, choice[i]]));
    const savedDays = new Map([...onDay].map(([w, l]) => [w, [...l]]));
    for (const i of out) take(i);
    // Re-insert hardest first, random ties.
    out.sort((a, b) => spread(a) - spread(b) || placeable[b] - placeable[a]);
    if (rand(2) === 0) out.reverse();
    for (const i of out) put(i);
    const c = totalCost();
    if (c < current - 1e-6) current = c;
    else {
      for (const [i, pi] of saved) choice[i] = pi;
      for (const [w, l] of savedDays) onDay.set(w, l);
    }
  }

  // The week: one TeamDay per team × working day, stops in route order (am, pm).
  const placed = new Array<number>(demands.length).fill(0);
  const unplacedByDay = new Map<Weekday, number[]>();
  const byTeamDay = new Map<string, number[]>();
  for (const w of workingDays) {
    const r = finalRoutes(onDay.get(w)!);
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
