/**
 * Exact cost of one day of the weekly plan, for the pattern search: a team-day holds at most two
 * visits (V1: two half-day sessions), so a day is a choice of singles and pairs, at most one per
 * team — a subset DP, exact and far cheaper than a solver call. The final routes of each day still
 * come from solveVrp (week-routes.ts); this only scores candidate weeks.
 */
import { routeFits, type DayLimits } from './week-routes.js';

/** Largest day the DP scores (2^m states); bigger days (overfull anyway) are scored by the caller. */
export const DAY_DP_MAX = 12;

/**
 * Least travel + `unplacedCost` per visit left out, over routes of ≤ 2 visits, ≤ `lim.teams`
 * routes, each within the day's hours and travel.
 */
export function exactDayCost(visits: readonly number[], minutes: Float64Array, size: number, lim: DayLimits, unplacedCost: number): number {
  return solveDay(visits, minutes, size, lim, unplacedCost, false).cost;
}

/** The routes of that optimum (team order: as found), its unplaced visits and travel. */
export function exactDayRoutes(visits: readonly number[], minutes: Float64Array, size: number, lim: DayLimits, unplacedCost: number): { routes: number[][]; unassigned: number[]; travel: number } {
  const r = solveDay(visits, minutes, size, lim, unplacedCost, true);
  return { routes: r.routes, unassigned: r.unassigned, travel: r.routes.reduce((s, rt) => s + routeTravelOf(rt, minutes, size), 0) };
}

function routeTravelOf(route: readonly number[], minutes: Float64Array, size: number): number {
  let prev = 0;
  let t = 0;
  for (const v of route) {
    t += minutes[prev * size + v];
    prev = v;
  }
  return route.length ? t + minutes[prev * size] : 0;
}

function solveDay(visits: readonly number[], minutes: Float64Array, size: number, lim: DayLimits, unplacedCost: number, trace: boolean): { cost: number; routes: number[][]; unassigned: number[] } {
  const m = visits.length;
  if (m === 0) return { cost: 0, routes: [], unassigned: [] };
  if (m > DAY_DP_MAX) throw new Error('exactDayCost: day too large');
  const T = Math.min(lim.teams, m);
  const M = (a: number, b: number): number => minutes[a * size + b];
  const single = visits.map((v) => (routeFits([v], minutes, size, lim) ? M(0, v) + M(v, 0) : Infinity));
  const order: boolean[][] = visits.map(() => visits.map(() => true));
  const pair: number[][] = visits.map((a, i) =>
    visits.map((b, j) => {
      if (a === b) return Infinity;
      const ab = routeFits([a, b], minutes, size, lim) ? M(0, a) + M(a, b) + M(b, 0) : Infinity;
      const ba = routeFits([b, a], minutes, size, lim) ? M(0, b) + M(b, a) + M(a, 0) : Infinity;
      order[i][j] = ab <= ba;
      return Math.min(ab, ba);
    }),
  );
  const full = 1 << m;
  const W = T + 1;
  // f[mask * W + r]: least cost of the visits in mask with at most r routes; how[]: the choice (-2 unplaced, -1 single, j pair).
  const f = new Float64Array(full * W);
  const how = trace ? new Int8Array(full * W) : null;
  for (let mask = 1; mask < full; mask++) {
    const i = 31 - Math.clz32(mask & -mask);
    const rest = mask & ~(1 << i);
    for (let r = 0; r <= T; r++) {
      let best = unplacedCost + f[rest * W + r];
      let h = -2;
      if (r > 0) {
        const s = single[i] + f[rest * W + r - 1];
        if (s < best) {
          best = s;
          h = -1;
        }
        for (let j = i + 1; j < m; j++) {
          if (!(rest & (1 << j)) || pair[i][j] === Infinity) continue;
          const c = pair[i][j] + f[(rest & ~(1 << j)) * W + r - 1];
          if (c < best) {
            best = c;
            h = j;
          }
        }
      }
      f[mask * W + r] = best;
      if (how) how[mask * W + r] = h;
    }
  }
  const routes: number[][] = [];
  const unassigned: number[] = [];
  if (how) {
    let mask = full - 1;
    let r = T;
    while (mask) {
      const i = 31 - Math.clz32(mask & -mask);
      const h = how[mask * W + r];
      mask &= ~(1 << i);
      if (h === -2) unassigned.push(visits[i]);
      else if (h === -1) {
        routes.push([visits[i]]);
        r--;
      } else {
        routes.push(order[i][h] ? [visits[i], visits[h]] : [visits[h], visits[i]]);
        mask &= ~(1 << h);
        r--;
      }
    }
  }
  return { cost: f[(full - 1) * W + T], routes, unassigned };
}
