/**
 * Vehicle routing from one depot into fixed, indexed route slots (vehicles, or team-days):
 * construction (regret-2 insertion, or Clarke-Wright savings if it starts better), then local
 * search — relocate of 1-3 stop segments (either orientation) across routes, exchange, 2-opt*
 * (tail swap) between routes, and within a route the TSP solver (2-opt + Or-opt; exact up to
 * EXACT_MAX_N - 1 stops) — then ruin-and-recreate rounds (remove related customers, reinsert by
 * regret, local search; keep if not worse). Deterministic per seed; effort counted in rounds.
 *
 * Every move is accepted only when each touched route keeps maxStops, maxTravel, maxDuration and
 * the customers' route masks, so the answer is feasible at every step. Customers that fit nowhere
 * are listed in `unassigned`; after the search they are offered every route once more.
 *
 * Infinity (unreachable) costs: a route in the plan always has finite travel, so deltas only ever
 * subtract finite edges; an unreachable new edge makes the candidate Infinity and it is rejected.
 */
import { randInt, seededRandom, type Random } from './random.js';
import { solveTsp } from './tsp.js';
import type { VrpProblem, VrpSolution } from './vrp-types.js';

/** Ruin-and-recreate rounds when the problem gives no `iterations`. */
export const DEFAULT_VRP_ITERATIONS = 150;
const EPS = 1e-9;

interface Ctx {
  n: number;
  c: Float64Array;
  service: Float64Array;
  R: number;
  maxStops: number;
  maxDuration: number;
  maxTravel: number;
  /** ok[u * R + r] = 1 when customer u may join route r. */
  ok: Uint8Array;
}

/** The mutable plan: routes with cached travel and service sums. */
interface Plan {
  routes: number[][];
  travel: Float64Array;
  serv: Float64Array;
  unassigned: number[];
}

function makeCtx(p: VrpProblem): Ctx {
  const { n, routes: R } = p;
  const ok = new Uint8Array(n * R);
  for (let u = 1; u < n; u++) {
    const mask = p.allowed?.[u];
    for (let r = 0; r < R; r++) ok[u * R + r] = !mask || mask[r] ? 1 : 0;
  }
  return {
    n,
    c: p.time,
    service: p.service,
    R,
    maxStops: p.maxStops,
    maxDuration: p.maxDuration,
    maxTravel: p.maxTravel,
    ok,
  };
}

function fits(x: Ctx, stops: number, travel: number, serv: number): boolean {
  return stops <= x.maxStops && Number.isFinite(travel) && travel <= x.maxTravel + EPS && travel + serv <= x.maxDuration + EPS;
}

export function routeTravel(c: Float64Array, n: number, route: readonly number[]): number {
  if (route.length === 0) return 0;
  let s = c[route[0]] + c[route[route.length - 1] * n];
  for (let k = 0; k + 1 < route.length; k++) s += c[route[k] * n + route[k + 1]];
  return Number.isNaN(s) ? Infinity : s;
}

function routeService(x: Ctx, route: readonly number[]): number {
  let s = 0;
  for (const u of route) s += x.service[u];
  return s;
}

function emptyPlan(x: Ctx): Plan {
  return {
    routes: Array.from({ length: x.R }, () => []),
    travel: new Float64Array(x.R),
    serv: new Float64Array(x.R),
    unassigned: [],
  };
}

function clonePlan(p: Plan): Plan {
  return { routes: p.routes.map((r) => r.slice()), travel: p.travel.slice(), serv: p.serv.slice(), unassigned: p.unassigned.slice() };
}

function totalTravel(p: Plan): number {
  let s = 0;
  for (const t of p.travel) s += t;
  return s;
}

/** Fewer unassigned first, then less travel. */
function better(a: Plan, b: Plan): boolean {
  if (a.unassigned.length !== b.unassigned.length) return a.unassigned.length < b.unassigned.length;
  return totalTravel(a) < totalTravel(b) - EPS;
}

function setRoute(x: Ctx, p: Plan, r: number, route: number[]): void {
  p.routes[r] = route;
  p.travel[r] = routeTravel(x.c, x.n, route);
  p.serv[r] = routeService(x, route);
}

