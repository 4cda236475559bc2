/** Routing of one day's visits into team routes of at most two half-day sessions (V1), via solveVrp. */
import { solveVrp } from './vrp.js';

export interface DayLimits {
  teams: number;
  /** On-site minutes of one visit (V1: at least half a day). */
  serviceMinutes: number;
  /** X.tour_team_hours_per_day × 60. */
  dayMinutes: number;
  /** X.tour_max_travel_minutes_per_day. */
  maxTravel: number;
  seed: number;
}

export interface DayRouting {
  /** Per team (index = team − 1), the plan nodes visited in order (am, pm). */
  routes: number[][];
  unassigned: number[];
  travel: number;
}

/** Ruin-and-recreate rounds of the solver per day. */
export const DAY_SEARCH_ROUNDS = 20;

/** Stops per team-day: the two half-day sessions. */
export const SESSIONS_PER_DAY = 2;

/** Travel of depot → nodes → depot over the full plan matrix (row-major, size `size`). */
export function routeTravel(route: readonly number[], minutes: Float64Array, size: number): number {
  let prev = 0;
  let t = 0;
  for (const v of route) {
    t += minutes[prev * size + v];
    prev = v;
  }
  return route.length > 0 ? t + minutes[prev * size] : 0;
}

/** Whether a route keeps the working-day and travel limits (X.tour_team_hours_per_day, X.tour_max_travel_minutes_per_day). */
export function routeFits(route: readonly number[], minutes: Float64Array, size: number, lim: DayLimits): boolean {
  if (route.length > SESSIONS_PER_DAY) return false;
  const travel = routeTravel(route, minutes, size);
  return Number.isFinite(travel) && travel <= lim.maxTravel + 1e-9 && travel + route.length * lim.serviceMinutes <= lim.dayMinutes + 1e-9;
}

/**
 * Routes the plan nodes `visits` (indices into the full matrix; 0 is the depot) for one day.
 * The solver's answer is checked against the limits; a route that breaks them loses its last
 * stops to `unassigned`, so no team-day ever exceeds its hours or travel.
 */
export function routeDay(visits: readonly number[], minutes: Float64Array, size: number, lim: DayLimits): DayRouting {
  const routes: number[][] = Array.from({ length: lim.teams }, () => []);
  if (visits.length === 0 || lim.teams <= 0) return { routes, unassigned: [...visits], travel: 0 };
  const m = visits.length + 1;
  const nodes = [0, ...visits];
  const time = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) time[i * m + j] = i === j ? 0 : minutes[nodes[i] * size + nodes[j]];
  const service = new Float64Array(m).fill(lim.serviceMinutes);
  service[0] = 0;
  const sol = solveVrp({
    n: m,
    time,
    service,
    routes: lim.teams,
    maxStops: SESSIONS_PER_DAY, // V1: two half-day sessions a team-day
    maxDuration: lim.dayMinutes, // X.tour_team_hours_per_day
    maxTravel: lim.maxTravel, // X.tour_max_travel_minutes_per_day
    seed: lim.seed,
    // A day holds at most 2 × teams visits: a short search is already (near) exact, and the
    // week planner calls this a few hundred times per THC.
    iterations: DAY_SEARCH_ROUNDS,
  });
  const unassigned = sol.unassigned.map((i) => nodes[i]);
  const seen = new Set<number>();
  sol.routes.forEach((r, t) => {
    const route = r.map((i) => nodes[i]).filter((v) => v > 0 && !seen.has(v));
    route.forEach((v) => seen.add(v));
    if (t >= lim.teams) {
      unassigned.push(...route);
      return;
    }
    while (route.length > 0 && !routeFits(route, minutes, size, lim)) unassigned.push(route.pop()!);
    routes[t] = route;
  });
  for (const v of visits) if (!seen.has(v) && !unassigned.includes(v)) unassigned.push(v);
  const travel = routes.reduce((s, r) => s + routeTravel(r, minutes, size), 0);
  return { routes, unassigned: [...new Set(unassigned)].filter((v) => !routes.some((r) => r.includes(v))), travel };
}
