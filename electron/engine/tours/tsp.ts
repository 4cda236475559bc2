/**
 * Travelling salesman over a cost matrix: construction + local search, deterministic per seed.
 *
 * - n ≤ EXACT_MAX_N: Held-Karp dynamic programme, so small tours (a team's half-day, the tests'
 *   brute-force cases) are provably optimal, asymmetric or not.
 * - larger n: nearest neighbour, then an iterated local search: 2-opt and Or-opt (segments of 1-3,
 *   either orientation) over neighbour lists with don't-look bits (a work queue), kicked by a local
 *   double bridge (swap of two adjacent short blocks) for `iterations` rounds.
 *
 * Asymmetric matrices are evaluated with the true directed costs: 2-opt reverses a segment, so its
 * delta adds the reversed-minus-forward internal cost, read in O(1) from prefix sums of the tour's
 * forward and backward edge costs (recomputed after each applied move; O(n) like the reversal).
 * Non-finite costs (unreachable) are replaced inside the search by a finite penalty larger than any
 * all-finite tour, so no delta ever subtracts Infinity from Infinity; the reported length uses the
 * true costs (Infinity when no finite tour was found).
 */
import { randInt, seededRandom } from './random.js';
import type { TspOptions, TspSolution } from './vrp-types.js';

/** Largest n solved exactly (Held-Karp: 2^(n-1)·(n-1)² steps, ~250k at 12). */
export const EXACT_MAX_N = 12;
/**
 * ILS rounds when the caller gives none: 25 per node, at least 200, at most 2000 — measured by
 * `npm run bench:tours` (every TSPLIB instance optimal for seeds 1-7 at 51-100 nodes), while a
 * 20-stop day route is not given the effort a 100-city tour needs.
 */
export function defaultTspIterations(n: number): number {
  return Math.min(2000, Math.max(200, 25 * n));
}
/** Neighbour-list length of the local search. */
const K_NEIGHBOURS = 10;

/** Length of the closed tour `order` under the true costs (Infinity if an edge is unreachable). */
export function tourLength(order: ArrayLike<number>, n: number, cost: Float64Array): number {
  const m = order.length;
  if (m < 2) return 0;
  let s = 0;
  for (let k = 0; k < m; k++) s += cost[order[k] * n + order[k + 1 === m ? 0 : k + 1]];
  return Number.isNaN(s) ? Infinity : s;
}

/** Naive baseline (and the ILS start): from node 0 always go to the cheapest unvisited node. */
export function nearestNeighbourTour(n: number, cost: Float64Array): number[] {
  const { c } = finiteCosts(n, cost);
  const seen = new Uint8Array(n);
  const order = [0];
  seen[0] = 1;
  let at = 0;
  for (let step = 1; step < n; step++) {
    let best = -1;
    let bestC = Infinity;
    for (let j = 0; j < n; j++) {
      if (!seen[j] && c[at * n + j] < bestC) {
        bestC = c[at * n + j];
        best = j;
      }
    }
    seen[best] = 1;
    order.push(best);
    at = best;
  }
  return order;
}

/** `cost` row-major n × n (asymmetric allowed). Returns a closed tour starting at node 0. */
export function solveTsp(n: number, cost: Float64Array, opts: TspOptions = {}): TspSolution {
  if (n <= 0) return { order: [], length: 0 };
  if (n === 1) return { order: [0], length: 0 };
  if (n === 2) return { order: [0, 1], length: tourLength([0, 1], n, cost) };
  const { c, eps } = finiteCosts(n, cost);
  const order = n <= EXACT_MAX_N ? heldKarp(n, c) : iteratedLocalSearch(n, c, eps, opts);
  return { order, length: tourLength(order, n, cost) };
}

/**
 * A copy of the matrix with every non-finite off-diagonal cost replaced by a penalty above any
 * tour of finite edges (n edges each ≤ max finite), and the improvement threshold for that scale.
 */
function finiteCosts(n: number, cost: Float64Array): { c: Float64Array; eps: number } {
  let maxFinite = 0;
  for (let k = 0; k < n * n; k++) if (Number.isFinite(cost[k]) && cost[k] > maxFinite) maxFinite = cost[k];
  const penalty = (maxFinite + 1) * (n + 1);
  const c = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) c[k] = Number.isFinite(cost[k]) ? cost[k] : penalty;
  for (let i = 0; i < n; i++) c[i * n + i] = 0;
  return { c, eps: 1e-9 * Math.max(1, maxFinite) };
}

