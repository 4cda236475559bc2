/**
 * Compressed sparse row adjacency of the road graph. Every edge is listed at both of its end
 * nodes whatever its one-way flag: walking ignores one-way, and the travel cost arrays (Infinity
 * for a forbidden direction) decide what a vehicle may use, so one adjacency serves every mode.
 *
 * Because of that, the arcs entering a node are exactly the edges listed at it with the direction
 * bit flipped: the reverse CSR shares `start` and `edge` with the forward one (half the memory on
 * a million-edge graph) and only has its own direction bits.
 */

export interface Csr {
  outStart: Uint32Array;
  outEdge: Uint32Array;
  outForward: Uint8Array;
  inStart: Uint32Array;
  inEdge: Uint32Array;
  inForward: Uint8Array;
}

export function buildCsr(nodeCount: number, edgeFrom: Uint32Array, edgeTo: Uint32Array): Csr {
  const edgeCount = edgeFrom.length;
  const start = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    start[edgeFrom[e] + 1]++;
    start[edgeTo[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) start[n + 1] += start[n];
  const fill = start.slice(0, nodeCount);
  const edge = new Uint32Array(2 * edgeCount);
  const outForward = new Uint8Array(2 * edgeCount);
  const inForward = new Uint8Array(2 * edgeCount);
  // Edges are placed in index order, so each node's arcs are sorted by edge index (deterministic).
  for (let e = 0; e < edgeCount; e++) {
    const a = fill[edgeFrom[e]]++;
    edge[a] = e;
    outForward[a] = 1; // leaves edgeFrom along the geometry
    inForward[a] = 0; // enters edgeFrom against it
    const b = fill[edgeTo[e]]++;
    edge[b] = e;
    outForward[b] = 0;
    inForward[b] = 1;
  }
  return { outStart: start, outEdge: edge, outForward, inStart: start, inEdge: edge, inForward };
}
