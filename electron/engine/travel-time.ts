/**
 * Place-to-place travel times on top of snapping and Dijkstra.
 *
 * A trip between two places is: an off-road leg from the place to its snap point (straight line ×
 * detour factor at flat walking speed, × the place's slope factor), part of the snapped edge to one
 * of its end nodes, the network path between nodes, and the same pieces at the other end. When
 * both places snap to the same edge, the direct path along that edge is a candidate too.
 *
 * A place beyond the max snap distance ("off network") gets a straight-line estimate instead:
 * straight line × detour factor at the mode's village-road speed, flagged `estimated`.
 * A place in a network component that holds no source is unreachable: Infinity, nearest -1.
 */
import { multiSourceDijkstra, type DijkstraOptions, type SearchDirection } from './dijkstra.js';
import type { NearestResult, RoadGraph, SnapResult } from './graph-types.js';
import { isValidLngLat, metresBetween } from './metric.js';
import type { EdgeCosts } from './speeds.js';

/** Everything a travel-time query needs besides the places. */
export interface TravelSetting {
  graph: RoadGraph;
  costs: EdgeCosts;
  /** X.detour_factor: straight line → real path length off the network. */
  detourFactor: number;
  /** Flat walking speed for off-road legs (rules walk speed on village roads), metres per minute. */
  offRoadMetresPerMinute: number;
  /** The mode's village-road speed for straight-line estimates of off-network places, metres per minute. */
  estimateMetresPerMinute: number;
}

/** A set of places with their snaps. */
export interface PlaceSet {
  /** lng, lat interleaved. */
  points: Float64Array;
  snap: SnapResult;
  /** Minutes of the off-road leg of each place (Infinity when it has no snap). */
  offRoadMinutes: Float64Array;
}

export const kmhToMetresPerMinute = (kmh: number): number => (kmh * 1000) / 60;

/** Builds a place set; `offRoadFactor` (Tobler, per place) multiplies the off-road leg, default 1. */
export function placeSet(setting: TravelSetting, points: Float64Array, snap: SnapResult, offRoadFactor?: Float32Array | null): PlaceSet {
  const count = points.length >> 1;
  if (offRoadFactor && offRoadFactor.length !== count) throw new Error(`engine: ${offRoadFactor.length} off-road factors for ${count} places`);
  const offRoadMinutes = new Float64Array(count);
  for (let i = 0; i < count; i++) offRoadMinutes[i] = offRoadLegMinutes(setting, snap.offRoadM[i], offRoadFactor ? offRoadFactor[i] : 1);
  return { points, snap, offRoadMinutes };
}

export function offRoadLegMinutes(setting: TravelSetting, metres: number, factor: number): number {
  if (metres === 0) return 0;
  const f = factor > 0 ? factor : 1; // a NaN or non-positive factor is ignored, never propagated
  return ((metres * setting.detourFactor) / setting.offRoadMetresPerMinute) * f;
}

/** The places at `indices`, in that order (their snaps are reused, not recomputed). */
export function subsetPlaces(places: PlaceSet, indices: readonly number[]): PlaceSet {
  const n = indices.length;
  const points = new Float64Array(2 * n);
  const snap: SnapResult = { edge: new Int32Array(n), t: new Float64Array(n), offRoadM: new Float64Array(n), offNetwork: new Uint8Array(n) };
  const offRoadMinutes = new Float64Array(n);
  indices.forEach((j, i) => {
    points[2 * i] = places.points[2 * j];
    points[2 * i + 1] = places.points[2 * j + 1];
    snap.edge[i] = places.snap.edge[j];
    snap.t[i] = places.snap.t[j];
    snap.offRoadM[i] = places.snap.offRoadM[j];
    snap.offNetwork[i] = places.snap.offNetwork[j];
    offRoadMinutes[i] = places.offRoadMinutes[j];
  });
  return { points, snap, offRoadMinutes };
}

/** Minutes to travel along edge `e` from position `p` to position `q` (0 = edgeFrom, 1 = edgeTo). */
function along(costs: EdgeCosts, e: number, p: number, q: number): number {
  if (p === q) return 0; // avoids 0 × Infinity on a forbidden one-way direction
  return q > p ? costs.forward[e] * (q - p) : costs.backward[e] * (p - q);
}

const onNetwork = (s: SnapResult, i: number): boolean => s.offNetwork[i] === 0 && s.edge[i] >= 0;
const hasPoint = (p: PlaceSet, i: number): boolean => isValidLngLat(p.points[2 * i], p.points[2 * i + 1]);

function estimateMinutes(setting: TravelSetting, a: PlaceSet, i: number, b: PlaceSet, j: number): number {
  const m = metresBetween(a.points[2 * i], a.points[2 * i + 1], b.points[2 * j], b.points[2 * j + 1]);
  return (m * setting.detourFactor) / setting.estimateMetresPerMinute;
}

export interface NearestOptions extends DijkstraOptions {
  /**
   * 'to_sources' (default): trips from each target to a source (village → facility, what a
   * patient travels). 'from_sources': trips from a source to each target.
   */
  direction?: SearchDirection;
}

/**
 * Minutes from every target to its nearest source (or from the nearest source, see `direction`),
 * with the nearest source's index and whether the figure is a straight-line estimate. Also returns
 * the Dijkstra node minutes (for isochrones).
 */