/** Exact directed TSP by dynamic programming over subsets of nodes 1..n-1. */
function heldKarp(n: number, c: Float64Array): number[] {
  const m = n - 1;
  const full = (1 << m) - 1;
  const dp = new Float64Array((full + 1) * m).fill(Infinity);
  const parent = new Int8Array((full + 1) * m).fill(-1);
  for (let j = 0; j < m; j++) dp[(1 << j) * m + j] = c[j + 1];
  for (let mask = 1; mask <= full; mask++) {
    for (let j = 0; j < m; j++) {
      const here = dp[mask * m + j];
      if (!(mask & (1 << j)) || here === Infinity) continue;
      for (let k = 0; k < m; k++) {
        if (mask & (1 << k)) continue;
        const next = mask | (1 << k);
        const v = here + c[(j + 1) * n + k + 1];
        if (v < dp[next * m + k]) {
          dp[next * m + k] = v;
          parent[next * m + k] = j;
        }
      }
    }
  }
  let last = 0;
  let best = Infinity;
  for (let j = 0; j < m; j++) {
    const v = dp[full * m + j] + c[(j + 1) * n];
    if (v < best) {
      best = v;
      last = j;
    }
  }
  const rev: number[] = [];
  let mask = full;
  let j = last;
  while (j >= 0) {
    rev.push(j + 1);
    const p = parent[mask * m + j];
    mask &= ~(1 << j);
    j = p;
  }
  return [0, ...rev.reverse()];
}

