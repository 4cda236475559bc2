/**
 * Which villages are adjacent (相邻村, V4): from village polygons that share a boundary, or, when
 * the project has too few polygons, from a Delaunay triangulation of the village points (the
 * natural-neighbour graph: two villages are adjacent when no third one lies between them).
 *
 * Pure: works in a local metric frame (equirectangular about the mean latitude), which is exact
 * enough for tens-of-metres tolerances inside one county.
 */
import Delaunator from 'delaunator';
import Flatbush from 'flatbush';
import type { LngLat, Village, VillageArea } from '../../domain/types.js';
import { isValidLngLat, METRES_PER_DEGREE, metresPerDegreeLng } from '../metric.js';

export type AdjacencySource = 'polygons' | 'delaunay';

export interface Adjacency {
  source: AdjacencySource;
  /** Pairs of village indices [a0, b0, a1, b1, …], a < b, each pair once. */
  pairs: Uint32Array;
}

/** Share of villages that must have a polygon before polygons are trusted for adjacency. */
export const POLYGON_SHARE = 0.9;
/** Two boundaries closer than this (metres) are the same boundary (separately digitised lines). */
export const BOUNDARY_TOLERANCE_M = 30;

export function validLocation(p: LngLat | null | undefined): boolean {
  return Array.isArray(p) && p.length >= 2 && isValidLngLat(p[0], p[1]);
}

/**
 * Adjacent pairs among the villages `keep` selects. Polygon adjacency only needs the kept
 * villages' polygons; the triangulation uses every located village, so an unkept village lying
 * between two kept ones still separates them.
 */
export function villageAdjacency(villages: readonly Village[], areas: readonly VillageArea[], keep: (i: number) => boolean): Adjacency {
  const frame = localFrame(villages.map((v) => v.location));
  const byCode = new Map<string, LngLat[][][]>();
  for (const a of areas) if (!byCode.has(a.villageCode) && Array.isArray(a.coordinates)) byCode.set(a.villageCode, a.coordinates);
  const withPolygon = villages.filter((v) => byCode.has(v.code)).length;
  if (villages.length > 0 && withPolygon >= POLYGON_SHARE * villages.length) {
    const polys = villages.map((v, i) => (keep(i) ? (byCode.get(v.code) ?? null) : null));
    return { source: 'polygons', pairs: polygonAdjacency(polys, frame, BOUNDARY_TOLERANCE_M) };
  }
  const all = delaunayAdjacency(villages.map((v) => v.location), frame);
  const kept: number[] = [];
  for (let e = 0; e < all.length; e += 2) if (keep(all[e]) && keep(all[e + 1])) kept.push(all[e], all[e + 1]);
  return { source: 'delaunay', pairs: Uint32Array.from(kept) };
}

type Frame = (lng: number, lat: number) => [number, number];

function localFrame(points: readonly LngLat[]): Frame {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    if (!validLocation(p)) continue;
    sum += p[1];
    n++;
  }
  const kx = metresPerDegreeLng(n > 0 ? sum / n : 0);
  return (lng, lat) => [lng * kx, lat * METRES_PER_DEGREE];
}

/**
 * Polygons (null: none) are adjacent when their boundaries run together: the vertices of either
 * that lie within `toleranceM` of the other's boundary span more than `toleranceM`. A shared
 * vertex is at distance 0, so shared edges count; a single shared corner does not (rook, not
 * queen, adjacency: villages meeting at one point share no boundary to walk across).
 */
