/**
 * solveTsp: optimal on small instances (checked against brute force, symmetric and asymmetric),
 * well-formed closed tours from node 0, edge cases n = 1, 2, 3, unreachable (Infinity) costs never
 * giving NaN, directed costs honoured by the local search on larger instances, determinism.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../electron/engine/tours/random.js';
import { EXACT_MAX_N, nearestNeighbourTour, solveTsp, tourLength } from '../../electron/engine/tours/tsp.js';

function randomMatrix(n: number, seed: number, asymmetric: boolean): Float64Array {
  const rnd = seededRandom(seed);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = Math.round(1 + rnd() * 99);
      m[i * n + j] = v;
      m[j * n + i] = asymmetric ? Math.round(v * (0.7 + rnd() * 0.6)) : v;
    }
  }
  return m;
}

/** Optimum by enumerating every permutation of 1..n-1 (n ≤ 9: at most 40 320 tours). */
function bruteForce(n: number, c: Float64Array): number {
  const rest = Array.from({ length: n - 1 }, (_, k) => k + 1);
  let best = Infinity;
  const perm = (k: number): void => {
    if (k === rest.length) {
      best = Math.min(best, tourLength([0, ...rest], n, c));
      return;
    }
    for (let i = k; i < rest.length; i++) {
      [rest[k], rest[i]] = [rest[i], rest[k]];
      perm(k + 1);
      [rest[k], rest[i]] = [rest[i], rest[k]];
    }
  };
  perm(0);
  return best;
}

function expectTour(order: number[], n: number): void {
  expect(order[0]).toBe(0);
  expect(order.length).toBe(n);
  expect(new Set(order).size).toBe(n);
  for (const v of order) expect(v >= 0 && v < n).toBe(true);
}

/** Points on a circle in index order: the polygon 0,1,…,n-1 is the optimal tour. */
function circle(n: number, backwardFactor: number): { c: Float64Array; perimeter: number } {
  const c = new Float64Array(n * n);
  const p = (k: number): [number, number] => [100 * Math.cos((2 * Math.PI * k) / n), 100 * Math.sin((2 * Math.PI * k) / n)];
  let perimeter = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [xi, yi] = p(i);
      const [xj, yj] = p(j);
      const d = Math.hypot(xi - xj, yi - yj);
      c[i * n + j] = (j - i + n) % n <= n / 2 ? d : d * backwardFactor;
    }
    perimeter += Math.hypot(p(i)[0] - p((i + 1) % n)[0], p(i)[1] - p((i + 1) % n)[1]);
  }
  return { c, perimeter };
}

describe('solveTsp on small instances equals the brute-force optimum', () => {
  for (const asymmetric of [false, true]) {
    for (let n = 3; n <= 9; n++) {
      it(`${asymmetric ? 'asymmetric' : 'symmetric'} n=${n}, seeds 1-4: optimal length and a valid tour`, () => {
        for (let seed = 1; seed <= 4; seed++) {
          const c = randomMatrix(n, seed * 101 + n, asymmetric);
          const s = solveTsp(n, c, { seed });
          expectTour(s.order, n);
          expect(s.length).toBe(tourLength(s.order, n, c));
          expect(s.length).toBeCloseTo(bruteForce(n, c), 9);
        }
      });
    }
  }
  it(`uses the exact method up to n = ${EXACT_MAX_N} (covers the 9-stop brute-force bound)`, () => {
    expect(EXACT_MAX_N).toBeGreaterThanOrEqual(9);
  });
});

describe('solveTsp edge cases', () => {
  it('n = 1 gives the single node and length 0', () => {
    expect(solveTsp(1, new Float64Array([0]))).toEqual({ order: [0], length: 0 });
  });
  it('n = 2 gives there-and-back with directed costs', () => {
    expect(solveTsp(2, new Float64Array([0, 3, 5, 0]))).toEqual({ order: [0, 1], length: 8 });
  });
  it('n = 3 asymmetric picks the cheaper direction', () => {
    // 0→1→2→0 costs 1+1+1, 0→2→1→0 costs 10+10+10.
    const c = new Float64Array([0, 1, 10, 10, 0, 1, 1, 10, 0]);
    expect(solveTsp(3, c)).toEqual({ order: [0, 1, 2], length: 3 });
  });
  it('n = 0 gives an empty tour', () => {
    expect(solveTsp(0, new Float64Array(0))).toEqual({ order: [], length: 0 });
  });
});

describe('solveTsp with unreachable (Infinity) costs', () => {
  for (const n of [7, 30]) {
    it(`n=${n}: avoids Infinity edges when a finite tour exists, length finite and not NaN`, () => {
      const { c } = circle(n, 1);
      // Everything but the polygon's own edges (both directions) is unreachable.
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        const k = (j - i + n) % n;
        if (i !== j && k !== 1 && k !== n - 1) c[i * n + j] = Infinity;
      }
      const s = solveTsp(n, c, { seed: 2, iterations: 50 });
      expectTour(s.order, n);
      expect(Number.isFinite(s.length)).toBe(true);
    });
    it(`n=${n}: a node unreachable from everywhere gives length Infinity (never NaN) and still a full tour`, () => {
      const c = randomMatrix(n, 5, true);
      for (let i = 0; i < n; i++) if (i !== 3) c[i * n + 3] = Infinity;
      const s = solveTsp(n, c, { seed: 2, iterations: 50 });
      expectTour(s.order, n);
      expect(s.length).toBe(Infinity);
    });
  }
});

describe('solveTsp iterated local search (n above the exact bound)', () => {
  it('finds the polygon on 60 points on a circle (symmetric)', () => {
    const { c, perimeter } = circle(60, 1);
    const s = solveTsp(60, c, { seed: 1, iterations: 300 });
    expectTour(s.order, 60);
    expect(s.length).toBeCloseTo(perimeter, 6);
  });
  it('follows the cheap direction on a circle where going backwards costs 1.5× (asymmetric)', () => {
    const { c, perimeter } = circle(60, 1.5);
    const s = solveTsp(60, c, { seed: 1, iterations: 300 });
    expectTour(s.order, 60);
    expect(s.length).toBeCloseTo(perimeter, 6);
    expect(s.order[1]).toBe(1);
  });
  for (const asymmetric of [false, true]) {
    it(`${asymmetric ? 'asymmetric' : 'symmetric'} n=50: reported length is the true directed length and beats nearest neighbour`, () => {
      const c = randomMatrix(50, 77, asymmetric);
      const s = solveTsp(50, c, { seed: 4, iterations: 200 });
      expectTour(s.order, 50);
      expect(s.length).toBe(tourLength(s.order, 50, c));
      expect(s.length).toBeLessThanOrEqual(tourLength(nearestNeighbourTour(50, c), 50, c));
    });
  }
  it('is deterministic: the same seed gives the same tour', () => {
    const c = randomMatrix(40, 9, true);
    expect(solveTsp(40, c, { seed: 7, iterations: 100 })).toEqual(solveTsp(40, c, { seed: 7, iterations: 100 }));
  });
  it('iterations: 0 still returns a locally optimal valid tour', () => {
    const c = randomMatrix(40, 11, false);
    const s = solveTsp(40, c, { iterations: 0 });
    expectTour(s.order, 40);
    expect(s.length).toBeLessThanOrEqual(tourLength(nearestNeighbourTour(40, c), 40, c));
  });
});