/** Nearest-neighbour start, 2-opt + Or-opt local search, double-bridge kicks; n ≥ 4. */
function iteratedLocalSearch(n: number, c: Float64Array, eps: number, opts: TspOptions): number[] {
  const rnd = seededRandom(opts.seed ?? 1);
  const iterations = Math.max(0, Math.floor(opts.iterations ?? defaultTspIterations(n)));
  let sym = true;
  for (let i = 0; i < n && sym; i++) for (let j = i + 1; j < n; j++) if (c[i * n + j] !== c[j * n + i]) { sym = false; break; }

  // Neighbour lists by the symmetrised cost: a move is only tried when it creates a short edge.
  const K = Math.min(K_NEIGHBOURS, n - 1);
  const neigh = new Int32Array(n * K);
  {
    const cand = new Int32Array(n - 1);
    const key = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      let m = 0;
      for (let b = 0; b < n; b++) if (b !== a) { cand[m++] = b; key[b] = c[a * n + b] + c[b * n + a]; }
      const sorted = Array.from(cand).sort((x, y) => key[x] - key[y] || x - y);
      for (let k = 0; k < K; k++) neigh[a * K + k] = sorted[k];
    }
  }

  const t = Int32Array.from(nearestNeighbourTour(n, c));
  const pos = new Int32Array(n);
  const F = new Float64Array(n + 1); // F[k]: forward cost of tour edges (t[m]→t[m+1]) for m < k
  const B = new Float64Array(n + 1); // B[k]: the same edges walked backwards (t[m+1]→t[m])
  const queue = new Int32Array(n);
  const inQ = new Uint8Array(n);
  let qHead = 0;
  let qLen = 0;
  const scratch = new Int32Array(n);

  const refresh = (): void => {
    for (let k = 0; k < n; k++) pos[t[k]] = k;
    if (!sym) {
      for (let k = 0; k < n - 1; k++) {
        F[k + 1] = F[k] + c[t[k] * n + t[k + 1]];
        B[k + 1] = B[k] + c[t[k + 1] * n + t[k]];
      }
    }
  };
  const push = (a: number): void => {
    if (inQ[a]) return;
    inQ[a] = 1;
    queue[(qHead + qLen) % n] = a;
    qLen++;
  };
  const length = (): number => {
    let s = 0;
    for (let k = 0; k < n; k++) s += c[t[k] * n + t[k + 1 === n ? 0 : k + 1]];
    return s;
  };

  /** 2-opt on positions i < j: edges t[i]→t[i+1], t[j]→t[j+1] become t[i]→t[j], t[i+1]→t[j+1]. */
  const try2opt = (i: number, j: number): boolean => {
    if (i < 0 || j - i < 2) return false;
    const a = t[i], b = t[i + 1], cc = t[j], d = t[j + 1 === n ? 0 : j + 1];
    let delta = c[a * n + cc] + c[b * n + d] - c[a * n + b] - c[cc * n + d];
    if (!sym) delta += B[j] - B[i + 1] - (F[j] - F[i + 1]);
    if (delta >= -eps) return false;
    for (let lo = i + 1, hi = j; lo < hi; lo++, hi--) {
      const x = t[lo];
      t[lo] = t[hi];
      t[hi] = x;
    }
    refresh();
    push(a); push(b); push(cc); push(d);
    return true;
  };

  /**
   * Or-opt: move the segment at positions s..s+L-1 (cyclic) between x and y = succ(x), reversed or
   * not, when that saves more than eps. The tour is rebuilt (and rotated) in O(n).
   */
  const tryOrOpt = (s: number, L: number): boolean => {
    const e = (s + L - 1) % n;
    const s0 = t[s], se = t[e];
    const p = t[(s - 1 + n) % n], q = t[(e + 1) % n];
    const removeGain = c[p * n + s0] + c[se * n + q] - c[p * n + q];
    if (removeGain <= eps) return false;
    let fwdInt = 0, revInt = 0;
    for (let k = 0; k < L - 1; k++) {
      const u = t[(s + k) % n], v = t[(s + k + 1) % n];
      fwdInt += c[u * n + v];
      revInt += c[v * n + u];
    }
    const inSeg = (node: number): boolean => (pos[node] - s + n) % n < L;
    let bestGain = -eps, bx = -1, brev = false;
    const consider = (x: number): void => {
      const y = t[pos[x] + 1 === n ? 0 : pos[x] + 1];
      if (inSeg(x) || inSeg(y)) return;
      const cut = c[x * n + y];
      const fwd = c[x * n + s0] + c[se * n + y] - cut - removeGain;
      const rev = c[x * n + se] + c[s0 * n + y] - cut + revInt - fwdInt - removeGain;
      if (fwd < bestGain) { bestGain = fwd; bx = x; brev = false; }
      if (rev < bestGain) { bestGain = rev; bx = x; brev = true; }
    };
    for (let k = 0; k < K; k++) {
      const w0 = neigh[s0 * K + k];
      consider(w0); // new edge w0 → s0
      consider(t[(pos[w0] - 1 + n) % n]); // new edge s0 → w0 (reversed insertion)
      const we = neigh[se * K + k];
      consider(t[(pos[we] - 1 + n) % n]); // new edge se → we
      consider(we); // new edge we → se (reversed insertion)
    }
    if (bx < 0) return false;
    // Rebuild: the rest of the tour from q round to p, with the segment after bx.
    const y = t[(pos[bx] + 1) % n];
    let m = 0;
    for (let k = 0; k < n - L; k++) {
      const node = t[(e + 1 + k) % n];
      scratch[m++] = node;
      if (node === bx) {
        for (let r = 0; r < L; r++) scratch[m++] = t[brev ? (e - r + n) % n : (s + r) % n];
      }
    }
    t.set(scratch);
    refresh();
    push(p); push(q); push(s0); push(se); push(bx); push(y);
    return true;
  };

  const improveNode = (a: number): boolean => {
    const pa = pos[a];
    for (let k = 0; k < K; k++) {
      const pc = pos[neigh[a * K + k]];
      if (pa < pc) {
        if (try2opt(pa, pc) || try2opt(pa - 1, pc - 1)) return true;
      } else if (try2opt(pc, pa) || try2opt(pc - 1, pa - 1)) return true;
    }
    for (let L = 1; L <= 3 && L <= n - 3; L++) {
      if (tryOrOpt(pa, L)) return true;
      if (L > 1 && tryOrOpt((pa - L + 1 + n) % n, L)) return true;
    }
    return false;
  };

  const localSearch = (): void => {
    while (qLen > 0) {
      const a = queue[qHead];
      qHead = (qHead + 1) % n;
      qLen--;
      inQ[a] = 0;
      if (improveNode(a)) push(a);
    }
  };

  /** Double bridge kept local: swap two adjacent short blocks after a random position. */
  const kick = (): void => {
    const maxBlock = Math.max(1, Math.min(30, Math.floor((n - 2) / 2)));
    const l1 = 1 + randInt(rnd, maxBlock);
    const l2 = 1 + randInt(rnd, maxBlock);
    const s = randInt(rnd, n);
    const at = (k: number): number => (s + k) % n;
    const before = t[at(0)], b1 = t[at(1)], e1 = t[at(l1)], b2 = t[at(l1 + 1)], e2 = t[at(l1 + l2)], after = t[at(l1 + l2 + 1)];
    for (let k = 0; k < l2; k++) scratch[k] = t[at(l1 + 1 + k)];
    for (let k = 0; k < l1; k++) scratch[l2 + k] = t[at(1 + k)];
    for (let k = 0; k < l1 + l2; k++) t[at(1 + k)] = scratch[k];
    refresh();
    push(before); push(b1); push(e1); push(b2); push(e2); push(after);
  };

  refresh();
  for (let a = 0; a < n; a++) push(a);
  localSearch();
  let cur = length();
  const best = Int32Array.from(t);
  let bestLen = cur;
  const backup = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    backup.set(t);
    kick();
    localSearch();
    const len = length();
    if (len <= cur + eps) {
      cur = len; // sideways moves accepted: they let the search drift across plateaus
      if (len < bestLen - eps) {
        bestLen = len;
        best.set(t);
      }
    } else {
      t.set(backup);
      refresh();
    }
  }
  const z = best.indexOf(0);
  const order: number[] = [];
  for (let k = 0; k < n; k++) order.push(best[(z + k) % n]);
  return order;
}
