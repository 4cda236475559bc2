/**
 * Builds the routing graph from the project's roads.
 *
 * Nodes are distinct road vertices (vertices within `snapToleranceM` merge, so roads that share a
 * vertex connect; roads that merely cross do not: bridges and overpasses stay apart). Each pair
 * of consecutive vertices is one undirected edge with its length, class, flags and speed
 * override. Bad input never throws: it is skipped and reported as a `GraphIssue`, once per road
 * and kind.
 */
import { connectedComponents } from './components.js';
import { buildCsr } from './csr.js';
import type { GraphIssue, GraphIssueKind, RoadGraph, RoadInput } from './graph-types.js';
import { isValidLngLat, metresBetween } from './metric.js';
import { VertexMerger } from './vertex-merge.js';

/** Default merge distance: digitising noise between two roads drawn to "the same" point. */
export const DEFAULT_SNAP_TOLERANCE_M = 0.5;

export const EDGE_ONEWAY = 1;
export const EDGE_BRIDGE = 2;

export interface BuildGraphOptions {
  snapToleranceM?: number;
}

export function buildRoadGraph(roads: readonly RoadInput[], opts: BuildGraphOptions = {}): { graph: RoadGraph; issues: GraphIssue[] } {
  const tolerance = Math.max(0, opts.snapToleranceM ?? DEFAULT_SNAP_TOLERANCE_M);
  const issues = new IssueLog();
  const usable = validRoads(roads, issues);
  const attributes = roadAttributes(roads, usable);
  const vertices = mergeVertices(roads, usable, tolerance);
  const candidates = segmentCandidates(roads, usable, vertices, issues);
  const keep = dropDuplicates(candidates, vertices.merger.nodeCount, attributes, roads, issues);
  const graph = assemble(candidates, keep, vertices.merger, attributes);
  return { graph, issues: issues.list };
}

