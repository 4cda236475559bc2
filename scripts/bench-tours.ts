/**
 * Routing-core benchmark (`npm run bench:tours`). Prints, never asserts: tests do not time.
 *
 *   npm run bench:tours                          every ../shared/data/tsplib/*.tsp, default effort
 *   npm run bench:tours -- --iterations 500 --seed 3
 *
 * TSPLIB: for each instance our solveTsp tour (TSPLIB distance convention, electron/engine/tours/
 * tsplib.ts), its gap to optimal.txt and the solver time (one cold run, matrix build excluded), next
 * to a naive nearest-neighbour tour from node 1 in the same run; mean gaps at the bottom. Then VRP:
 * a seeded random 60-customer, 6-route instance, solveVrp against the Clarke-Wright savings
 * construction alone; and the 40-customer × 10-route (masked) case the weekly planner meets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../electron/engine/tours/random.js';
import { parseOptimal, parseTsplib, tsplibMatrix } from '../electron/engine/tours/tsplib.js';
import { defaultTspIterations, nearestNeighbourTour, solveTsp, tourLength } from '../electron/engine/tours/tsp.js';
import type { VrpProblem } from '../electron/engine/tours/vrp-types.js';
import { DEFAULT_VRP_ITERATIONS, savingsVrp, solveVrp } from '../electron/engine/tours/vrp.js';
import type { ProposalDecision } from '../electron/domain/planning.js';
import { defaultRuleValues } from '../electron/domain/rules.js';
import { roadInputsFromLayer, runCoverageAnalysis } from '../electron/engine/analysis.js';
import { runTourPlanning } from '../electron/engine/tours/index.js';
import { generateDemoCounty } from '../electron/io/demo/generate.js';
import { repoRoot } from './paths.js';

const { values: args } = parseArgs({
  options: { iterations: { type: 'string' }, seed: { type: 'string' } },
});
const iterations = args.iterations === undefined ? undefined : Number(args.iterations);
const seed = args.seed === undefined ? 1 : Number(args.seed);

const pad = (s: string | number, w: number): string => String(s).padStart(w);
const padR = (s: string, w: number): string => s.padEnd(w);
const pct = (v: number): string => `${v.toFixed(2)}%`;

function benchTsplib(): void {
  const dir = path.resolve(repoRoot, '../shared/data/tsplib');
  if (!fs.existsSync(dir)) {
    console.log(`TSPLIB folder not found: ${dir} — skipping the TSPLIB table.`);
    return;
  }
  const optPath = path.join(dir, 'optimal.txt');
  const optimal = fs.existsSync(optPath) ? parseOptimal(fs.readFileSync(optPath, 'utf8')) : new Map<string, number>();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.tsp')).sort();
  if (files.length === 0) {
    console.log(`No .tsp files in ${dir}.`);
    return;
  }
  console.log(`TSPLIB — solveTsp (ILS, ${iterations ?? 'default: 25·n, 200-2000'} iterations, seed ${seed}) vs nearest neighbour; ${dir}`);
  const head = `${padR('instance', 10)} ${pad('n', 4)} ${pad('iter', 5)} ${pad('optimal', 8)} ${pad('ours', 8)} ${pad('gap', 7)} ${pad('ms', 6)} ${pad('NN', 8)} ${pad('NN gap', 8)} ${pad('ours/NN', 8)}`;
  console.log(head);
  console.log('-'.repeat(head.length));
  const gaps: number[] = [];
  const nnGaps: number[] = [];
  for (const file of files) {
    let inst;
    try {
      inst = parseTsplib(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      console.log(`${padR(file, 10)} skipped: ${(e as Error).message}`);
      continue;
    }
    const name = inst.name || file.replace(/\.tsp$/, '');
    const n = inst.dimension;
    const m = tsplibMatrix(inst);
    const t0 = performance.now();
    const ours = solveTsp(n, m, { iterations, seed });
    const ms = performance.now() - t0;
    const nn = tourLength(nearestNeighbourTour(n, m), n, m);
    const opt = optimal.get(name);
    const gap = opt ? (ours.length / opt - 1) * 100 : NaN;
    const nnGap = opt ? (nn / opt - 1) * 100 : NaN;
    if (opt) {
      gaps.push(gap);
      nnGaps.push(nnGap);
    }
    console.log(
      `${padR(name, 10)} ${pad(n, 4)} ${pad(iterations ?? defaultTspIterations(n), 5)} ${pad(opt ?? '?', 8)} ${pad(ours.length, 8)} ${pad(opt ? pct(gap) : '?', 7)} ${pad(ms.toFixed(0), 6)} ${pad(nn, 8)} ${pad(opt ? pct(nnGap) : '?', 8)} ${pad((ours.length / nn).toFixed(3), 8)}`,
    );
  }
  const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  console.log('-'.repeat(head.length));
  console.log(`mean gap: ours ${pct(mean(gaps))}, nearest neighbour ${pct(mean(nnGaps))} (${gaps.length} instances with a known optimum; target ≤ 1%, each < 1 s)`);
}

/** Depot at the centre of a 60 × 60 km square, customers uniform, roads 1.3× straight line at 40 km/h, ±5% direction asymmetry. */
function randomVrp(customers: number, routes: number, instSeed: number, masked: boolean): VrpProblem {
  const rnd = seededRandom(instSeed);
  const n = customers + 1;
  const x = [30];
  const y = [30];
  for (let i = 1; i < n; i++) {
    x.push(rnd() * 60);
    y.push(rnd() * 60);
  }
  const time = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j) time[i * n + j] = ((Math.hypot(x[i] - x[j], y[i] - y[j]) * 1.3) / 40) * 60 * (0.95 + 0.1 * rnd());
    }
  }
  const service = new Float64Array(n).fill(20);
  service[0] = 0;
  // Masked: each customer may go on 2 of the route slots (like 2 allowed weekdays).
  const allowed = masked
    ? Array.from({ length: n }, (_, u) => (u === 0 ? null : Uint8Array.from({ length: routes }, (_, r) => (r === u % routes || r === (u * 7 + 3) % routes ? 1 : 0))))
    : undefined;
  return { n, time, service, routes, maxStops: Math.ceil(customers / routes) + 3, maxDuration: 8 * 60, maxTravel: 5 * 60, allowed, seed };
}

