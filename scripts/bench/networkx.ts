/**
 * Optional reference: networkx multi-source Dijkstra (pure Python) via python3 and
 * scripts/bench/nx_reference.py. Used only for the smaller sizes (it is slow); skipped with a hint
 * when python3 or networkx is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoadGraph } from '../../electron/engine/graph-types.js';
import type { EdgeCosts } from '../../electron/engine/speeds.js';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'nx_reference.py');

export const NX_HINT = 'networkx column skipped: python3 with networkx not found (Debian: sudo apt-get install -y python3-networkx)';

export function networkxAvailable(): string | null {
  const r = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export interface NxResult {
  searchMs: number;
  loadMs: number;
  minutes: Float64Array;
  source: Int32Array;
}

export function runNetworkx(graph: RoadGraph, costs: EdgeCosts, sourceNodes: Uint32Array): NxResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccp-bench-nx-'));
  try {
    const arcs: string[] = [];
    for (let e = 0; e < graph.edgeCount; e++) {
      const a = graph.edgeFrom[e];
      const b = graph.edgeTo[e];
      if (Number.isFinite(costs.forward[e])) arcs.push(`${a} ${b} ${costs.forward[e]}\n`);
      if (Number.isFinite(costs.backward[e])) arcs.push(`${b} ${a} ${costs.backward[e]}\n`);
    }
    const arcsFile = path.join(dir, 'arcs.txt');
    const outFile = path.join(dir, 'out.bin');
    fs.writeFileSync(arcsFile, arcs.join(''));
    const r = spawnSync('python3', [SCRIPT, arcsFile, String(graph.nodeCount), Array.from(sourceNodes).join(','), outFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`networkx reference failed: ${r.error?.message ?? r.stderr.trim()}`);
    const info = JSON.parse(r.stdout.trim().split('\n').pop()!) as { loadSeconds: number; searchSeconds: number };
    const buf = fs.readFileSync(outFile);
    const n = graph.nodeCount;
    const minutes = new Float64Array(n);
    const source = new Int32Array(n);
    for (let i = 0; i < n; i++) minutes[i] = buf.readDoubleLE(8 * i);
    for (let i = 0; i < n; i++) source[i] = buf.readInt32LE(8 * n + 4 * i);
    return { searchMs: info.searchSeconds * 1000, loadMs: info.loadSeconds * 1000, minutes, source };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
