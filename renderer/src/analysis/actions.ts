/**
 * The coverage analysis behind the commands and panels: gathers the input (layers in the store,
 * rules, DEM), runs it in the worker with progress and cancel, saves the baseline in the project,
 * loads it back on open, and drives the what-if session (drag a facility, add a clinic, reset)
 * without writing anything to the project.
 */
import type { ApiArgsOf, DemInfo } from '../../../electron/api/schema.js';
import type { TravelMode } from '../../../electron/domain/rules.js';
import type { LngLat } from '../../../electron/domain/types.js';
import type { ElevationGrid } from '../../../electron/engine/elevation.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import { api } from '../api/index.js';
import { useAppStore } from '../state/store.js';
import { AnalysisCancelled, AnalysisClient, SessionLost, createAnalysisWorker, type SessionOutput } from './client.js';
import { buildAnalysisInput, elevationGridFromDem, ruleValuesFromSettings, withScenario } from './input.js';
import { planToursInWorker, type TourJob } from './tours.js';
import { selectPlanning } from '../state/analysisSlice.js';
import type { AnalysisRequestInput } from './protocol.js';

const store = useAppStore;

let client: AnalysisClient | null = null;
function getClient(): AnalysisClient {
  client ??= new AnalysisClient(createAnalysisWorker);
  return client;
}

/** Reports failures the way the app does (set by app/actions.ts, which owns the error banner). */
let reportError: (e: unknown) => void = (e) => console.error(e);
export function setAnalysisErrorReporter(fn: (e: unknown) => void): void {
  reportError = fn;
}

// ---- input ------------------------------------------------------------------------------------

/** The DEM of the open project, fetched once per project (and again when its description changes). */
let demCache: { seq: number; info: DemInfo | null; grid: ElevationGrid | null } | null = null;

async function projectDem(): Promise<ElevationGrid | null> {
  const seq = store.getState().openedSeq;
  const info = await api.getDemInfo({});
  if (demCache && demCache.seq === seq && JSON.stringify(demCache.info) === JSON.stringify(info)) return demCache.grid;
  const grid = info ? elevationGridFromDem(info, await api.getDemData({})) : null;
  demCache = { seq, info, grid };
  return grid;
}

/** The active scenario's input: its facilities and roster (the project's with its edits applied). */
async function gatherInput(mode: TravelMode): Promise<AnalysisRequestInput> {
  const [settings, dem, postings] = await Promise.all([api.getSettings({}), projectDem(), api.getPostings({})]);
  const s = store.getState();
  const base = buildAnalysisInput(s.layers, ruleValuesFromSettings(settings), mode, dem);
  const scenario = s.scenarios.find((x) => x.id === s.activeScenarioId) ?? null;
  return withScenario(base, s.layers, postings, scenario?.payload ?? null).input;
}

function hasLayers(): boolean {
  const { layers, summary } = store.getState();
  return summary !== null && layers.villages !== undefined && layers.facilities !== undefined;
}

// ---- baseline run -----------------------------------------------------------------------------

/** Bumped by each run (and by anything that makes a run under way moot). */
let runToken = 0;

/** Runs the coverage analysis for the chosen mode, shows it and stores it in the project. */
export async function runCoverage(): Promise<void> {
  const s = store.getState();
  if (!hasLayers()) {
    s.pushNotice('analysis.noLayers');
    return;
  }
  if (s.whatIf.active) leaveWhatIf();
  const token = ++runToken;
  const seq = s.openedSeq;
  const mode = s.analysisMode;
  const scenarioId = s.activeScenarioId;
  s.setAnalysisDockOpen(true);
  s.setAnalysisStatus({ kind: 'running', fraction: 0, stage: 'input' });
  const started = performance.now();
  try {
    const input = await gatherInput(mode);
    if (token !== runToken) return;
    const { document, workerMs } = await getClient().run(input, (fraction, stage) => {
      if (token === runToken) store.getState().setAnalysisStatus({ kind: 'running', fraction, stage });
    });
    // A newer run, another project, mode or scenario meanwhile: this result is not what is shown now.
    const now = store.getState();
    if (token !== runToken || now.openedSeq !== seq || now.analysisMode !== mode || now.activeScenarioId !== scenarioId) return;
    const timing = { totalMs: Math.round(performance.now() - started), workerMs: Math.round(workerMs) };
    store.getState().setBaseline({ document, computedAt: null, origin: 'run', timing });
    // New proposals: a tour plan made from the old ones no longer holds.
    dropTourPlan();
    store.getState().setAnalysisStatus({ kind: 'done' });
    await saveBaseline(seq, mode, scenarioId);
  } catch (e) {
    if (token !== runToken) return;
    if (e instanceof AnalysisCancelled) {
      store.getState().setAnalysisStatus({ kind: 'cancelled' });
      return;
    }
    store.getState().setAnalysisStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    reportError(e);
  }
}

