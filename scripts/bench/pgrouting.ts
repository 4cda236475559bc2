/**
 * pgRouting's pgr_drivingDistance (equicost) on the bench graph, through the `psql` client only
 * (no npm driver). Connection settings come from the usual libpq variables (PGHOST, PGPORT,
 * PGUSER, PGPASSWORD); the database is `--pg-db` (default ccp_bench). The bench installs and
 * creates nothing outside its own scratch tables: when psql, the server or the extension is
 * missing, `probe` says why and `installHint` prints what to run.
 *
 * Timing method: one psql session runs `\timing on`, five trivial `SELECT 1` (the client/server
 * round trip), then the query `SELECT count(*) FROM pgr_drivingDistance(...)` `repeats` times;
 * count(*) makes the server run the whole function (edges SQL read, graph build, Dijkstra, all
 * result rows produced) without shipping the rows. Reported time = fastest query run minus the
 * median trivial query. The rows themselves are then fetched by a separate, untimed
 * `COPY (...) TO STDOUT` for the comparison.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

export interface PgConfig {
  db: string;
}

export interface PgProbe {
  ok: boolean;
  /** pgRouting version when ok, else why the column is skipped. */
  detail: string;
}

export interface PgTiming {
  /** Fastest run minus the trivial-query baseline, ms. */
  bestMs: number;
  runsMs: number[];
  baselineMs: number;
}

export interface PgResult {
  /** Per node (0-based, as ours): agg_cost minutes, Infinity when pgRouting did not return the node. */
  minutes: Float64Array;
  /** Start vid (0-based node) that pgRouting assigned, -1 when not returned. */
  startNode: Int32Array;
}

function psql(cfg: PgConfig, args: string[], input?: string | Buffer): SpawnSyncReturns<string> {
  return spawnSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', cfg.db, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 2 ** 31 - 1,
  });
}

function check(r: SpawnSyncReturns<string>, what: string): string {
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what}: psql exit ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
}

