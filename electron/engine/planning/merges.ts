/**
 * V4 merges: joint clinics for groups of adjacent small blank villages, and the grouping of
 * villages served by the same neighbour clinic.
 */
import type { LngLat } from '../../domain/types.js';
import type { TravelOracle } from './types.js';

export interface JointCandidates {
  /** Village locations and populations (all villages, by index). */
  locations: readonly LngLat[];
  population: readonly number[];
  codes: readonly string[];
  /** Indices of the candidate villages (blank, small by population or area: see service-mode.ts). */
  candidates: readonly number[];
  /** Adjacent pairs among the candidates [a0, b0, …]. */
  pairs: Uint32Array;
  travel: TravelOracle;
  /** V4.merge_max_minutes */
  maxMinutes: number;
  /** V4.joint_clinic_min_population */
  minPopulation: number;
  /** A lower bound on the minutes from village a to village b known otherwise (0 when none). */
  lowerBound?: (a: number, b: number) => number;
}

/** Minutes a → b: the oracle's figure, raised to the known lower bound. */
function minutesBetween(c: JointCandidates, a: number, bs: readonly number[]): Float64Array {
  const t = c.travel.minutes(c.locations[a], bs.map((b) => c.locations[b]), c.maxMinutes);
  if (c.lowerBound) bs.forEach((b, k) => (t[k] = Math.max(t[k], c.lowerBound!(a, b))));
  return t;
}

export interface JointGroup {
  host: number;
  /** Member village indices (the host included), host first, then by index. */
  members: number[];
  /** Minutes from each member to the host (same order; host 0). */
  minutes: number[];
  population: number;
  /** Population-weighted mean minutes of the members to the host. */
  weightedMinutes: number;
}

export interface JointResult {
  groups: JointGroup[];
  /** Adjacent pairs kept after the travel-time cut. */
  keptPairs: number;
  cutPairs: number;
}

/**
 * Groups of adjacent candidates that get a joint clinic (V4 joint clinic).
 *
 * 1. Adjacent pairs whose travel time exceeds `maxMinutes` in either direction are cut
 *    (V4 merge_max_minutes): "adjacent" on the map but a long way round by road is no neighbour.
 * 2. Connected groups of >= 2 candidates with >= `minPopulation` residents get a host: the member
 *    that the most residents reach within `maxMinutes`, then the least population-weighted sum of
 *    minutes (members to host), then the larger population, then the smaller code. For a group
 *    whose members all reach each other this is plainly the weighted-minutes minimum; counting
 *    reachable residents first keeps one far member from making every host "infinitely" costly.
 * 3. Members that cannot reach the host within `maxMinutes` drop out. The group stands when the
 *    rest still has >= 2 villages and >= `minPopulation` residents; the dropped members are grouped
 *    again among themselves (a long chain of small villages can hold more than one joint clinic).
 */
export function jointClinicGroups(c: JointCandidates): JointResult {
  const { kept, cut } = cutByTravel(c);
  const groups: JointGroup[] = [];
  let pool = new Set(c.candidates);
  while (pool.size >= 2) {
    const dropped = new Set<number>();
    for (const component of components(pool, kept)) {
      if (component.length < 2 || sum(component, c.population) < c.minPopulation) continue;
      const g = chooseHost(component, c);
      if (!g) continue;
      groups.push(g.group);
      for (const m of g.dropped) dropped.add(m);
    }
    if (dropped.size === pool.size) break;
    pool = dropped;
  }
  return { groups, keptPairs: kept.length / 2, cutPairs: cut };
}

function cutByTravel(c: JointCandidates): { kept: number[]; cut: number } {
  const neighbours = new Map<number, number[]>();
  const link = (a: number, b: number): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (let e = 0; e < c.pairs.length; e += 2) {
    link(c.pairs[e], c.pairs[e + 1]);
    link(c.pairs[e + 1], c.pairs[e]);
  }
  // One bounded search per village to all its neighbours.
  const time = new Map<number, number>();
  const n = c.locations.length;
  for (const [a, list] of neighbours) {
    const t = minutesBetween(c, a, list);
    list.forEach((b, k) => time.set(a * n + b, t[k]));
  }
  const kept: number[] = [];
  let cut = 0;
  for (let e = 0; e < c.pairs.length; e += 2) {
    const a = c.pairs[e];
    const b = c.pairs[e + 1];
    // V4 merge_max_minutes: the slower direction decides.
    const worst = Math.max(time.get(a * n + b) ?? Infinity, time.get(b * n + a) ?? Infinity);
    if (worst <= c.maxMinutes) kept.push(a, b);
    else cut++;
  }
  return { kept, cut };
}