/** Time: the first (cold, JIT warming) run and the best of three more. */
function benchVrp(label: string, p: VrpProblem): void {
  const t0 = performance.now();
  const ours = solveVrp(p);
  const ms = performance.now() - t0;
  let warm = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    solveVrp(p);
    warm = Math.min(warm, performance.now() - t);
  }
  const t1 = performance.now();
  const sav = savingsVrp(p);
  const msSav = performance.now() - t1;
  const stops = ours.routes.map((r) => r.length).join('/');
  console.log(
    `${padR(label, 34)} ours ${ours.travel.toFixed(0)} min (${ours.unassigned.length} unassigned, ${ms.toFixed(0)} ms cold / ${warm.toFixed(0)} ms warm, stops ${stops}) · savings ${sav.travel.toFixed(0)} min (${sav.unassigned.length} unassigned, ${msSav.toFixed(0)} ms) · ours/savings ${(ours.travel / sav.travel).toFixed(3)}`,
  );
}

benchTsplib();
console.log('');
console.log(`VRP — solveVrp (regret/savings + local search + ${DEFAULT_VRP_ITERATIONS} ruin-and-recreate rounds) vs Clarke-Wright savings alone; 20 min service, ≤ 8 h, ≤ 5 h travel per route`);
benchVrp('random 60 customers, 6 routes', randomVrp(60, 6, 2026, false));
benchVrp('random 40 customers, 10 routes', randomVrp(40, 10, 2027, false));
benchVrp('random 40 customers, 10 routes, masks', randomVrp(40, 10, 2027, true));

/** The demo county: the weekly plans of every THC from the proposals (and, heavier, with every village under 1,000 residents toured twice a week). */
function benchDemoWeek(): void {
  const d = generateDemoCounty();
  const analysis = { villages: d.villages, facilities: d.facilities, roads: roadInputsFromLayer(d.roads), townships: d.townships, rules: defaultRuleValues(), mode: 'car' as const, dem: null, planning: { postings: d.postings, villageAreas: d.villageAreas } };
  const planning = runCoverageAnalysis(analysis).document.planning!;
  const heavy: ProposalDecision[] = planning.villages
    .filter((v) => (v.population ?? 0) < 1000 && v.thcCode)
    .map((v) => ({ scenarioId: 0, villageCode: v.code, action: 'override', mode: 'tour', visitsPerWeek: 2, postingDaysPerWeek: null, reason: 'bench', proposedMode: v.mode, decidedAt: '' }));
  console.log('');
  console.log('Demo county (car) — runTourPlanning: weekly plans of every depot + monthly/quarterly plans (target: week plans < 2 s)');
  for (const [label, decisions] of [['proposals as made', [] as ProposalDecision[]], [`${heavy.length} villages < 1,000 residents toured 2×/week`, heavy]] as const) {
    const t0 = performance.now();
    const plan = runTourPlanning({ analysis, planning, decisions, config: { thcs: [], villages: [] } });
    const ms = performance.now() - t0;
    const week = plan.week;
    const sum = (f: (w: (typeof week)[number]) => number) => week.reduce((a, w) => a + f(w), 0);
    console.log(
      `${padR(label, 44)} ${String(week.length).padStart(2)} depots · visits ${sum((w) => w.totals.visitsPlanned)}/${sum((w) => w.totals.visitsRequired)} · travel ${(sum((w) => w.totals.travelMinutes) / 60).toFixed(1)} h · backfill ${sum((w) => w.backfill.length)} · ${ms.toFixed(0)} ms in all`,
    );
  }
}
benchDemoWeek();