export function probe(cfg: PgConfig): PgProbe {
  const version = spawnSync('psql', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return { ok: false, detail: 'the psql client is not installed' };
  const r = psql(cfg, ['-c', "SELECT coalesce((SELECT extversion FROM pg_extension WHERE extname = 'pgrouting'), '')"]);
  if (r.status !== 0) return { ok: false, detail: `cannot connect to database "${cfg.db}": ${r.stderr.trim().split('\n')[0]}` };
  const ext = r.stdout.trim();
  if (!ext) return { ok: false, detail: `the pgrouting extension is not created in database "${cfg.db}"` };
  return { ok: true, detail: `pgRouting ${ext}` };
}

export function installHint(cfg: PgConfig): string {
  return [
    'To enable the pgRouting column (Debian 12 / Ubuntu; the bench itself installs nothing):',
    '  sudo apt-get install -y postgresql-15 postgresql-15-pgrouting',
    '  sudo service postgresql start        # or: sudo pg_ctlcluster 15 main start',
    '  sudo -u postgres createuser --superuser "$USER"',
    `  createdb ${cfg.db}`,
    `  psql -d ${cfg.db} -c 'CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE'`,
    `then run npm run bench again (PGHOST/PGPORT/PGUSER/PGPASSWORD are honoured; --pg-db NAME picks the database).`,
  ].join('\n');
}

export const tableName = (label: string): string => `ccp_bench_edges_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;

/**
 * Loads edges with COPY: id (edge + 1), source/target (node + 1), cost and reverse_cost in
 * minutes (float8, written in JS's shortest round-trip form so the values are bit-identical),
 * reverse_cost = -1 for a forbidden direction (one-way). Returns the load time in ms.
 */
export function loadEdges(cfg: PgConfig, table: string, from: Uint32Array, to: Uint32Array, forward: Float64Array, backward: Float64Array): number {
  const parts: string[] = [];
  const cost = (m: number): string => (Number.isFinite(m) && m >= 0 ? String(m) : '-1');
  for (let e = 0; e < from.length; e++) parts.push(`${e + 1},${from[e] + 1},${to[e] + 1},${cost(forward[e])},${cost(backward[e])}\n`);
  const csv = parts.join('');
  const t = performance.now();
  check(
    psql(cfg, [
      '-c', `DROP TABLE IF EXISTS ${table}`,
      '-c', `CREATE UNLOGGED TABLE ${table} (id bigint, source bigint, target bigint, cost float8, reverse_cost float8)`,
      '-c', `COPY ${table} FROM STDIN (FORMAT csv)`,
      '-c', `ANALYZE ${table}`,
    ], csv),
    `loading ${table}`,
  );
  return performance.now() - t;
}

/**
 * The two ways of asking pgRouting for "minutes from the nearest start, for every node":
 * - 'equicost': pgr_drivingDistance(edges, start vids, distance, directed, equicost := true), the
 *   documented multi-start form (each node once, with its nearest start vid);
 * - 'supersource': the textbook reduction to one source: a virtual vertex 0 with a zero-cost arc to
 *   every start vid, then the single-start pgr_drivingDistance from vertex 0 (agg_cost = 0 + the
 *   same sums, so bit-identical minutes; the nearest start is read off the returned tree).
 */
export type PgVariant = 'equicost' | 'supersource';

export const SUPER_SOURCE = 0;

function drivingDistanceSql(variant: PgVariant, table: string, startNodes: Uint32Array, edgeCount: number, columns: string): string {
  const vids = Array.from(startNodes, (n) => n + 1).join(',');
  const edges = `SELECT id, source, target, cost, reverse_cost FROM ${table}`;
  // A distance far beyond any path, so every reachable node is returned.
  if (variant === 'equicost') return `SELECT ${columns} FROM pgr_drivingDistance('${edges}', ARRAY[${vids}]::bigint[], 1e15, directed := true, equicost := true)`;
  const virtual = `SELECT ${edgeCount} + k, ${SUPER_SOURCE}, v, 0::float8, -1::float8 FROM unnest(ARRAY[${vids}]::bigint[]) WITH ORDINALITY AS u(v, k)`;
  return `SELECT ${columns} FROM pgr_drivingDistance('${edges} UNION ALL ${virtual}', ${SUPER_SOURCE}, 1e15, directed := true)`;
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function timeDrivingDistance(cfg: PgConfig, variant: PgVariant, table: string, startNodes: Uint32Array, edgeCount: number, repeats: number): PgTiming & { rows: number } {
  const query = drivingDistanceSql(variant, table, startNodes, edgeCount, 'count(*)');
  const script = ['\\timing on', ...Array(5).fill('SELECT 1;'), ...Array(repeats).fill(`${query};`)].join('\n') + '\n';
  const out = check(psql(cfg, [], script), 'pgr_drivingDistance');
  const times = [...out.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
  if (times.length !== 5 + repeats) throw new Error(`pgr_drivingDistance: expected ${5 + repeats} timings, psql printed:\n${out}`);
  const rowCounts = out.split('\n').filter((l) => /^\d+$/.test(l.trim())).map(Number);
  const baselineMs = median(times.slice(0, 5));
  const runsMs = times.slice(5);
  return { bestMs: Math.min(...runsMs) - baselineMs, runsMs, baselineMs, rows: rowCounts[rowCounts.length - 1] ?? 0 };
}

/**
 * The per-node result. `from` and `to` are the graph's edge endpoints (0-based), to follow the
 * super-source variant's tree (each row's `edge` enters `node`) back to its start vid.
 */
export function fetchDrivingDistance(cfg: PgConfig, variant: PgVariant, table: string, startNodes: Uint32Array, from: Uint32Array, to: Uint32Array, nodeCount: number): PgResult {
  const edgeCount = from.length;
  const columns = variant === 'equicost' ? 'node, from_v, agg_cost' : 'node, edge, agg_cost';
  const query = drivingDistanceSql(variant, table, startNodes, edgeCount, columns);
  const out = check(psql(cfg, ['-c', 'SET extra_float_digits = 3', '-c', `COPY (${query}) TO STDOUT (FORMAT csv)`]), 'fetching pgr_drivingDistance rows');
  const minutes = new Float64Array(nodeCount).fill(Infinity);
  const startNode = new Int32Array(nodeCount).fill(-1);
  /** supersource: edge (0-based graph edge, or -1 for a virtual arc) that reached each node. */
  const viaEdge = new Int32Array(nodeCount).fill(-2);
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf('\n', start);
    if (end < 0) end = out.length;
    const line = out.slice(start, end);
    start = end + 1;
    if (!line) continue;
    const [node, second, agg] = line.split(',');
    if (variant === 'supersource' && Number(node) === SUPER_SOURCE) continue;
    const n = Number(node) - 1;
    if (!(n >= 0 && n < nodeCount)) throw new Error(`pgr_drivingDistance returned unknown node ${node}`);
    minutes[n] = Number(agg);
    if (variant === 'equicost') startNode[n] = Number(second) - 1;
    else viaEdge[n] = Number(second) > edgeCount ? -1 : Number(second) - 1;
  }
  if (variant === 'supersource') {
    // Walk each node's tree path up to a start (a node reached by a virtual arc), memoising.
    const stack: number[] = [];
    for (let v = 0; v < nodeCount; v++) {
      let u = v;
      while (startNode[u] < 0 && viaEdge[u] >= 0) {
        stack.push(u);
        const e = viaEdge[u];
        u = from[e] === u ? to[e] : from[e];
        if (stack.length > nodeCount) throw new Error('pgr_drivingDistance: the returned tree has a cycle');
      }
      const s = startNode[u] >= 0 ? startNode[u] : viaEdge[u] === -1 ? u : -1;
      startNode[u] = s;
      while (stack.length) startNode[stack.pop()!] = s;
    }
  }
  return { minutes, startNode };
}

export function dropTable(cfg: PgConfig, table: string): void {
  psql(cfg, ['-c', `DROP TABLE IF EXISTS ${table}`]);
}
