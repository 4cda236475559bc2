/**
 * Compares our per-node minutes and nearest source with a reference (pgRouting, networkx).
 *
 * - Minutes: a node must be reached by both or by neither; over nodes reached by both, the max
 *   absolute difference must be <= 1e-6 minutes ("identical").
 * - Nearest source: a node whose reference source differs from ours counts as a mismatch only
 *   when it is not a tie, i.e. when the reference source's own minutes to the node (a single-source
 *   run of our Dijkstra from it) differ from the multi-source minimum by more than 1e-9.
 */
import type { RoadGraph } from '../../electron/engine/graph-types.js';
import type { EdgeCosts } from '../../electron/engine/speeds.js';
import { multiSourceDijkstra } from '../../electron/engine/dijkstra.js';

export const MINUTES_TOLERANCE = 1e-6;
export const TIE_TOLERANCE = 1e-9;
/** At most this many single-source runs to settle suspected ties; beyond it a mismatch counts. */
const MAX_TIE_CHECK_SOURCES = 10;

export interface Comparison {
  /** Nodes reached by both. */
  compared: number;
  /** Nodes reached by exactly one side. */
  reachMismatch: number;
  maxAbsDiff: number;
  /** Nodes where the reference's minutes are above / below ours by more than the tolerance. */
  refHigher: number;
  refLower: number;
  identical: boolean;
  /** Nodes whose nearest source differs, ties excluded. */
  sourceMismatch: number;
  /** Nodes whose nearest source differs but the costs tie (within 1e-9). */
  sourceTies: number;
}

/**
 * @param oursSource our nearest source per node (source index), -1 unreached
 * @param refSource the reference's nearest source per node (source index), -1 unreached
 * @param sourceNodes node of each source index (seeds at minutes 0)
 */
export function compareResults(
  graph: RoadGraph,
  costs: EdgeCosts,
  sourceNodes: Uint32Array,
  ours: { minutes: Float64Array; source: Int32Array },
  ref: { minutes: Float64Array; source: Int32Array },
): Comparison {
  const n = graph.nodeCount;
  let compared = 0;
  let reachMismatch = 0;
  let maxAbsDiff = 0;
  let refHigher = 0;
  let refLower = 0;
  const suspects: number[] = [];
  for (let v = 0; v < n; v++) {
    const a = ours.minutes[v];
    const b = ref.minutes[v];
    const fa = Number.isFinite(a);
    const fb = Number.isFinite(b);
    if (fa !== fb) {
      reachMismatch++;
      continue;
    }
    if (!fa) continue;
    compared++;
    const d = Math.abs(a - b);
    if (d > maxAbsDiff || Number.isNaN(d)) maxAbsDiff = Number.isNaN(d) ? Infinity : d;
    if (b > a + MINUTES_TOLERANCE) refHigher++;
    if (b < a - MINUTES_TOLERANCE) refLower++;
    if (ours.source[v] !== ref.source[v]) suspects.push(v);
  }

  // Settle suspected ties with single-source runs from the reference's sources.
  let sourceMismatch = 0;
  let sourceTies = 0;
  const bySource = new Map<number, number[]>();
  for (const v of suspects) {
    const s = ref.source[v];
    if (!bySource.has(s)) bySource.set(s, []);
    bySource.get(s)!.push(v);
  }
  let checked = 0;
  for (const [s, nodes] of bySource) {
    if (s < 0 || s >= sourceNodes.length || checked >= MAX_TIE_CHECK_SOURCES) {
      sourceMismatch += nodes.length;
      continue;
    }
    checked++;
    const single = multiSourceDijkstra(graph, costs, { node: Uint32Array.of(sourceNodes[s]), minutes: Float64Array.of(0), source: Int32Array.of(s) }, 'from_sources');
    for (const v of nodes) {
      if (Math.abs(single.nodeMinutes[v] - ours.minutes[v]) <= TIE_TOLERANCE) sourceTies++;
      else sourceMismatch++;
    }
  }
  return { compared, reachMismatch, maxAbsDiff, refHigher, refLower, identical: reachMismatch === 0 && maxAbsDiff <= MINUTES_TOLERANCE, sourceMismatch, sourceTies };
}
