/**
 * Travel-time engine benchmark (`npm run bench`). Prints, it never asserts: tests do not time.
 *
 *   npm run bench                                 10k, 100k and 1M edges, then the demo county
 *   npm run bench -- --sizes 10k,100k             fewer sizes
 *   npm run bench -- --no-pgrouting --no-networkx --no-demo
 *   npm run bench -- --pg-db NAME --sources 50 --seed 7
 *
 * For each size: a synthetic road-like network (scripts/bench/synthetic.ts) → buildRoadGraph
 * (timed; graph memory = distinct typed-array buffers) → edgeMinutes (car) → our
 * multiSourceDijkstra from N sources, 'from_sources', every node (best of several runs after a
 * warm-up), checked by an optimality certificate (scripts/bench/certify.ts) → the same graph in
 * PostgreSQL via COPY, timed with pgr_drivingDistance(equicost := true) and with the single-start
 * pgr_drivingDistance from a virtual super-source (method in scripts/bench/pgrouting.ts) →
 * networkx (10k/100k only). Our minutes and nearest source are compared node by node with each
 * reference (scripts/bench/compare.ts). Then the demo county: multi-source pass, analyzeCoverage
 * and what-if moveFacility against the product targets (scripts/bench/demo.ts).
 * Progress goes to stderr, the result tables to stdout. Whole run: about a minute on 2 cores.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchImport, IMPORT_TARGET_MS, type ImportTimings } from './bench/import.js';
import { defaultRuleValues } from '../electron/domain/rules.js';
import { multiSourceDijkstra, type DijkstraResult } from '../electron/engine/dijkstra.js';
import { buildRoadGraph } from '../electron/engine/graph.js';
import { edgeMinutes, speedTableFromRules, type EdgeCosts } from '../electron/engine/speeds.js';
import { mulberry32 } from '../electron/io/demo/random.js';
import { certify, type Certificate } from './bench/certify.js';
import { compareResults, MINUTES_TOLERANCE, TIE_TOLERANCE, type Comparison } from './bench/compare.js';
import { benchDemo, FULL_ANALYSIS_TARGET_MS, WHAT_IF_TARGET_MS, type DemoTimings } from './bench/demo.js';
import { NX_HINT, networkxAvailable, runNetworkx } from './bench/networkx.js';
import * as pg from './bench/pgrouting.js';
import { syntheticNetwork } from './bench/synthetic.js';
import { int, mb, ms, ratio, table } from './bench/table.js';
import { bestOf, median, timeIt, typedArrayBytes } from './bench/timing.js';

const GRAPH_MEMORY_TARGET_MB = 200;
/** networkx (pure Python) only up to this many edges: it would take minutes beyond. */
const NX_MAX_EDGES = 200_000;

interface PgVariantResult {
  ms: number;
  runsMs: number[];
  rows: number;
  cmp: Comparison;
}

interface SizeResult {
  label: string;
  edges: number;
  nodes: number;
  roads: number;
  sources: number;
  generateMs: number;
  buildMs: number;
  graphBytes: number;
  costBytes: number;
  costsMs: number;
  oursMs: number;
  oursRunsMs: number[];
  reached: number;
  certificate: Certificate;
  pg: { loadMs: number; variants: Partial<Record<pg.PgVariant, PgVariantResult>> } | { skipped: string } | null;
  nx: { ms: number; cmp: Comparison } | { skipped: string } | null;
}

const started = performance.now();
/** 1-minute load average when the bench began: other work on the machine skews every timing. */
const LOAD_AT_START = os.loadavg()[0];
const log = (msg: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
};