/** Connected components of the pool over the kept pairs, each sorted, in order of their first index. */
function components(pool: Set<number>, pairs: number[]): number[][] {
  const parent = new Map<number, number>();
  for (const v of pool) parent.set(v, v);
  const find = (v: number): number => {
    let r = v;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let x = v;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (let e = 0; e < pairs.length; e += 2) {
    if (!pool.has(pairs[e]) || !pool.has(pairs[e + 1])) continue;
    const ra = find(pairs[e]);
    const rb = find(pairs[e + 1]);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const byRoot = new Map<number, number[]>();
  for (const v of [...pool].sort((a, b) => a - b)) {
    const r = find(v);
    const list = byRoot.get(r);
    if (list) list.push(v);
    else byRoot.set(r, [v]);
  }
  return [...byRoot.values()];
}

function sum(ids: readonly number[], population: readonly number[]): number {
  return ids.reduce((s, i) => s + population[i], 0);
}

/** The host of a connected group and who drops out (see jointClinicGroups, steps 2-3); null when no host can make a group. */
function chooseHost(members: number[], c: JointCandidates): { group: JointGroup; dropped: number[] } | null {
  const k = members.length;
  // toHost[m * k + h]: minutes from member m to candidate host h.
  const toHost = new Float64Array(k * k);
  members.forEach((m, i) => {
    const t = minutesBetween(c, m, members);
    toHost.set(t, i * k);
    toHost[i * k + i] = 0;
  });
  let best = -1;
  let bestReach = -1;
  let bestCount = 0;
  let bestWeighted = Infinity;
  for (let h = 0; h < k; h++) {
    let reach = 0;
    let count = 0;
    let weighted = 0;
    for (let m = 0; m < k; m++) {
      const t = toHost[m * k + h];
      if (!(t <= c.maxMinutes)) continue; // V4 merge_max_minutes
      reach += c.population[members[m]];
      count++;
      weighted += c.population[members[m]] * t;
    }
    const better =
      best < 0 ||
      reach > bestReach ||
      (reach === bestReach && (weighted < bestWeighted - 1e-9 || (Math.abs(weighted - bestWeighted) <= 1e-9 && tieBreak(members[h], members[best], c) < 0)));
    if (better) {
      best = h;
      bestReach = reach;
      bestCount = count;
      bestWeighted = weighted;
    }
  }
  // V4 joint_clinic_min_population, after the dropouts.
  if (best < 0 || bestCount < 2 || bestReach < c.minPopulation) return null;
  const host = members[best];
  const kept: number[] = [host];
  const minutes: number[] = [0];
  const dropped: number[] = [];
  members.forEach((m, i) => {
    if (m === host) return;
    const t = toHost[i * k + best];
    if (t <= c.maxMinutes) {
      kept.push(m);
      minutes.push(t);
    } else dropped.push(m);
  });
  const population = sum(kept, c.population);
  return { group: { host, members: kept, minutes, population, weightedMinutes: population > 0 ? bestWeighted / population : 0 }, dropped };
}

/** Host ties: the larger population, then the smaller code. */
function tieBreak(a: number, b: number, c: JointCandidates): number {
  if (c.population[a] !== c.population[b]) return c.population[b] - c.population[a];
  return c.codes[a] < c.codes[b] ? -1 : c.codes[a] > c.codes[b] ? 1 : 0;
}

export interface NeighbourServed {
  village: number;
  clinicCode: string;
  minutes: number;
}

/** Villages served by the same neighbour clinic, grouped per clinic in order of first appearance. */
export function groupByClinic(served: readonly NeighbourServed[]): Map<string, NeighbourServed[]> {
  const out = new Map<string, NeighbourServed[]>();
  for (const s of served) {
    const list = out.get(s.clinicCode);
    if (list) list.push(s);
    else out.set(s.clinicCode, [s]);
  }
  return out;
}
