/**
 * Multi-source Dijkstra over the road graph's CSR. Every node ends with the minutes to (or from)
 * its nearest source and which source that is: one run answers "nearest facility" for every
 * village at once.
 */
import { EngineCancelled, type RoadGraph } from './graph-types.js';
import { MinHeap } from './min-heap.js';
import type { EdgeCosts } from './speeds.js';

export interface DijkstraSeeds {
  /** Start node of each seed. */
  node: Uint32Array;
  /** Minutes already spent when the seed's node is reached (partial edge + off-road leg). */
  minutes: Float64Array;
  /** Caller's source id for each seed (several seeds may share one source). */
  source: Int32Array;
}

/**
 * - 'from_sources': minutes from the nearest source to each node (facility → village trips).
 * - 'to_sources': minutes from each node to its nearest source, run on the reverse graph, so a
 *   one-way road is respected for the trip village → facility.
 */
export type SearchDirection = 'from_sources' | 'to_sources';

export interface DijkstraOptions {
  signal?: AbortSignal;
  /** Nodes farther than this stay at Infinity (a bounded search: catchments). */
  maxMinutes?: number;
}

export interface DijkstraResult {
  /** Minutes per node; Infinity when unreachable (or beyond maxMinutes). */
  nodeMinutes: Float64Array;
  /** Source id of the nearest source per node, -1 when unreachable. */
  nodeSource: Int32Array;
}

/** How many pops between two looks at the abort signal. */
const ABORT_CHECK_EVERY = 4096;

export function multiSourceDijkstra(graph: RoadGraph, costs: EdgeCosts, seeds: DijkstraSeeds, direction: SearchDirection, opts: DijkstraOptions = {}): DijkstraResult {
  const n = graph.nodeCount;
  const limit = opts.maxMinutes ?? Infinity;
  const nodeMinutes = new Float64Array(n).fill(Infinity);
  const nodeSource = new Int32Array(n).fill(-1);
  const heap = new MinHeap(Math.max(64, seeds.node.length));
  for (let i = 0; i < seeds.node.length; i++) {
    const v = seeds.node[i];
    const m = seeds.minutes[i];
    // Strictly better only: on a tie the earlier seed keeps the node (deterministic nearest).
    if (!(m <= limit) || m >= nodeMinutes[v]) continue;
    nodeMinutes[v] = m;
    nodeSource[v] = seeds.source[i];
    heap.push(v, m);
  }

  // Forward search walks arcs leaving a node; the reverse search walks arcs entering it, and the
  // cost of arc x → u is the edge's cost in the direction that arc runs.
  const reverse = direction === 'to_sources';
  const start = reverse ? graph.inStart : graph.outStart;
  const arcEdge = reverse ? graph.inEdge : graph.outEdge;
  const arcAlong = reverse ? graph.inForward : graph.outForward;
  const { forward, backward } = costs;
  const { edgeFrom, edgeTo } = graph;
  const signal = opts.signal;
  let pops = 0;

  while (heap.size > 0) {
    const key = heap.peekKey();
    const u = heap.pop();
    if (signal && ++pops % ABORT_CHECK_EVERY === 0 && signal.aborted) throw new EngineCancelled();
    const du = nodeMinutes[u];
    if (key > du) continue; // a stale entry: u was reached faster after this was pushed
    const su = nodeSource[u];
    for (let k = start[u]; k < start[u + 1]; k++) {
      const e = arcEdge[k];
      const d = du + (arcAlong[k] === 1 ? forward[e] : backward[e]);
      const v = edgeFrom[e] === u ? edgeTo[e] : edgeFrom[e];
      if (!(d < nodeMinutes[v]) || d > limit) continue;
      nodeMinutes[v] = d;
      nodeSource[v] = su;
      heap.push(v, d);
    }
  }
  if (signal?.aborted) throw new EngineCancelled();
  return { nodeMinutes, nodeSource };
}