export function polygonAdjacency(polys: readonly (LngLat[][][] | null)[], frame: Frame, toleranceM: number): Uint32Array {
  // Every boundary segment, projected, with the polygon it belongs to.
  const segs: number[] = [];
  const owner: number[] = [];
  const verts: number[] = [];
  const vertOwner: number[] = [];
  polys.forEach((poly, p) => {
    if (!poly) return;
    for (const part of poly) {
      for (const ring of part) {
        if (!Array.isArray(ring)) continue;
        let prev: [number, number] | null = null;
        for (const c of ring) {
          if (!validLocation(c)) continue;
          const xy = frame(c[0], c[1]);
          verts.push(xy[0], xy[1]);
          vertOwner.push(p);
          if (prev) {
            segs.push(prev[0], prev[1], xy[0], xy[1]);
            owner.push(p);
          }
          prev = xy;
        }
      }
    }
  });
  const nSegs = owner.length;
  if (nSegs === 0) return new Uint32Array(0);
  const index = new Flatbush(nSegs);
  for (let s = 0; s < nSegs; s++) {
    const [x1, y1, x2, y2] = [segs[4 * s], segs[4 * s + 1], segs[4 * s + 2], segs[4 * s + 3]];
    index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  index.finish();
  // Per polygon pair, the extent of the vertices found near the other's boundary.
  const n = polys.length;
  const extent = new Map<number, [number, number, number, number]>();
  const tol2 = toleranceM * toleranceM;
  for (let v = 0; v < vertOwner.length; v++) {
    const x = verts[2 * v];
    const y = verts[2 * v + 1];
    const p = vertOwner[v];
    for (const s of index.search(x - toleranceM, y - toleranceM, x + toleranceM, y + toleranceM)) {
      const q = owner[s];
      if (q === p) continue;
      if (pointSegmentDistance2(x, y, segs[4 * s], segs[4 * s + 1], segs[4 * s + 2], segs[4 * s + 3]) > tol2) continue;
      const key = Math.min(p, q) * n + Math.max(p, q);
      const e = extent.get(key);
      if (!e) extent.set(key, [x, y, x, y]);
      else {
        e[0] = Math.min(e[0], x);
        e[1] = Math.min(e[1], y);
        e[2] = Math.max(e[2], x);
        e[3] = Math.max(e[3], y);
      }
    }
  }
  const out: number[] = [];
  for (const [key, e] of [...extent].sort((a, b) => a[0] - b[0])) {
    if (Math.hypot(e[2] - e[0], e[3] - e[1]) <= toleranceM) continue;
    out.push(Math.floor(key / n), key % n);
  }
  return Uint32Array.from(out);
}

function pointSegmentDistance2(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2)) : 0;
  const ex = x1 + t * dx - px;
  const ey = y1 + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Edges of the Delaunay triangulation of the located points, as index pairs (a < b). Points at
 * the same place (which the triangulation skips) are joined to the first one there; collinear
 * points (no triangles) are joined along the line.
 */
export function delaunayAdjacency(points: readonly LngLat[], frame: Frame): Uint32Array {
  const ids: number[] = [];
  const firstAt = new Map<string, number>();
  const pairs = new Set<number>();
  const n = points.length;
  const add = (a: number, b: number): void => {
    if (a !== b) pairs.add(Math.min(a, b) * n + Math.max(a, b));
  };
  const coords: number[] = [];
  points.forEach((p, i) => {
    if (!validLocation(p)) return;
    const [x, y] = frame(p[0], p[1]);
    const key = `${x.toFixed(3)},${y.toFixed(3)}`;
    const first = firstAt.get(key);
    if (first !== undefined) {
      add(first, i);
      return;
    }
    firstAt.set(key, i);
    ids.push(i);
    coords.push(x, y);
  });
  if (ids.length === 2) add(ids[0], ids[1]);
  if (ids.length >= 3) {
    const d = new Delaunator(Float64Array.from(coords));
    const { triangles, halfedges, hull } = d;
    if (triangles.length === 0) {
      for (let k = 1; k < hull.length; k++) add(ids[hull[k - 1]], ids[hull[k]]);
    }
    for (let e = 0; e < triangles.length; e++) {
      if (halfedges[e] > e) continue; // each interior edge once (hull edges have -1)
      const next = e % 3 === 2 ? e - 2 : e + 1;
      add(ids[triangles[e]], ids[triangles[next]]);
    }
  }
  const out = new Uint32Array(2 * pairs.size);
  let k = 0;
  for (const key of [...pairs].sort((a, b) => a - b)) {
    out[k++] = Math.floor(key / n);
    out[k++] = key % n;
  }
  return out;
}