async function saveBaseline(seq: number, mode: TravelMode, scenarioId: number): Promise<void> {
  const baseline = store.getState().baseline;
  if (!baseline) return;
  const s = store.getState();
  if (s.summary?.readOnly) {
    s.pushNotice('analysis.notSavedReadOnly');
    return;
  }
  try {
    // The zod input type has index signatures (passthrough objects) that engine interfaces lack.
    const result = baseline.document as unknown as ApiArgsOf<'saveCoverageResult'>['result'];
    const { computedAt } = await api.saveCoverageResult({ scenarioId, mode, result });
    const now = store.getState();
    if (now.openedSeq === seq && now.baseline?.document === baseline.document) now.setBaseline({ ...baseline, computedAt });
  } catch (e) {
    reportError(e);
  }
}

export function cancelCoverage(): void {
  if (store.getState().analysisStatus.kind !== 'running') return;
  if (client?.running) {
    client.cancel(); // the run's promise rejects with AnalysisCancelled: runCoverage shows it
  } else {
    // Still gathering the input: forget the run.
    runToken++;
    store.getState().setAnalysisStatus({ kind: 'cancelled' });
  }
}

/** Shows the result stored in the project for the chosen mode and the active scenario; false when there is none. */
export async function loadStoredCoverage(): Promise<boolean> {
  const s = store.getState();
  if (!s.summary) return false;
  const seq = s.openedSeq;
  const mode = s.analysisMode;
  const scenarioId = s.activeScenarioId;
  try {
    const stored = await api.getCoverageResult({ scenarioId, mode });
    const now = store.getState();
    if (now.openedSeq !== seq || now.analysisMode !== mode || now.activeScenarioId !== scenarioId || now.analysisStatus.kind === 'running') return false;
    if (!stored) return false;
    now.setBaseline({ document: stored.result, computedAt: stored.computedAt, origin: 'stored' });
    now.setAnalysisStatus({ kind: 'done' });
    return true;
  } catch (e) {
    reportError(e);
    return false;
  }
}

/** A project is about to be shown: drop the previous one's analysis (a run under way is cancelled). */
export function analysisProjectClosing(): void {
  runToken++;
  dropTourPlan();
  if (client?.running) client.cancel();
  if (store.getState().whatIf.active) leaveWhatIf();
  store.getState().clearAnalysis();
  demCache = null;
}

/** The project's layers are loaded: show its stored baseline for the chosen mode, if any. */
export async function analysisProjectOpened(): Promise<void> {
  await loadStoredCoverage();
}

/** Another travel mode: its stored result, or (when a result was on screen) a fresh run. */
export async function setAnalysisMode(mode: TravelMode): Promise<void> {
  const s = store.getState();
  if (s.analysisMode === mode) return;
  const hadResult = s.baseline !== null || s.analysisStatus.kind !== 'idle';
  if (s.whatIf.active) leaveWhatIf();
  runToken++;
  if (client?.running) client.cancel();
  s.setAnalysisMode(mode);
  s.setBaseline(null);
  s.setAnalysisStatus({ kind: 'idle' });
  if (await loadStoredCoverage()) return;
  if (hadResult && store.getState().analysisMode === mode) await runCoverage();
}

export function setAnalysisGroup(group: FacilityGroup): void {
  store.getState().setAnalysisGroup(group);
}

// ---- what-if ----------------------------------------------------------------------------------

/** Bumped each time what-if mode is entered or left: answers for an older session are ignored. */
let whatIfGeneration = 0;

function applySessionOutput(generation: number, out: SessionOutput): void {
  const s = store.getState();
  if (generation !== whatIfGeneration || !s.whatIf.active) return;
  const pending = client?.sessionBusy ?? false;
  if (s.whatIf.document === out.document && s.whatIf.pending === pending) return;
  s.setWhatIf({ document: out.document, pending, lastMs: Math.round(out.roundTripMs), lastWorkerMs: Math.round(out.workerMs) });
}

function sessionFailed(generation: number, e: unknown): void {
  if (generation !== whatIfGeneration) return;
  if (e instanceof SessionLost) {
    // The worker was restarted (a run was cancelled meanwhile): what-if mode ends.
    leaveWhatIf();
    return;
  }
  store.getState().setWhatIf({ pending: client?.sessionBusy ?? false });
  reportError(e);
}

export async function toggleWhatIf(): Promise<void> {
  if (store.getState().whatIf.active) leaveWhatIf();
  else await enterWhatIf();
}

