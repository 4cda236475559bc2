/**
 * An independent check of our Dijkstra, at every size (no reference needed): the classic
 * shortest-path optimality certificate, in O(edges).
 *
 * 1. every seed node has minutes <= its seed minutes;
 * 2. no usable arc a → b can improve b: minutes[b] <= minutes[a] + cost (exact, in the same
 *    float64 arithmetic the search used), so nothing is too long and unreached nodes have no
 *    reached predecessor;
 * 3. every reached non-seed node b has a tight arc a → b (minutes[a] + cost === minutes[b]) from a
 *    node of the same nearest source, so every figure is the length of a real path from that source.
 * With positive costs, 2 and 3 together mean the minutes are exactly the shortest-path minutes.
 */
import type { RoadGraph } from '../../electron/engine/graph-types.js';
import type { EdgeCosts } from '../../electron/engine/speeds.js';

export interface Certificate {
  ok: boolean;
  /** Arcs that would still improve their head (condition 2). */
  improvable: number;
  /** Reached non-seed nodes without a tight arc from the same source (condition 3). */
  untight: number;
  badSeeds: number;
}

export function certify(graph: RoadGraph, costs: EdgeCosts, seeds: { node: Uint32Array; minutes: Float64Array }, result: { nodeMinutes: Float64Array; nodeSource: Int32Array }): Certificate {
  const d = result.nodeMinutes;
  const src = result.nodeSource;
  const n = graph.nodeCount;
  const isSeed = new Uint8Array(n);
  let badSeeds = 0;
  for (let i = 0; i < seeds.node.length; i++) {
    isSeed[seeds.node[i]] = 1;
    if (!(d[seeds.node[i]] <= seeds.minutes[i])) badSeeds++;
  }
  const tight = new Uint8Array(n);
  let improvable = 0;
  const arc = (a: number, b: number, c: number): void => {
    if (!Number.isFinite(c) || !Number.isFinite(d[a])) return;
    const via = d[a] + c;
    if (via < d[b]) improvable++;
    else if (via === d[b] && src[a] === src[b] && d[a] < d[b]) tight[b] = 1;
  };
  for (let e = 0; e < graph.edgeCount; e++) {
    arc(graph.edgeFrom[e], graph.edgeTo[e], costs.forward[e]);
    arc(graph.edgeTo[e], graph.edgeFrom[e], costs.backward[e]);
  }
  let untight = 0;
  for (let v = 0; v < n; v++) if (Number.isFinite(d[v]) && !isSeed[v] && !tight[v]) untight++;
  return { ok: improvable === 0 && untight === 0 && badSeeds === 0, improvable, untight, badSeeds };
}
