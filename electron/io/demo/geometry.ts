/**
 * Planar geometry in a local kilometre frame (x east, y north) centred on the demo county.
 * The whole county is generated in this frame, where distances are plain Euclidean, and is
 * projected to WGS-84 only at the end (equirectangular projection: error < 0.5 % over 60 km).
 */

export { pointInPolygon, pointInRing } from '../../domain/geometry.js';

/** A point in the local frame, kilometres. */
export type P = [number, number];

export const dist = (a: P, b: P): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
export const lerp = (a: P, b: P, t: number): P => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
export const smoothstep = (e0: number, e1: number, v: number): number => {
  const t = clamp((v - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
};

export function pointSegDist(p: P, a: P, b: P): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2, 0, 1);
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Parameters (t on ab, u on cd) of the intersection of two segments, or null when they do not meet or are parallel. */
export function segIntersection(a: P, b: P, c: P, d: P): { t: number; u: number } | null {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-15) return null;
  const qx = c[0] - a[0];
  const qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return { t, u };
}

export function segSegDist(a: P, b: P, c: P, d: P): number {
  if (segIntersection(a, b, c, d)) return 0;
  return Math.min(pointSegDist(a, c, d), pointSegDist(b, c, d), pointSegDist(c, a, b), pointSegDist(d, a, b));
}

export function distToPolyline(p: P, line: readonly P[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, pointSegDist(p, line[i - 1], line[i]));
  return best;
}


/** Signed shoelace area (positive for counter-clockwise). */
export function ringArea(ring: readonly P[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s / 2;
}

export function multiPolygonArea(mp: readonly P[][][]): number {
  let s = 0;
  for (const poly of mp) poly.forEach((ring, i) => (s += (i === 0 ? 1 : -1) * Math.abs(ringArea(ring))));
  return s;
}

/**
 * Clips a convex polygon (open ring) to the half-plane of points nearer to `keep` than to `other`
 * (one Sutherland-Hodgman step); repeated for every other site it yields a Voronoi cell.
 */
export function clipToNearerHalf(poly: P[], keep: P, other: P): P[] {
  const nx = other[0] - keep[0];
  const ny = other[1] - keep[1];
  const mx = (keep[0] + other[0]) / 2;
  const my = (keep[1] + other[1]) / 2;
  const side = (p: P): number => (p[0] - mx) * nx + (p[1] - my) * ny;
  const out: P[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const sa = side(a);
    const sb = side(b);
    if (sa <= 0) out.push(a);
    if ((sa < 0 && sb > 0) || (sa > 0 && sb < 0)) out.push(lerp(a, b, sa / (sa - sb)));
  }
  return out;
}

/** Convex Voronoi cell of sites[i] inside the box [minx, miny, maxx, maxy], as an open ring. */
export function voronoiCell(sites: readonly P[], i: number, box: [number, number, number, number]): P[] {
  let cell: P[] = [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[2], box[3]],
    [box[0], box[3]],
  ];
  for (let j = 0; j < sites.length && cell.length > 0; j++) if (j !== i) cell = clipToNearerHalf(cell, sites[i], sites[j]);
  return cell;
}

/** Points from a to b (both included) no further than `step` apart. */
export function densify(a: P, b: P, step: number): P[] {
  const n = Math.max(1, Math.ceil(dist(a, b) / step));
  const out: P[] = [];
  for (let i = 0; i <= n; i++) out.push(lerp(a, b, i / n));
  return out;
}

export function polylineLength(line: readonly P[]): number {
  let s = 0;
  for (let i = 1; i < line.length; i++) s += dist(line[i - 1], line[i]);
  return s;
}

export function closeRing(ring: P[]): P[] {
  const f = ring[0];
  const l = ring[ring.length - 1];
  return f[0] === l[0] && f[1] === l[1] ? ring : [...ring, f];
}

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
