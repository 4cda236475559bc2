/** Small planar geometry helpers shared by the engine, the demo generator and the renderer. */

export type XY = readonly [number, number];

/** Even-odd point-in-ring test (the ring may be open or closed). */
export function pointInRing(p: XY, ring: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Point in a polygon given as rings (outer first, then holes). */
export function pointInPolygon(p: XY, rings: readonly (readonly XY[])[]): boolean {
  if (!pointInRing(p, rings[0])) return false;
  for (let i = 1; i < rings.length; i++) if (pointInRing(p, rings[i])) return false;
  return true;
}

/**
 * A point inside a (multi)polygon, e.g. for a label or for the village of a village polygon: the
 * area centroid of the largest outer ring when that falls inside the ring, else the middle of the
 * widest horizontal run across the ring's vertical middle (always inside). Null when empty.
 */
export function interiorPoint(polygons: readonly (readonly (readonly XY[])[])[]): [number, number] | null {
  let ring: readonly XY[] | null = null;
  let ringArea = 0;
  for (const poly of polygons) {
    const outer = poly[0];
    if (!outer || outer.length < 4) continue;
    const a = Math.abs(signedArea(outer));
    if (a > ringArea) {
      ringArea = a;
      ring = outer;
    }
  }
  if (!ring) return null;
  const c = ringCentroid(ring);
  if (c && pointInRing(c, ring)) return c;
  return scanlineMiddle(ring);
}

function signedArea(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s / 2;
}

function ringCentroid(ring: readonly XY[]): [number, number] | null {
  const a = signedArea(ring);
  if (a === 0) return null;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

function scanlineMiddle(ring: readonly XY[]): [number, number] {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of ring) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const y = (minY + maxY) / 2;
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [ring[0][0], ring[0][1]];
  let width = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1] - xs[k] > width) {
      width = xs[k + 1] - xs[k];
      best = [(xs[k] + xs[k + 1]) / 2, y];
    }
  }
  return best;
}
