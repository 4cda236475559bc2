/**
 * Weakly connected components of the road graph (one-way edges count as links), by union-find on
 * typed arrays. Component ids are numbered in order of their lowest node id, so they are stable
 * for a given graph.
 */

export function connectedComponents(nodeCount: number, edgeFrom: Uint32Array, edgeTo: Uint32Array): { component: Int32Array; componentCount: number } {
  const parent = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) parent[i] = i;
  const root = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]]; // path halving keeps the trees shallow
      x = parent[x];
    }
    return x;
  };
  for (let e = 0; e < edgeFrom.length; e++) {
    const a = root(edgeFrom[e]);
    const b = root(edgeTo[e]);
    // The smaller id becomes the root, so every root is its component's lowest node.
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  }
  const component = new Int32Array(nodeCount).fill(-1);
  let componentCount = 0;
  for (let n = 0; n < nodeCount; n++) {
    const r = root(n);
    if (component[r] < 0) component[r] = componentCount++;
    component[n] = component[r];
  }
  return { component, componentCount };
}