/** Cheapest feasible position for u in route r: [added travel, position] or [Infinity, -1]. */
function bestInsertion(x: Ctx, p: Plan, u: number, r: number): [number, number] {
  const { c, n } = x;
  const route = p.routes[r];
  if (!x.ok[u * x.R + r] || route.length + 1 > x.maxStops) return [Infinity, -1];
  let best = Infinity;
  let at = -1;
  for (let k = 0; k <= route.length; k++) {
    const a = k === 0 ? 0 : route[k - 1];
    const b = k === route.length ? 0 : route[k];
    const d = c[a * n + u] + c[u * n + b] - c[a * n + b];
    if (d < best && fits(x, route.length + 1, p.travel[r] + d, p.serv[r] + x.service[u])) {
      best = d;
      at = k;
    }
  }
  return [best, at];
}

/**
 * Regret-2 insertion of `pool` into the plan's slots: repeatedly place the customer whose best
 * route beats its second-best route by the most (those with a single option first), at its
 * cheapest feasible position. Masks are just routes with no option. Cached per (customer, route);
 * only the route that changed is re-evaluated.
 */
function regretInsert(x: Ctx, p: Plan, pool: number[]): void {
  const R = x.R;
  const pending = pool.slice();
  const cost = new Float64Array(pending.length * R);
  const pos = new Int32Array(pending.length * R);
  const evalRoute = (i: number, r: number): void => {
    const [d, k] = bestInsertion(x, p, pending[i], r);
    cost[i * R + r] = d;
    pos[i * R + r] = k;
  };
  for (let i = 0; i < pending.length; i++) for (let r = 0; r < R; r++) evalRoute(i, r);
  const alive = new Uint8Array(pending.length).fill(1);
  for (let left = pending.length; left > 0; left--) {
    let pick = -1, pickR = -1, pickRegret = -Infinity, pickCost = Infinity;
    for (let i = 0; i < pending.length; i++) {
      if (!alive[i]) continue;
      let b1 = Infinity, b2 = Infinity, r1 = -1;
      for (let r = 0; r < R; r++) {
        const d = cost[i * R + r];
        if (d < b1) { b2 = b1; b1 = d; r1 = r; } else if (d < b2) b2 = d;
      }
      if (r1 < 0) {
        // Fits no route now; routes only fill up during construction, so it is left out.
        alive[i] = 0;
        p.unassigned.push(pending[i]);
        continue;
      }
      const regret = b2 === Infinity ? Number.MAX_VALUE : b2 - b1;
      if (regret > pickRegret || (regret === pickRegret && b1 < pickCost)) {
        pick = i; pickR = r1; pickRegret = regret; pickCost = b1;
      }
    }
    if (pick < 0) break;
    alive[pick] = 0;
    const route = p.routes[pickR].slice();
    route.splice(pos[pick * R + pickR], 0, pending[pick]);
    setRoute(x, p, pickR, route);
    for (let i = 0; i < pending.length; i++) if (alive[i]) evalRoute(i, pickR);
  }
  p.unassigned.sort((a, b) => a - b);
}

/**
 * Clarke-Wright savings (directed: join a route ending at i to one starting at j when
 * c(i,0) + c(0,j) - c(i,j) > 0 and the merge keeps every limit and a common allowed slot), then
 * routes are matched to slots by maximum bipartite matching over the masks (largest routes first);
 * customers of unmatched routes are inserted by regret where they fit. Exported for the bench.
 */
export function savingsVrp(problem: VrpProblem): VrpSolution {
  const x = makeCtx(problem);
  const p = savingsPlan(x);
  return toSolution(p);
}