export function nearestSources(setting: TravelSetting, sources: PlaceSet, targets: PlaceSet, opts: NearestOptions = {}): NearestResult & { nodeMinutes: Float64Array } {
  const direction = opts.direction ?? 'to_sources';
  const toSources = direction === 'to_sources';
  const { costs } = setting;
  const sourceCount = sources.snap.edge.length;
  const targetCount = targets.snap.edge.length;
  const limit = opts.maxMinutes ?? Infinity;

  // Seeds: each on-network source starts both end nodes of its edge with the partial edge time
  // (in the direction of travel) plus its off-road leg.
  const seedNode = new Uint32Array(2 * sourceCount);
  const seedMinutes = new Float64Array(2 * sourceCount).fill(Infinity);
  const seedSource = new Int32Array(2 * sourceCount).fill(-1);
  const byEdge = new Map<number, number[]>();
  const offSources: number[] = [];
  for (let s = 0; s < sourceCount; s++) {
    const e = sources.snap.edge[s];
    if (!onNetwork(sources.snap, s)) {
      if (hasPoint(sources, s)) offSources.push(s);
      continue;
    }
    const t = sources.snap.t[s];
    const leg = sources.offRoadMinutes[s];
    seedNode[2 * s] = setting.graph.edgeFrom[e];
    seedNode[2 * s + 1] = setting.graph.edgeTo[e];
    seedMinutes[2 * s] = leg + (toSources ? along(costs, e, 0, t) : along(costs, e, t, 0));
    seedMinutes[2 * s + 1] = leg + (toSources ? along(costs, e, 1, t) : along(costs, e, t, 1));
    seedSource[2 * s] = s;
    seedSource[2 * s + 1] = s;
    const list = byEdge.get(e);
    if (list) list.push(s);
    else byEdge.set(e, [s]);
  }
  const { nodeMinutes, nodeSource } = multiSourceDijkstra(setting.graph, costs, { node: seedNode, minutes: seedMinutes, source: seedSource }, direction, opts);

  const minutes = new Float64Array(targetCount).fill(Infinity);
  const nearest = new Int32Array(targetCount).fill(-1);
  const estimated = new Uint8Array(targetCount);
  for (let i = 0; i < targetCount; i++) {
    if (!hasPoint(targets, i)) continue;
    let best = Infinity;
    let bestSource = -1;
    let bestEstimated = 0;
    const offer = (m: number, s: number, est: number): void => {
      if (m < best) {
        best = m;
        bestSource = s;
        bestEstimated = est;
      }
    };
    if (onNetwork(targets.snap, i)) {
      const e = targets.snap.edge[i];
      const t = targets.snap.t[i];
      const leg = targets.offRoadMinutes[i];
      const a = setting.graph.edgeFrom[e];
      const b = setting.graph.edgeTo[e];
      offer(leg + nodeMinutes[a] + (toSources ? along(costs, e, t, 0) : along(costs, e, 0, t)), nodeSource[a], 0);
      offer(leg + nodeMinutes[b] + (toSources ? along(costs, e, t, 1) : along(costs, e, 1, t)), nodeSource[b], 0);
      for (const s of byEdge.get(e) ?? []) {
        const ts = sources.snap.t[s];
        offer(leg + sources.offRoadMinutes[s] + (toSources ? along(costs, e, t, ts) : along(costs, e, ts, t)), s, 0);
      }
      for (const s of offSources) offer(estimateMinutes(setting, targets, i, sources, s), s, 1);
    } else {
      // Off network: a straight-line estimate to every source, wherever the source is.
      for (let s = 0; s < sourceCount; s++) if (hasPoint(sources, s)) offer(estimateMinutes(setting, targets, i, sources, s), s, 1);
    }
    if (best <= limit && bestSource >= 0) {
      minutes[i] = best;
      nearest[i] = bestSource;
      estimated[i] = bestEstimated;
    }
  }
  return { minutes, nearest, estimated, nodeMinutes };
}

export interface MatrixOptions extends DijkstraOptions {
  /**
   * 'from_sources' (default): entry [r][c] is the trip from row place r to column place c.
   * 'to_sources': the trip from column place c to row place r (e.g. rows = facilities,
   * columns = villages, for village → facility times with one Dijkstra per facility).
   */
  direction?: SearchDirection;
}

/**
 * Travel-time matrix, row-major (rows × columns), minutes; Infinity when unreachable or beyond
 * `maxMinutes`. One Dijkstra per row place (bounded by `maxMinutes` when given). Pairs with an
 * off-network end are straight-line estimates, as in `nearestSources`.
 */
export function travelTimeMatrix(setting: TravelSetting, rows: PlaceSet, cols: PlaceSet, opts: MatrixOptions = {}): Float64Array {
  const rowCount = rows.snap.edge.length;
  const colCount = cols.snap.edge.length;
  const out = new Float64Array(rowCount * colCount);
  const direction = opts.direction ?? 'from_sources';
  for (let r = 0; r < rowCount; r++) {
    const one = subsetPlaces(rows, [r]);
    const res = nearestSources(setting, one, cols, { ...opts, direction });
    out.set(res.minutes, r * colCount);
  }
  return out;
}