async function enterWhatIf(): Promise<void> {
  const s = store.getState();
  const baseline = s.baseline;
  if (!baseline || !hasLayers() || s.analysisStatus.kind === 'running') return;
  const generation = ++whatIfGeneration;
  s.setWhatIf({ active: true, document: null, moved: {}, added: [], pending: true, lastMs: null, lastWorkerMs: null });
  try {
    const input = await gatherInput(baseline.document.mode);
    if (generation !== whatIfGeneration) return;
    applySessionOutput(generation, await getClient().openSession(input));
  } catch (e) {
    sessionFailed(generation, e);
  }
}

export function leaveWhatIf(): void {
  whatIfGeneration++;
  client?.closeSession();
  store.getState().resetWhatIfState();
}

/** A facility dragged on the map: moved at once on screen, recomputed in the worker (latest position wins). */
export function dragFacility(id: number, location: LngLat): void {
  const s = store.getState();
  if (!s.whatIf.active || !client) return;
  const prev = s.whatIf.moved[id];
  if (prev && prev[0] === location[0] && prev[1] === location[1]) return; // the drop repeats the last move
  const generation = whatIfGeneration;
  s.setWhatIf({ moved: { ...s.whatIf.moved, [id]: location }, pending: true });
  client.moveFacility(id, location).then(
    (out) => applySessionOutput(generation, out),
    (e: unknown) => sessionFailed(generation, e),
  );
}

/** Adds a village clinic (one village doctor) at a village in the what-if scenario. */
export function addClinicAt(villageCode: string): void {
  const s = store.getState();
  s.setAddClinicPrompt(null);
  if (!s.whatIf.active || !client) return;
  const village = s.layers.villages?.features.find((f) => f.properties.code === villageCode);
  if (!village || village.geometry.type !== 'Point') return;
  const location: LngLat = [village.geometry.coordinates[0], village.geometry.coordinates[1]];
  const generation = whatIfGeneration;
  s.setWhatIf({ added: [...s.whatIf.added, { villageCode, location }], pending: true });
  client.addClinic(villageCode, location).then(
    (out) => applySessionOutput(generation, out),
    (e: unknown) => sessionFailed(generation, e),
  );
}

/** Back to the baseline, staying in what-if mode. */
export function resetWhatIf(): void {
  const s = store.getState();
  if (!s.whatIf.active || !client) return;
  const generation = whatIfGeneration;
  s.setWhatIf({ moved: {}, added: [], pending: true });
  s.setAddClinicPrompt(null);
  client.resetSession().then(
    (out) => applySessionOutput(generation, out),
    (e: unknown) => sessionFailed(generation, e),
  );
}

// ---- weekly tours -----------------------------------------------------------------------------

let tourJob: TourJob | null = null;

function dropTourPlan(): void {
  tourJob?.cancel();
  tourJob = null;
  const s = store.getState();
  if (s.tourPlan || s.tourStatus.kind !== 'idle') {
    s.setTourPlan(null);
    s.setTourStatus({ kind: 'idle' });
  }
}


/**
 * Plans the weekly tours (and the monthly / quarterly ones) of the active scenario from the
 * proposals on screen and the decisions taken, in a worker; the plan is shown, not stored.
 */
export async function runTours(): Promise<void> {
  const s = store.getState();
  const planning = selectPlanning(s);
  if (!planning || !hasLayers()) {
    s.pushNotice('analysis.toursNeedProposals');
    return;
  }
  tourJob?.cancel();
  const seq = s.openedSeq;
  const scenarioId = s.activeScenarioId;
  s.setTourStatus({ kind: 'running' });
  try {
    const [analysis, config] = await Promise.all([gatherInput(planning.mode as TravelMode), api.getTourConfig({})]);
    const job = planToursInWorker({ analysis, planning, decisions: Object.values(store.getState().decisions), config });
    tourJob = job;
    const { plan, workerMs } = await job.promise;
    if (tourJob !== job) return;
    tourJob = null;
    const now = store.getState();
    if (now.openedSeq !== seq || now.activeScenarioId !== scenarioId) return;
    now.setTourPlan(plan);
    now.setTourStatus({ kind: 'done', ms: Math.round(workerMs) });
    if (!now.tourThc || !plan.week.some((w) => w.thcCode === now.tourThc)) now.setTourThc(plan.week[0]?.thcCode ?? null);
  } catch (e) {
    if (e instanceof AnalysisCancelled) return;
    store.getState().setTourStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    reportError(e);
  }
}

export function cancelTours(): void {
  if (!tourJob) return;
  dropTourPlan();
}