function savingsPlan(x: Ctx): Plan {
  const { n, c, R } = x;
  const plan = emptyPlan(x);
  const lists: (number[] | null)[] = [];
  const masks: Uint8Array[] = [];
  const routeOf = new Int32Array(n).fill(-1);
  for (let u = 1; u < n; u++) {
    const m = x.ok.slice(u * R, u * R + R);
    const alone = [u];
    if (!m.some((v) => v) || !fits(x, 1, routeTravel(c, n, alone), x.service[u])) {
      plan.unassigned.push(u);
      continue;
    }
    routeOf[u] = lists.length;
    lists.push(alone);
    masks.push(m);
  }
  const pairs: [number, number, number][] = [];
  for (let i = 1; i < n; i++) {
    if (routeOf[i] < 0) continue;
    for (let j = 1; j < n; j++) {
      if (i === j || routeOf[j] < 0) continue;
      const s = c[i * n] + c[j] - c[i * n + j];
      if (s > EPS && Number.isFinite(s)) pairs.push([s, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [, i, j] of pairs) {
    const ri = routeOf[i], rj = routeOf[j];
    if (ri === rj) continue;
    const A = lists[ri]!, B = lists[rj]!;
    if (A[A.length - 1] !== i || B[0] !== j) continue;
    const merged = A.concat(B);
    const mask = masks[ri].map((v, r) => v & masks[rj][r]);
    if (!mask.some((v) => v)) continue;
    if (!fits(x, merged.length, routeTravel(c, n, merged), routeService(x, merged))) continue;
    lists[ri] = merged;
    masks[ri] = mask;
    lists[rj] = null;
    for (const u of B) routeOf[u] = ri;
  }
  // Slots by maximum bipartite matching (Kuhn), trying the routes with most stops first.
  const ids = lists.map((_, k) => k).filter((k) => lists[k]);
  ids.sort((a, b) => lists[b]!.length - lists[a]!.length || a - b);
  const slotOwner = new Int32Array(R).fill(-1);
  const tryAssign = (k: number, seen: Uint8Array): boolean => {
    for (let r = 0; r < R; r++) {
      if (!masks[k][r] || seen[r]) continue;
      seen[r] = 1;
      if (slotOwner[r] < 0 || tryAssign(slotOwner[r], seen)) {
        slotOwner[r] = k;
        return true;
      }
    }
    return false;
  };
  const leftover: number[] = [];
  for (const k of ids) if (!tryAssign(k, new Uint8Array(R))) leftover.push(...lists[k]!);
  for (let r = 0; r < R; r++) if (slotOwner[r] >= 0) setRoute(x, plan, r, lists[slotOwner[r]]!.slice());
  if (leftover.length) regretInsert(x, plan, leftover);
  plan.unassigned.sort((a, b) => a - b);
  return plan;
}

/** Routes of up to this many stops are re-sequenced exactly (Held-Karp via solveTsp, ≤ 16k steps). */
const EXACT_ROUTE_STOPS = 8;

/**
 * Within-route improvement (travel only falls, service is unchanged, so limits still hold): short
 * routes exactly through solveTsp; longer ones by 2-opt (directed costs: the reversed segment's
 * internal cost is accumulated as j grows) and Or-opt of 1-3 stops, either orientation, to a
 * local optimum.
 */
function optimiseRoute(x: Ctx, p: Plan, r: number): boolean {
  const route = p.routes[r];
  const { c, n } = x;
  const m = route.length + 1;
  if (m < 3) return false;
  if (route.length <= EXACT_ROUTE_STOPS) {
    const nodes = [0, ...route];
    const sub = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) sub[i * m + j] = c[nodes[i] * n + nodes[j]];
    const t = solveTsp(m, sub, { seed: 1 });
    if (!(t.length < p.travel[r] - EPS)) return false;
    setRoute(x, p, r, t.order.slice(1).map((k) => nodes[k]));
    return true;
  }
  // seq[0] is the depot; seq[m] wraps to it. Moves touch positions 1..m-1 only.
  const seq = Int32Array.from([0, ...route]);
  const at = (k: number): number => seq[k === m ? 0 : k];
  let improved = false;
  for (let pass = 0; pass < 1000; pass++) {
    let moved = false;
    // 2-opt: reverse seq[i+1..j].
    for (let i = 0; i < m - 2 && !moved; i++) {
      let fwd = 0, rev = 0;
      for (let j = i + 2; j < m; j++) {
        fwd += c[seq[j - 1] * n + seq[j]];
        rev += c[seq[j] * n + seq[j - 1]];
        const a = seq[i], b = seq[i + 1], cc = seq[j], d = at(j + 1);
        const delta = c[a * n + cc] + c[b * n + d] - c[a * n + b] - c[cc * n + d] + rev - fwd;
        if (delta < -EPS) {
          seq.subarray(i + 1, j + 1).reverse();
          moved = true;
          break;
        }
      }
    }
    // Or-opt: segment seq[i..i+L-1] to between seq[g] and seq[g+1].
    for (let L = 1; L <= 3 && !moved; L++) {
      for (let i = 1; i + L <= m && !moved; i++) {
        const s0 = seq[i], se = seq[i + L - 1], pr = seq[i - 1], nx = at(i + L);
        let fwd = 0, rev = 0;
        for (let k = i; k + 1 < i + L; k++) { fwd += c[seq[k] * n + seq[k + 1]]; rev += c[seq[k + 1] * n + seq[k]]; }
        const gain = c[pr * n + s0] + c[se * n + nx] - c[pr * n + nx];
        if (!(gain > EPS)) continue;
        for (let g = 0; g < m && !moved; g++) {
          if (g >= i - 1 && g < i + L) continue;
          const a = seq[g], b = at(g + 1);
          const add = c[a * n + s0] + c[se * n + b] - c[a * n + b];
          const addRev = c[a * n + se] + c[s0 * n + b] - c[a * n + b] + rev - fwd;
          const useRev = addRev < add;
          if (Math.min(add, addRev) - gain < -EPS) {
            const segNodes = Array.from(seq.subarray(i, i + L));
            if (useRev) segNodes.reverse();
            const rest = [...seq.subarray(0, i), ...seq.subarray(i + L)];
            const ins = g < i ? g + 1 : g + 1 - L;
            rest.splice(ins, 0, ...segNodes);
            seq.set(rest);
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
    improved = true;
  }
  if (!improved) return false;
  const next = Array.from(seq.subarray(1));
  const t = routeTravel(c, n, next);
  if (!(t < p.travel[r] - EPS)) return false;
  setRoute(x, p, r, next);
  return true;
}

/** Move a segment of 1-3 stops (either orientation) of one route into another route. */
function relocateAcross(x: Ctx, p: Plan): boolean {
  const { c, n, R } = x;
  for (let r1 = 0; r1 < R; r1++) {
    const A = p.routes[r1];
    for (let L = 1; L <= 3; L++) {
      for (let i = 0; i + L <= A.length; i++) {
        const s0 = A[i], se = A[i + L - 1];
        const pr = i === 0 ? 0 : A[i - 1];
        const nx = i + L === A.length ? 0 : A[i + L];
        let fwdInt = 0, revInt = 0, segServ = 0;
        for (let k = i; k < i + L; k++) {
          segServ += x.service[A[k]];
          if (k + 1 < i + L) { fwdInt += c[A[k] * n + A[k + 1]]; revInt += c[A[k + 1] * n + A[k]]; }
        }
        const t1 = p.travel[r1] - c[pr * n + s0] - fwdInt - c[se * n + nx] + c[pr * n + nx];
        if (!fits(x, A.length - L, t1, p.serv[r1] - segServ)) continue;
        const gain1 = t1 - p.travel[r1];
        for (let r2 = 0; r2 < R; r2++) {
          if (r2 === r1) continue;
          const Bq = p.routes[r2];
          if (Bq.length + L > x.maxStops) continue;
          let allowed = true;
          for (let k = i; k < i + L && allowed; k++) allowed = x.ok[A[k] * R + r2] === 1;
          if (!allowed) continue;
          for (let j = 0; j <= Bq.length; j++) {
            const a = j === 0 ? 0 : Bq[j - 1];
            const b = j === Bq.length ? 0 : Bq[j];
            const base = p.travel[r2] - c[a * n + b];
            for (let rev = 0; rev < (L > 1 ? 2 : 1); rev++) {
              const t2 = rev ? base + c[a * n + se] + revInt + c[s0 * n + b] : base + c[a * n + s0] + fwdInt + c[se * n + b];
              if (!(gain1 + t2 - p.travel[r2] < -EPS)) continue;
              if (!fits(x, Bq.length + L, t2, p.serv[r2] + segServ)) continue;
              const seg = A.slice(i, i + L);
              if (rev) seg.reverse();
              const nb = Bq.slice();
              nb.splice(j, 0, ...seg);
              const na = A.slice();
              na.splice(i, L);
              setRoute(x, p, r1, na);
              setRoute(x, p, r2, nb);
              return true;
            }
          }
        }
      }
    }
  }
  return false;
}

/** Exchange one stop of a route with one stop of another. */
function exchange(x: Ctx, p: Plan): boolean {
  const { c, n, R, service } = x;
  for (let r1 = 0; r1 < R; r1++) {
    const A = p.routes[r1];
    for (let r2 = r1 + 1; r2 < R; r2++) {
      const B = p.routes[r2];
      for (let i = 0; i < A.length; i++) {
        const u = A[i];
        if (!x.ok[u * R + r2]) continue;
        const pa = i === 0 ? 0 : A[i - 1], na = i + 1 === A.length ? 0 : A[i + 1];
        const outA = c[pa * n + u] + c[u * n + na];
        for (let j = 0; j < B.length; j++) {
          const v = B[j];
          if (!x.ok[v * R + r1]) continue;
          const pb = j === 0 ? 0 : B[j - 1], nb = j + 1 === B.length ? 0 : B[j + 1];
          const t1 = p.travel[r1] - outA + c[pa * n + v] + c[v * n + na];
          const t2 = p.travel[r2] - c[pb * n + v] - c[v * n + nb] + c[pb * n + u] + c[u * n + nb];
          if (!(t1 + t2 < p.travel[r1] + p.travel[r2] - EPS)) continue;
          if (!fits(x, A.length, t1, p.serv[r1] - service[u] + service[v])) continue;
          if (!fits(x, B.length, t2, p.serv[r2] - service[v] + service[u])) continue;
          const a2 = A.slice(); a2[i] = v;
          const b2 = B.slice(); b2[j] = u;
          setRoute(x, p, r1, a2);
          setRoute(x, p, r2, b2);
          return true;
        }
      }
    }
  }
  return false;
}

/** 2-opt*: swap the tails of two routes (A1+B2, A2+B1), when the masks allow the moved tails. */
function twoOptStar(x: Ctx, p: Plan): boolean {
  const { c, n, R } = x;
  for (let r1 = 0; r1 < R; r1++) {
    const A = p.routes[r1];
    const [preA, sufA, srvA] = prefixes(x, A);
    for (let r2 = r1 + 1; r2 < R; r2++) {
      const B = p.routes[r2];
      if (A.length === 0 && B.length === 0) continue;
      const [preB, sufB, srvB] = prefixes(x, B);
      // tailOk[k]: every stop from k on may join the other route.
      const tailOkA = tailAllowed(x, A, r2);
      const tailOkB = tailAllowed(x, B, r1);
      for (let i = 0; i <= A.length; i++) {
        if (!tailOkA[i]) continue;
        const lastA = i === 0 ? 0 : A[i - 1];
        const firstA = i === A.length ? 0 : A[i];
        for (let j = 0; j <= B.length; j++) {
          if (!tailOkB[j]) continue;
          if ((i === 0 && j === 0) || (i === A.length && j === B.length)) continue;
          const lastB = j === 0 ? 0 : B[j - 1];
          const firstB = j === B.length ? 0 : B[j];
          const t1 = preA[i] + c[lastA * n + firstB] + sufB[j];
          const t2 = preB[j] + c[lastB * n + firstA] + sufA[i];
          if (!(t1 + t2 < p.travel[r1] + p.travel[r2] - EPS)) continue;
          const s1 = srvA[i] + (srvB[B.length] - srvB[j]);
          const s2 = srvB[j] + (srvA[A.length] - srvA[i]);
          if (!fits(x, i + B.length - j, t1, s1) || !fits(x, j + A.length - i, t2, s2)) continue;
          const na = A.slice(0, i).concat(B.slice(j));
          const nb = B.slice(0, j).concat(A.slice(i));
          setRoute(x, p, r1, na);
          setRoute(x, p, r2, nb);
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * pre[k]: travel depot → route[0] → … → route[k-1] (0 for k = 0); suf[k]: route[k] → … → depot
 * (0 for k = length); srv[k]: service of the first k stops.
 */
function prefixes(x: Ctx, route: readonly number[]): [Float64Array, Float64Array, Float64Array] {
  const { c, n } = x;
  const L = route.length;
  const pre = new Float64Array(L + 1), suf = new Float64Array(L + 1), srv = new Float64Array(L + 1);
  for (let k = 1; k <= L; k++) {
    pre[k] = pre[k - 1] + c[(k === 1 ? 0 : route[k - 2]) * n + route[k - 1]];
    srv[k] = srv[k - 1] + x.service[route[k - 1]];
  }
  for (let k = L - 1; k >= 0; k--) suf[k] = suf[k + 1] + c[route[k] * n + (k + 1 === L ? 0 : route[k + 1])];
  return [pre, suf, srv];
}

function tailAllowed(x: Ctx, route: readonly number[], r: number): Uint8Array {
  const ok = new Uint8Array(route.length + 1);
  ok[route.length] = 1;
  for (let k = route.length - 1; k >= 0; k--) ok[k] = ok[k + 1] && x.ok[route[k] * x.R + r] ? 1 : 0;
  return ok;
}

/** Local search to a local optimum of all neighbourhoods; intra-route only on changed routes. */
function localSearch(x: Ctx, p: Plan): void {
  const lastOpt: string[] = new Array<string>(x.R).fill('');
  for (;;) {
    for (let r = 0; r < x.R; r++) {
      const key = p.routes[r].join(',');
      if (key === lastOpt[r]) continue;
      optimiseRoute(x, p, r);
      lastOpt[r] = p.routes[r].join(',');
    }
    let any = false;
    while (relocateAcross(x, p) || exchange(x, p) || twoOptStar(x, p)) any = true;
    // Leftover customers may fit now that the routes are tighter.
    if (p.unassigned.length) {
      const before = p.unassigned.length;
      const pool = p.unassigned;
      p.unassigned = [];
      regretInsert(x, p, pool);
      if (p.unassigned.length < before) any = true;
    }
    // Intra-route passes above already ran on every changed route; only new cross moves need more.
    if (!any) return;
  }
}

/** Ruin: take out a seed customer and its nearest assigned neighbours (a related cluster). */
function ruin(x: Ctx, p: Plan, rnd: Random, routeOf: Int32Array): number[] {
  const { c, n } = x;
  const assigned: number[] = [];
  routeOf.fill(-1);
  p.routes.forEach((route, r) => route.forEach((u) => { routeOf[u] = r; assigned.push(u); }));
  if (assigned.length === 0) return [];
  const seed = assigned[randInt(rnd, assigned.length)];
  const k = Math.min(assigned.length, 2 + randInt(rnd, Math.max(1, Math.min(12, Math.ceil(assigned.length * 0.3)))));
  const byDist = assigned.slice().sort((a, b) => (c[seed * n + a] + c[a * n + seed]) - (c[seed * n + b] + c[b * n + seed]) || a - b);
  const out = byDist.slice(0, k);
  const gone = new Set(out);
  const touched = new Set(out.map((u) => routeOf[u]));
  for (const r of touched) {
    const rest = p.routes[r].filter((u) => !gone.has(u));
    // Travel times need not obey the triangle inequality (one-way roads, unreachable pairs): a
    // route shortened by the ruin can break its limits. Its customers are then reinserted too.
    if (rest.length > 0 && !fits(x, rest.length, routeTravel(x.c, x.n, rest), routeService(x, rest))) {
      out.push(...rest);
      setRoute(x, p, r, []);
    } else setRoute(x, p, r, rest);
  }
  return out;
}

function toSolution(p: Plan): VrpSolution {
  return { routes: p.routes.map((r) => r.slice()), unassigned: p.unassigned.slice().sort((a, b) => a - b), travel: totalTravel(p) };
}

/** Routes from depot 0 into `p.routes` slots; see the file header. */
export function solveVrp(problem: VrpProblem): VrpSolution {
  const x = makeCtx(problem);
  if (x.R <= 0) {
    const un: number[] = [];
    for (let u = 1; u < x.n; u++) un.push(u);
    return { routes: [], unassigned: un, travel: 0 };
  }
  const rnd = seededRandom(problem.seed ?? 1);
  const iterations = Math.max(0, Math.floor(problem.iterations ?? DEFAULT_VRP_ITERATIONS));

  const regret = emptyPlan(x);
  const customers: number[] = [];
  for (let u = 1; u < x.n; u++) customers.push(u);
  regretInsert(x, regret, customers);
  const savings = savingsPlan(x);
  let cur = better(savings, regret) ? savings : regret;
  localSearch(x, cur);
  let best = clonePlan(cur);
  const routeOf = new Int32Array(x.n);
  for (let it = 0; it < iterations; it++) {
    const trial = clonePlan(cur);
    const removed = ruin(x, trial, rnd, routeOf);
    const pool = removed.concat(trial.unassigned);
    trial.unassigned = [];
    regretInsert(x, trial, pool);
    localSearch(x, trial);
    if (!better(cur, trial)) {
      cur = trial; // not worse: accepted, so the search can move along plateaus
      if (better(cur, best)) best = clonePlan(cur);
    }
  }
  return toSolution(best);
}