/** Collects issues, at most one per road and kind (a road with 50 zero-length segments is one problem to fix). */
class IssueLog {
  readonly list: GraphIssue[] = [];
  private readonly seen = new Set<string>();
  add(kind: GraphIssueKind, roadId: number): void {
    const key = `${kind}:${roadId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ kind, roadId });
  }
}

/** Indices of roads with usable geometry: at least two coordinates, all finite and in range. */
function validRoads(roads: readonly RoadInput[], issues: IssueLog): number[] {
  const out: number[] = [];
  roads.forEach((road, r) => {
    const coords = road?.coordinates;
    if (!Array.isArray(coords) || coords.length < 2) {
      issues.add('no_geometry', road?.id ?? r);
      return;
    }
    const bad = coords.some((c) => !Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !isValidLngLat(c[0], c[1]));
    if (bad) {
      // The whole road is skipped: dropping only the bad vertex would join its neighbours by a
      // straight segment the road may not follow.
      issues.add('invalid_coordinate', road.id);
      return;
    }
    out.push(r);
  });
  return out;
}

/** Per-road attributes as typed arrays (indexed by road), read once instead of once per segment. */
interface RoadAttributes {
  classes: string[];
  classIndex: Uint16Array;
  flags: Uint8Array;
  speedOverride: Float32Array;
}

function roadAttributes(roads: readonly RoadInput[], usable: readonly number[]): RoadAttributes {
  const a: RoadAttributes = { classes: [], classIndex: new Uint16Array(roads.length), flags: new Uint8Array(roads.length), speedOverride: new Float32Array(roads.length) };
  const known = new Map<string, number>();
  for (const r of usable) {
    const road = roads[r];
    const cls = typeof road.roadClass === 'string' ? road.roadClass : '';
    let ci = known.get(cls);
    if (ci === undefined) {
      ci = a.classes.length;
      a.classes.push(cls);
      known.set(cls, ci);
    }
    a.classIndex[r] = ci;
    a.flags[r] = (road.oneway ? EDGE_ONEWAY : 0) | (road.bridge ? EDGE_BRIDGE : 0);
    const v = road.speedKmh;
    a.speedOverride[r] = typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
  }
  return a;
}

interface MergedVertices {
  merger: VertexMerger;
  /** Node of each vertex of each usable road, roads concatenated in `usable` order. */
  node: Uint32Array;
  /** Offset of each usable road's first vertex in `node`. */
  offset: Uint32Array;
}

function mergeVertices(roads: readonly RoadInput[], usable: readonly number[], tolerance: number): MergedVertices {
  let total = 0;
  let maxAbsLat = 0;
  const offset = new Uint32Array(usable.length + 1);
  usable.forEach((r, i) => {
    offset[i] = total;
    total += roads[r].coordinates.length;
    for (const c of roads[r].coordinates) maxAbsLat = Math.max(maxAbsLat, Math.abs(c[1]));
  });
  offset[usable.length] = total;
  const merger = new VertexMerger(total, tolerance, maxAbsLat);
  const node = new Uint32Array(total);
  usable.forEach((r, i) => {
    const coords = roads[r].coordinates;
    for (let k = 0; k < coords.length; k++) node[offset[i] + k] = merger.add(coords[k][0], coords[k][1]);
  });
  return { merger, node, offset };
}

/** Segments that survive the per-segment checks, in input order (node ids are pre-compaction). */
interface Candidates {
  count: number;
  from: Uint32Array;
  to: Uint32Array;
  road: Uint32Array;
}

function segmentCandidates(roads: readonly RoadInput[], usable: readonly number[], v: MergedVertices, issues: IssueLog): Candidates {
  const capacity = v.node.length;
  const c: Candidates = { count: 0, from: new Uint32Array(capacity), to: new Uint32Array(capacity), road: new Uint32Array(capacity) };
  usable.forEach((r, i) => {
    const coords = roads[r].coordinates;
    for (let k = 1; k < coords.length; k++) {
      const a = v.node[v.offset[i] + k - 1];
      const b = v.node[v.offset[i] + k];
      if (coords[k][0] === coords[k - 1][0] && coords[k][1] === coords[k - 1][1]) {
        issues.add('zero_length', roads[r].id);
      } else if (a === b) {
        // Two distinct coordinates closer than the merge tolerance: the edge would loop on one node.
        issues.add('self_loop', roads[r].id);
      } else {
        c.from[c.count] = a;
        c.to[c.count] = b;
        c.road[c.count] = r;
        c.count++;
      }
    }
  });
  return c;
}

/**
 * Marks the candidates to keep: a segment joining the same two nodes with the same direction
 * semantics as an earlier one (both two-way, or both one-way the same way) is a duplicate and
 * dropped. Opposite one-way segments (a divided road) and a one-way beside a two-way are kept.
 *
 * Candidates are bucketed by their lower node; per bucket, a stamp per other node and kind tells
 * in O(1) whether that pair was seen, without a hash of pairs.
 */
function dropDuplicates(c: Candidates, nodeCount: number, attributes: RoadAttributes, roads: readonly RoadInput[], issues: IssueLog): Uint8Array {
  const start = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < c.count; i++) start[Math.min(c.from[i], c.to[i]) + 1]++;
  for (let n = 0; n < nodeCount; n++) start[n + 1] += start[n];
  const fill = start.slice(0, nodeCount);
  const order = new Uint32Array(c.count);
  for (let i = 0; i < c.count; i++) order[fill[Math.min(c.from[i], c.to[i])]++] = i;

  const keep = new Uint8Array(c.count);
  // stamp[kind * nodeCount + other] = lower node + 1 when the pair (lower, other) of that kind was seen.
  const TWO_WAY = 0;
  const UP = 1; // one-way from the lower node to the higher
  const DOWN = 2; // one-way from the higher node to the lower
  const stamp = new Uint32Array(3 * nodeCount);
  for (let u = 0; u < nodeCount; u++) {
    for (let k = start[u]; k < start[u + 1]; k++) {
      const i = order[k];
      const other = c.from[i] === u ? c.to[i] : c.from[i];
      const kind = !(attributes.flags[c.road[i]] & EDGE_ONEWAY) ? TWO_WAY : c.from[i] === u ? UP : DOWN;
      const slot = kind * nodeCount + other;
      if (stamp[slot] === u + 1) {
        issues.add('duplicate_segment', roads[c.road[i]].id);
      } else {
        stamp[slot] = u + 1;
        keep[i] = 1;
      }
    }
  }
  return keep;
}

function assemble(c: Candidates, keep: Uint8Array, merger: VertexMerger, attributes: RoadAttributes): RoadGraph {
  let edgeCount = 0;
  for (let i = 0; i < c.count; i++) edgeCount += keep[i];

  // Only nodes used by a kept edge become graph nodes (a road made only of zero-length segments
  // leaves none behind), numbered in order of first use.
  const newId = new Int32Array(merger.nodeCount).fill(-1);
  let nodeCount = 0;
  const edgeFrom = new Uint32Array(edgeCount);
  const edgeTo = new Uint32Array(edgeCount);
  const edgeRoad = new Uint32Array(edgeCount);
  const edgeClass = new Uint16Array(edgeCount);
  const edgeFlags = new Uint8Array(edgeCount);
  const edgeSpeedOverride = new Float32Array(edgeCount);
  let e = 0;
  for (let i = 0; i < c.count; i++) {
    if (!keep[i]) continue;
    if (newId[c.from[i]] < 0) newId[c.from[i]] = nodeCount++;
    if (newId[c.to[i]] < 0) newId[c.to[i]] = nodeCount++;
    edgeFrom[e] = newId[c.from[i]];
    edgeTo[e] = newId[c.to[i]];
    const r = c.road[i];
    edgeRoad[e] = r;
    edgeClass[e] = attributes.classIndex[r];
    edgeFlags[e] = attributes.flags[r];
    edgeSpeedOverride[e] = attributes.speedOverride[r];
    e++;
  }
  const classes = attributes.classes;

  const lng = new Float64Array(nodeCount);
  const lat = new Float64Array(nodeCount);
  for (let n = 0; n < merger.nodeCount; n++) {
    const id = newId[n];
    if (id < 0) continue;
    lng[id] = merger.lng[n];
    lat[id] = merger.lat[n];
  }
  const edgeLengthM = new Float64Array(edgeCount);
  for (let k = 0; k < edgeCount; k++) edgeLengthM[k] = metresBetween(lng[edgeFrom[k]], lat[edgeFrom[k]], lng[edgeTo[k]], lat[edgeTo[k]]);

  const csr = buildCsr(nodeCount, edgeFrom, edgeTo);
  const { component, componentCount } = connectedComponents(nodeCount, edgeFrom, edgeTo);
  return {
    nodeCount, lng, lat,
    edgeCount, edgeFrom, edgeTo, edgeLengthM, edgeClass, edgeFlags, edgeSpeedOverride, edgeRoad, classes,
    ...csr,
    component, componentCount,
  };
}
