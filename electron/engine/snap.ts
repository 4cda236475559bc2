/**
 * Attaches places (villages, facilities) to the road network: the nearest point ON a road segment,
 * not merely the nearest node, so a village beside a long straight road is not sent to a vertex
 * kilometres away.
 *
 * Candidate segments come from a flatbush R-tree over edge bounding boxes (lng/lat degrees). The
 * search box grows until the best segment found lies within its radius, which proves no segment
 * outside the box can be nearer.
 */
import Flatbush from 'flatbush';
import type { RoadGraph, SnapResult } from './graph-types.js';
import { isValidLngLat, METRES_PER_DEGREE, metresBetween, metresPerDegreeLng } from './metric.js';

/** Spatial index of a graph's edges; build once per graph and reuse for every snap. */
export interface EdgeIndex {
  /** null when the graph has no edges (flatbush cannot hold zero items). */
  tree: Flatbush | null;
  edgeCount: number;
}

export function buildEdgeIndex(graph: RoadGraph): EdgeIndex {
  if (graph.edgeCount === 0) return { tree: null, edgeCount: 0 };
  const tree = new Flatbush(graph.edgeCount, 16, Float64Array);
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    tree.add(Math.min(graph.lng[a], graph.lng[b]), Math.min(graph.lat[a], graph.lat[b]), Math.max(graph.lng[a], graph.lng[b]), Math.max(graph.lat[a], graph.lat[b]));
  }
  tree.finish();
  return { tree, edgeCount: graph.edgeCount };
}

/**
 * First search radius, metres. Small, because the box grows ×4 until it is sure: a dense network
 * answers from a handful of segments, a sparse one after a few cheap extra tree searches.
 */
const FIRST_SEARCH_M = 50;

export function emptySnapResult(count: number): SnapResult {
  return { edge: new Int32Array(count).fill(-1), t: new Float64Array(count), offRoadM: new Float64Array(count).fill(Infinity), offNetwork: new Uint8Array(count).fill(1) };
}

/**
 * Snaps `points` (lng, lat interleaved). A place farther than `maxSnapM` from every road gets
 * offNetwork = 1 but keeps its nearest edge; edge = -1 only when the graph has no edges or the
 * point's coordinates are unusable (then offRoadM is Infinity).
 */
export function snapPoints(graph: RoadGraph, points: Float64Array, maxSnapM: number, index?: EdgeIndex): SnapResult {
  const idx = index ?? buildEdgeIndex(graph);
  if (idx.edgeCount !== graph.edgeCount) throw new Error('engine: edge index was built for another graph');
  const count = points.length >> 1;
  const out = emptySnapResult(count);
  for (let i = 0; i < count; i++) snapOne(graph, idx, points[2 * i], points[2 * i + 1], maxSnapM, out, i);
  return out;
}

/** Snaps one point into slot `i` of `out` (used directly by what-if updates). */
export function snapOne(graph: RoadGraph, index: EdgeIndex, lng: number, lat: number, maxSnapM: number, out: SnapResult, i: number): void {
  out.edge[i] = -1;
  out.t[i] = 0;
  out.offRoadM[i] = Infinity;
  out.offNetwork[i] = 1;
  if (!index.tree || !isValidLngLat(lng, lat)) return;
  const hit = nearestEdge(graph, index.tree, lng, lat, FIRST_SEARCH_M);
  const a = graph.edgeFrom[hit.edge];
  const b = graph.edgeTo[hit.edge];
  const sLng = graph.lng[a] + hit.t * (graph.lng[b] - graph.lng[a]);
  const sLat = graph.lat[a] + hit.t * (graph.lat[b] - graph.lat[a]);
  const d = metresBetween(lng, lat, sLng, sLat);
  out.edge[i] = hit.edge;
  out.t[i] = hit.t;
  out.offRoadM[i] = d;
  out.offNetwork[i] = d > maxSnapM ? 1 : 0;
}

/**
 * Nearest edge by distance in a local equirectangular frame centred on the point (ties: lowest
 * edge index), and the position of the nearest point along it.
 */
function nearestEdge(graph: RoadGraph, tree: Flatbush, lng: number, lat: number, startM: number): { edge: number; t: number } {
  const kx = metresPerDegreeLng(lat);
  let best = -1;
  let bestD2 = Infinity;
  let bestT = 0;
  const consider = (e: number): boolean => {
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    const ax = (graph.lng[a] - lng) * kx;
    const ay = (graph.lat[a] - lat) * METRES_PER_DEGREE;
    const dx = (graph.lng[b] - lng) * kx - ax;
    const dy = (graph.lat[b] - lat) * METRES_PER_DEGREE - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
    const px = ax + t * dx;
    const py = ay + t * dy;
    const d2 = px * px + py * py;
    if (d2 < bestD2 || (d2 === bestD2 && e < best)) {
      best = e;
      bestD2 = d2;
      bestT = t;
    }
    return false; // collect nothing: the search is only a way to visit candidates
  };
  for (let r = startM; ; r *= 4) {
    const dLat = r / METRES_PER_DEGREE;
    // Longitude span sized at the box edge farthest from the equator, where degrees are shortest.
    const dLng = r / Math.max(1e-9, metresPerDegreeLng(Math.min(89.9, Math.abs(lat) + dLat)));
    tree.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat, consider);
    const coversAll = lng - dLng <= tree.minX && lat - dLat <= tree.minY && lng + dLng >= tree.maxX && lat + dLat >= tree.maxY;
    if ((best >= 0 && bestD2 <= r * r) || coversAll) break;
  }
  return { edge: best, t: bestT };
}