function parseSize(s: string): { label: string; edges: number } {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad size "${s}" (use e.g. 10k, 100k, 1m or a number)`);
  const mult = m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1;
  const edges = Math.round(Number(m[1]) * mult);
  const label = edges >= 1e6 && edges % 1e6 === 0 ? `${edges / 1e6}M` : edges >= 1e3 && edges % 1e3 === 0 ? `${edges / 1e3}k` : String(edges);
  return { label, edges };
}

const defaultSources = (edges: number): number => (edges <= 20_000 ? 20 : edges <= 200_000 ? 100 : 200);
/** Timed runs of our Dijkstra (after one warm-up run) and of the pgRouting query. */
const oursRuns = (edges: number): number => (edges <= 20_000 ? 20 : edges <= 200_000 ? 7 : 3);
const pgRuns = (edges: number): number => (edges <= 20_000 ? 5 : 3);

/** `count` distinct nodes, drawn with a seeded PRNG. */
function pickSources(nodeCount: number, count: number, seed: number): Uint32Array {
  const rng = mulberry32(seed);
  const chosen = new Set<number>();
  const want = Math.min(count, nodeCount);
  while (chosen.size < want) chosen.add(rng.int(0, nodeCount - 1));
  return Uint32Array.from(chosen);
}

function runOurs(graph: Parameters<typeof multiSourceDijkstra>[0], costs: EdgeCosts, sourceNodes: Uint32Array, runs: number): { result: DijkstraResult; ms: number; all: number[] } {
  const seeds = { node: sourceNodes, minutes: new Float64Array(sourceNodes.length), source: Int32Array.from(sourceNodes, (_, i) => i) };
  multiSourceDijkstra(graph, costs, seeds, 'from_sources'); // warm-up (JIT)
  const r = bestOf(runs, () => multiSourceDijkstra(graph, costs, seeds, 'from_sources'));
  return { result: r.value, ms: r.ms, all: r.all };
}

function benchSize(label: string, targetEdges: number, opts: { sources: number | null; seed: number; pgCfg: pg.PgConfig | null; pgSkip: string | null; nx: boolean }): SizeResult {
  log(`${label}: generating a synthetic network of ~${int(targetEdges)} edges`);
  const gen = timeIt(() => syntheticNetwork(targetEdges, opts.seed));
  const roads = gen.value.roads;
  log(`${label}: buildRoadGraph (${int(roads.length)} roads)`);
  const build = timeIt(() => buildRoadGraph(roads));
  const { graph, issues } = build.value;
  if (issues.length) log(`${label}: ${issues.length} graph issues (unexpected for synthetic data)`);
  const speeds = speedTableFromRules(defaultRuleValues());
  const costsRun = bestOf(3, () => edgeMinutes(graph, 'car', speeds));
  const costs = costsRun.value;

  const sourceCount = opts.sources ?? defaultSources(targetEdges);
  const sourceNodes = pickSources(graph.nodeCount, sourceCount, opts.seed ^ targetEdges);
  log(`${label}: ${int(graph.edgeCount)} edges, ${int(graph.nodeCount)} nodes; our multi-source Dijkstra from ${sourceNodes.length} sources`);
  const ours = runOurs(graph, costs, sourceNodes, oursRuns(targetEdges));
  const certificate = certify(graph, costs, { node: sourceNodes, minutes: new Float64Array(sourceNodes.length) }, ours.result);
  log(`${label}: optimality certificate of our minutes: ${certificate.ok ? 'ok' : `FAILED ${JSON.stringify(certificate)}`}`);
  let reached = 0;
  for (let v = 0; v < graph.nodeCount; v++) if (Number.isFinite(ours.result.nodeMinutes[v])) reached++;
  const oursCmp = { minutes: ours.result.nodeMinutes, source: ours.result.nodeSource };
  const sourceIndex = new Map<number, number>(Array.from(sourceNodes, (n, i) => [n, i]));

  let pgOut: SizeResult['pg'] = null;
  if (opts.pgCfg) {
    const table = pg.tableName(label);
    try {
      log(`${label}: COPY ${int(graph.edgeCount)} edges into ${table}`);
      const loadMs = pg.loadEdges(opts.pgCfg, table, graph.edgeFrom, graph.edgeTo, costs.forward, costs.backward);
      const variants: Partial<Record<pg.PgVariant, PgVariantResult>> = {};
      for (const variant of ['equicost', 'supersource'] as const) {
        log(`${label}: pgr_drivingDistance (${variant}) × ${pgRuns(targetEdges)}`);
        const timing = pg.timeDrivingDistance(opts.pgCfg, variant, table, sourceNodes, graph.edgeCount, pgRuns(targetEdges));
        log(`${label}: fetching pgRouting ${variant} rows for the comparison`);
        const res = pg.fetchDrivingDistance(opts.pgCfg, variant, table, sourceNodes, graph.edgeFrom, graph.edgeTo, graph.nodeCount);
        const refSource = Int32Array.from(res.startNode, (n) => (n >= 0 ? sourceIndex.get(n) ?? -2 : -1));
        const cmp = compareResults(graph, costs, sourceNodes, oursCmp, { minutes: res.minutes, source: refSource });
        variants[variant] = { ms: timing.bestMs, runsMs: timing.runsMs, rows: timing.rows, cmp };
      }
      pgOut = { loadMs, variants };
    } catch (err) {
      pgOut = { skipped: (err as Error).message };
      log(`${label}: pgRouting failed: ${(err as Error).message}`);
    } finally {
      pg.dropTable(opts.pgCfg, table);
    }
  } else if (opts.pgSkip) {
    pgOut = { skipped: opts.pgSkip };
  }

  let nxOut: SizeResult['nx'] = null;
  if (opts.nx && graph.edgeCount <= NX_MAX_EDGES) {
    try {
      log(`${label}: networkx reference`);
      const r = runNetworkx(graph, costs, sourceNodes);
      nxOut = { ms: r.searchMs, cmp: compareResults(graph, costs, sourceNodes, oursCmp, { minutes: r.minutes, source: r.source }) };
    } catch (err) {
      nxOut = { skipped: (err as Error).message };
      log(`${label}: networkx failed: ${(err as Error).message}`);
    }
  }

  return {
    label,
    edges: graph.edgeCount,
    nodes: graph.nodeCount,
    roads: roads.length,
    sources: sourceNodes.length,
    generateMs: gen.ms,
    buildMs: build.ms,
    graphBytes: typedArrayBytes(graph),
    costBytes: typedArrayBytes(costs),
    costsMs: costsRun.ms,
    oursMs: ours.ms,
    oursRunsMs: ours.all,
    reached,
    certificate,
    pg: pgOut,
    nx: nxOut,
  };
}

const yesNo = (c: Comparison): string => (c.identical ? 'yes' : 'NO');
const diff = (x: number): string => (x === 0 ? '0' : x.toExponential(1));
const pgVariant = (r: SizeResult, v: pg.PgVariant): PgVariantResult | null => (r.pg && 'variants' in r.pg ? r.pg.variants[v] ?? null : null);
const REF_NAMES: Record<string, string> = { equicost: 'pgRouting equicost', supersource: 'pgRouting super-source', networkx: 'networkx' };

function report(results: SizeResult[], demo: DemoTimings | null, notes: string[]): void {
  const out: string[] = [];
  out.push(`County Coverage Planner — travel-time bench (Node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model.trim() ?? ''}; load average at start ${LOAD_AT_START.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)})`);
  out.push('');
  out.push('Multi-source travel time, car, minutes to every node from the nearest source (ms; lower is better)');
  out.push(
    table(
      ['size', 'edges', 'nodes', 'sources', 'build ms', 'graph MB', 'costs ms', 'ours ms', 'pgr equicost ms', 'ratio', 'pgr super-src ms', 'ratio', 'networkx ms', 'ratio'],
      results.map((r) => {
        const eq = pgVariant(r, 'equicost');
        const ss = pgVariant(r, 'supersource');
        const nxMs = r.nx && 'ms' in r.nx ? r.nx.ms : null;
        const pgCell = (v: PgVariantResult | null): string => (v ? ms(v.ms) : r.pg && 'skipped' in r.pg ? 'skipped' : '-');
        return [
          r.label, int(r.edges), int(r.nodes), String(r.sources), ms(r.buildMs), mb(r.graphBytes), ms(r.costsMs), ms(r.oursMs),
          pgCell(eq), ratio(eq ? eq.ms / r.oursMs : null),
          pgCell(ss), ratio(ss ? ss.ms / r.oursMs : null),
          nxMs === null ? '-' : ms(nxMs), ratio(nxMs === null ? null : nxMs / r.oursMs),
        ];
      }),
    ),
  );
  out.push('ratio = reference time / our time (how many times faster ours is).');
  out.push('');
  out.push(`Agreement (minutes per node to ${MINUTES_TOLERANCE} min; nearest-source mismatches exclude ties within ${TIE_TOLERANCE} min)`);
  const rows: string[][] = [];
  for (const r of results) {
    rows.push([r.label, 'ours: optimality certificate', int(r.reached), '', '', '', '', '', r.certificate.ok ? 'yes' : 'NO', '', '']);
    const refs: [string, { cmp: Comparison } | null][] = [
      ['equicost', pgVariant(r, 'equicost')],
      ['supersource', pgVariant(r, 'supersource')],
      ['networkx', r.nx && 'cmp' in r.nx ? r.nx : null],
    ];
    for (const [name, ref] of refs) {
      if (!ref) continue;
      const c = ref.cmp;
      rows.push([r.label, REF_NAMES[name], int(c.compared + c.reachMismatch), int(c.compared), int(c.reachMismatch), diff(c.maxAbsDiff), int(c.refHigher), int(c.refLower), yesNo(c), int(c.sourceMismatch), int(c.sourceTies)]);
    }
  }
  out.push(table(['size', 'reference', 'reached', 'compared', 'reach diff', 'max |Δ| min', 'ref higher', 'ref lower', 'identical', 'source mismatches', 'ties'], rows));
  const eqBad = results.filter((r) => pgVariant(r, 'equicost') && !pgVariant(r, 'equicost')!.cmp.identical);
  if (eqBad.length) {
    out.push(
      'Note: pgRouting equicost disagrees only by giving nodes MORE minutes than ours ("ref higher"), never fewer. Our minutes pass the',
      '  optimality certificate and equal pgRouting from a virtual super-source (and networkx), so those nodes got a non-nearest start',
      '  vid from pgr_drivingDistance(equicost := true) itself (pgRouting 3.4.x shares one distance array between its per-start',
      '  searches and stops them early on already-reached vertices).',
    );
  }
  out.push('');
  out.push('Memory and extra timings');
  out.push(
    table(
      ['size', 'roads', 'graph MB', 'graph+costs MB', `< ${GRAPH_MEMORY_TARGET_MB} MB`, 'generate ms', 'ours min/median/max ms (runs)', 'pg COPY ms', 'pgr equicost runs ms', 'pgr super-src runs ms'],
      results.map((r) => [
        r.label,
        int(r.roads),
        mb(r.graphBytes),
        mb(r.graphBytes + r.costBytes),
        r.graphBytes / 1e6 < GRAPH_MEMORY_TARGET_MB ? 'yes' : 'NO',
        ms(r.generateMs),
        `${ms(Math.min(...r.oursRunsMs))} / ${ms(median(r.oursRunsMs))} / ${ms(Math.max(...r.oursRunsMs))} (${r.oursRunsMs.length})`,
        r.pg && 'loadMs' in r.pg ? ms(r.pg.loadMs) : '-',
        pgVariant(r, 'equicost')?.runsMs.map(ms).join(' ') ?? '-',
        pgVariant(r, 'supersource')?.runsMs.map(ms).join(' ') ?? '-',
      ]),
    ),
  );
  out.push('MB = 10^6 bytes: distinct typed-array buffers of the RoadGraph (the forward and reverse CSR share start/edge arrays); +costs = edgeMinutes arrays.');

  if (demo) {
    out.push('');
    out.push(`Demo county (${int(demo.roads)} roads → ${int(demo.edges)} edges, ${int(demo.nodes)} nodes; ${demo.villages} villages, ${demo.facilities} facilities; car, default rules)`);
    const target = (x: number, t: number): string => (x < t ? `yes (< ${t} ms)` : `NO (target < ${t} ms)`);
    out.push(
      table(
        ['step', 'ms', 'meets target'],
        [
          ['generateDemoCounty', ms(demo.generateMs), ''],
          ['buildRoadGraph (best of 3)', ms(demo.buildMs), ''],
          ['multi-source pass: costs + snap + all facilities → villages (best of 5)', ms(demo.passMs), ''],
          ['analyzeCoverage, first call (cold)', ms(demo.analysisColdMs), target(demo.analysisColdMs, FULL_ANALYSIS_TARGET_MS)],
          ['analyzeCoverage, warm (median of 3)', ms(demo.analysisMs), target(demo.analysisMs, FULL_ANALYSIS_TARGET_MS)],
          ...demo.whatIf.map((w) => [`what-if moveFacility, ${w.group} (${w.facility}; median of 6)`, ms(w.ms), target(w.ms, WHAT_IF_TARGET_MS)]),
        ],
      ),
    );
  }

  if (notes.length) out.push('', ...notes);
  out.push('', summary(results, demo));
  process.stdout.write(out.join('\n') + '\n');
}

function summary(results: SizeResult[], demo: DemoTimings | null): string {
  const parts: string[] = [];
  const ratios = (v: pg.PgVariant): string[] => results.flatMap((r) => {
    const x = pgVariant(r, v);
    return x ? [`${r.label} ${ratio(x.ms / r.oursMs)}`] : [];
  });
  if (ratios('equicost').length) {
    parts.push(`pgr_drivingDistance equicost / ours: ${ratios('equicost').join(', ')}`);
    parts.push(`super-source / ours: ${ratios('supersource').join(', ')}`);
  } else {
    parts.push('pgRouting skipped');
  }
  const certified = results.every((r) => r.certificate.ok);
  parts.push(`our minutes ${certified ? 'certified optimal' : 'FAILED the optimality certificate'} at every size`);
  const exact = results.flatMap((r) => [pgVariant(r, 'supersource'), r.nx && 'cmp' in r.nx ? r.nx : null].flatMap((x) => (x ? [x.cmp] : [])));
  if (exact.length) parts.push(`identical to pgRouting super-source${results.some((r) => r.nx && 'cmp' in r.nx) ? '/networkx' : ''}: ${exact.every((c) => c.identical) ? 'yes' : 'NO'} (max |Δ| ${diff(Math.max(...exact.map((c) => c.maxAbsDiff)))} min)`);
  const eq = results.flatMap((r) => (pgVariant(r, 'equicost') ? [pgVariant(r, 'equicost')!.cmp] : []));
  if (eq.length) parts.push(`identical to pgRouting equicost: ${eq.every((c) => c.identical) ? 'yes' : `no (${eq.reduce((s, c) => s + c.refHigher, 0)} nodes where equicost is higher, ${eq.reduce((s, c) => s + c.refLower, 0)} lower)`}`);
  const largest = results[results.length - 1];
  if (largest) parts.push(`graph ${mb(largest.graphBytes)} MB at ${int(largest.edges)} edges`);
  if (demo) parts.push(`demo analysis ${ms(demo.analysisMs)} ms, what-if <= ${ms(Math.max(...demo.whatIf.map((w) => w.ms)))} ms`);
  return `Summary: ${parts.join('; ')}.`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: { type: 'string', default: '10k,100k,1m' },
      sources: { type: 'string' },
      seed: { type: 'string', default: '20240601' },
      'pg-db': { type: 'string', default: process.env.PGDATABASE ?? 'ccp_bench' },
      'no-pgrouting': { type: 'boolean', default: false },
      'no-networkx': { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      'no-import': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run bench -- [--sizes 10k,100k,1m] [--sources N] [--seed N] [--pg-db NAME] [--no-pgrouting] [--no-networkx] [--no-demo] [--no-import]\n');
    return;
  }
  const sizes = values.sizes.split(',').filter(Boolean).map(parseSize);
  const sources = values.sources ? Number(values.sources) : null;
  if (sources !== null && !(Number.isInteger(sources) && sources > 0)) throw new Error('--sources must be a positive integer');
  const seed = Number(values.seed) >>> 0;
  const notes: string[] = [
    'Method: ours = multiSourceDijkstra only (graph built and edge minutes computed beforehand, shown as build/costs).',
    '  pgRouting = SELECT count(*) FROM pgr_drivingDistance(...) in one psql session with \\timing: best run minus the median',
    '  of 5 × SELECT 1. It includes pgRouting reading the edge table and building its graph on every call (that is how it is',
    '  used). Edges loaded with COPY: id, source, target, cost, reverse_cost (minutes, -1 = one-way).',
    '  equicost = pgr_drivingDistance(edges, ARRAY[start vids], 1e15, directed := true, equicost := true);',
    '  super-source = pgr_drivingDistance(edges UNION ALL zero-cost arcs 0 → each start vid, 0, 1e15, directed := true).',
    '  networkx = nx.multi_source_dijkstra_path_length (pure Python), search only.',
  ];

  const pgCfg: pg.PgConfig = { db: values['pg-db'] };
  let pgUsable: pg.PgConfig | null = null;
  let pgSkip: string | null = null;
  if (values['no-pgrouting']) {
    pgSkip = '--no-pgrouting';
  } else {
    const p = pg.probe(pgCfg);
    if (p.ok) {
      pgUsable = pgCfg;
      notes.push(`  ${p.detail}, database ${pgCfg.db}.`);
      log(`using ${p.detail} in database ${pgCfg.db}`);
    } else {
      pgSkip = p.detail;
      const hint = `pgRouting column skipped: ${p.detail}.\n${pg.installHint(pgCfg)}`;
      process.stderr.write(hint + '\n');
      notes.push(hint);
    }
  }
  let nx = false;
  if (!values['no-networkx']) {
    const v = networkxAvailable();
    if (v) {
      nx = true;
      notes.push(`  networkx ${v} (only for graphs up to ${int(NX_MAX_EDGES)} edges).`);
    } else {
      notes.push(NX_HINT);
      process.stderr.write(NX_HINT + '\n');
    }
  }

  const results: SizeResult[] = [];
  for (const s of sizes) results.push(benchSize(s.label, s.edges, { sources, seed, pgCfg: pgUsable, pgSkip, nx }));
  const demo = values['no-demo'] ? null : benchDemo(log);
  const imported = values['no-import'] ? null : await benchImport(log);
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  report(results, demo, notes);
  if (imported) reportImport(imported);
}

function reportImport(r: ImportTimings): void {
  const total = r.previewMs + r.applyMs;
  const lines = [
    '',
    `Import: ${int(r.rows)} villages, GBK CSV (${r.fileMB.toFixed(2)} MB), Chinese headers, GCJ-02 → WGS-84`,
    table(
      ['step', 'ms', 'meets target'],
      [
        ['preview (detect, map, convert, validate)', ms(r.previewMs), ''],
        ['apply (one undoable change)', ms(r.applyMs), ''],
        ['preview + apply', ms(total), total < IMPORT_TARGET_MS ? `yes (< ${IMPORT_TARGET_MS} ms)` : `NO (≥ ${IMPORT_TARGET_MS} ms)`],
        ['ogr2ogr peer', r.ogr2ogrMs === null ? 'skipped' : ms(r.ogr2ogrMs), r.ogr2ogrMs === null ? '' : `ratio ${ratio(total / r.ogr2ogrMs)} (ours / ogr2ogr)`],
      ],
    ),
    `  accepted ${int(r.accepted)}; ${r.ogrNote}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
