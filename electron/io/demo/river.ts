/**
 * The river as a polyline sorted by x, with fast "how close is this to the river" queries
 * (only the river vertices in the query's x-range are examined).
 */
import { pointSegDist, segIntersection, segSegDist, type P } from './geometry.js';

export class River {
  readonly line: P[];

  constructor(
    readonly yAt: (x: number) => number,
    x0: number,
    x1: number,
    step = 0.15,
  ) {
    const n = Math.ceil((x1 - x0) / step);
    this.line = Array.from({ length: n + 1 }, (_, i): P => {
      const x = x0 + ((x1 - x0) * i) / n;
      return [x, yAt(x)];
    });
  }

  /** +1 north (left) bank, -1 south (right) bank. */
  bank(p: P): 1 | -1 {
    return p[1] >= this.yAt(p[0]) ? 1 : -1;
  }

  /** Unit normal of the river at x, pointing to the north bank. */
  normal(x: number): P {
    const d = (this.yAt(x + 0.01) - this.yAt(x - 0.01)) / 0.02;
    const len = Math.hypot(d, 1);
    return [-d / len, 1 / len];
  }

  /** Index range of river segments whose x-extent overlaps [xmin, xmax]. */
  private range(xmin: number, xmax: number): [number, number] {
    const line = this.line;
    let lo = 0;
    let hi = line.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (line[mid][0] < xmin) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < line.length - 1 && line[end][0] <= xmax) end++;
    return [Math.max(1, lo), end];
  }

  /** Distance from p to the centreline, or `cap` when it is further than `cap`. */
  pointDistance(p: P, cap = 5): number {
    const [i0, i1] = this.range(p[0] - cap, p[0] + cap);
    let best = cap;
    for (let i = i0; i <= i1; i++) best = Math.min(best, pointSegDist(p, this.line[i - 1], this.line[i]));
    return best;
  }

  /** Distance from segment ab to the centreline, or `cap` when further. */
  segmentDistance(a: P, b: P, cap = 1): number {
    const [i0, i1] = this.range(Math.min(a[0], b[0]) - cap, Math.max(a[0], b[0]) + cap);
    let best = cap;
    const ymin = Math.min(a[1], b[1]) - cap;
    const ymax = Math.max(a[1], b[1]) + cap;
    for (let i = i0; i <= i1; i++) {
      const c = this.line[i - 1];
      const d = this.line[i];
      if (Math.max(c[1], d[1]) < ymin || Math.min(c[1], d[1]) > ymax) continue;
      best = Math.min(best, segSegDist(a, b, c, d));
    }
    return best;
  }

  /** Smallest distance from a polyline to the centreline (capped). */
  polylineDistance(pts: readonly P[], cap = 1): number {
    let best = cap;
    for (let i = 1; i < pts.length; i++) best = Math.min(best, this.segmentDistance(pts[i - 1], pts[i], cap));
    return best;
  }

  /** Number of times segment ab crosses the centreline. */
  crossings(a: P, b: P): number {
    const [i0, i1] = this.range(Math.min(a[0], b[0]), Math.max(a[0], b[0]));
    let n = 0;
    for (let i = i0; i <= i1; i++) if (segIntersection(a, b, this.line[i - 1], this.line[i])) n++;
    return n;
  }
}
