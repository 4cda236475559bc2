"""Reference multi-source Dijkstra with networkx, for scripts/bench.ts (pure Python, not native).

Usage: python3 nx_reference.py ARCS_FILE NODE_COUNT SOURCES_CSV OUT_FILE

ARCS_FILE: one directed arc per line, "u v minutes" (node ids 0..NODE_COUNT-1).
SOURCES_CSV: comma-separated start nodes; source i is the i-th.
Writes OUT_FILE: NODE_COUNT float64 minutes (inf when unreached) then NODE_COUNT int32 source
indices (-1 when unreached), little-endian. Prints one JSON line: load and search seconds.
The timed search is the public nx.multi_source_dijkstra_path_length; the nearest source comes
from a second, untimed run that keeps predecessors.
"""
import json
import sys
import time
from array import array

import networkx as nx
from networkx.algorithms.shortest_paths import weighted


def main() -> None:
    arcs_file, node_count, sources_csv, out_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    sources = [int(s) for s in sources_csv.split(',')]
    t0 = time.perf_counter()
    g = nx.DiGraph()
    g.add_nodes_from(range(node_count))
    with open(arcs_file) as f:
        for line in f:
            u, v, w = line.split()
            u, v, w = int(u), int(v), float(w)
            old = g.get_edge_data(u, v)
            if old is None or w < old['weight']:
                g.add_edge(u, v, weight=w)
    t1 = time.perf_counter()
    dist = nx.multi_source_dijkstra_path_length(g, sources, weight='weight')
    t2 = time.perf_counter()

    pred: dict = {}
    dist2 = weighted._dijkstra_multisource(g, sources, weighted._weight_function(g, 'weight'), pred=pred)
    index = {s: i for i, s in enumerate(sources)}
    src = array('i', [-1]) * node_count
    for n in sorted(dist2, key=dist2.__getitem__):
        src[n] = index[n] if n in index else src[pred[n][0]]

    minutes = array('d', [float('inf')]) * node_count
    for n, d in dist.items():
        minutes[n] = d
    if sys.byteorder != 'little':
        minutes.byteswap()
        src.byteswap()
    with open(out_file, 'wb') as f:
        minutes.tofile(f)
        src.tofile(f)
    print(json.dumps({'loadSeconds': t1 - t0, 'searchSeconds': t2 - t1, 'networkx': nx.__version__}))


if __name__ == '__main__':
    main()
