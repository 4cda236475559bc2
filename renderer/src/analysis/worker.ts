/**
 * The analysis worker: runs the coverage pipeline (electron/engine/analysis.ts) off the main
 * thread, reports progress, honours cancel, and keeps the what-if session (move a facility, add a
 * clinic, reset) between requests.
 *
 * The pipeline is synchronous, so a 'cancel' message is only read between requests: a run starts
 * one macrotask after its message (a cancel sent right away still stops it), and the AbortSignal
 * is also checked by the engine at its stage boundaries. Stopping a run already under way is the
 * client's job: it terminates this worker when no answer comes back in time.
 */
import { createAnalysisSession, roadInputsFromLayer, runCoverageAnalysis, type AnalysisInput } from '../../../electron/engine/analysis.js';
import type { CoverageDocument } from '../../../electron/api/schema.js';
import { EngineCancelled, type FacilityGroup } from '../../../electron/engine/graph-types.js';
import { runTourPlanning } from '../../../electron/engine/tours/index.js';
import type { AnalysisRequestInput, SessionOp, TourRequestInput, WorkerRequest, WorkerResponse } from './protocol.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(msg: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

type Session = ReturnType<typeof createAnalysisSession>;
type Isochrones = CoverageDocument['isochrones'];
let session: Session | null = null;
/** The isochrones of the last session answer: unchanged groups (same arrays) are not sent again. */
let postedIsochrones: Isochrones = {};
const runs = new Map<number, AbortController>();

function post(msg: WorkerResponse): void {
  scope.postMessage(msg);
}

function toEngineInput(input: AnalysisRequestInput): AnalysisInput {
  return { ...input, roads: roadInputsFromLayer(input.roads) };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function run(id: number, input: AnalysisRequestInput): void {
  const controller = runs.get(id);
  if (!controller) return;
  if (controller.signal.aborted) {
    runs.delete(id);
    post({ type: 'cancelled', id });
    return;
  }
  const started = performance.now();
  // Progress at most every 2 % or on a new stage: the main thread redraws a bar for each message.
  let lastFraction = -1;
  let lastStage = '';
  try {
    const { document } = runCoverageAnalysis(toEngineInput(input), {
      signal: controller.signal,
      progress: (fraction, stage) => {
        if (stage === lastStage && fraction - lastFraction < 0.02 && fraction < 1) return;
        lastFraction = fraction;
        lastStage = stage;
        post({ type: 'progress', id, fraction, stage });
      },
    });
    post({ type: 'result', id, document, ms: performance.now() - started });
  } catch (e) {
    if (controller.signal.aborted || e instanceof EngineCancelled) post({ type: 'cancelled', id });
    else post({ type: 'error', id, message: errorMessage(e) });
  } finally {
    runs.delete(id);
  }
}

/** Tour plans run in a worker of their own (the client terminates it to cancel). */
function tours(id: number, input: TourRequestInput): void {
  const started = performance.now();
  try {
    const plan = runTourPlanning({ ...input, analysis: toEngineInput(input.analysis) }, {
      progress: (fraction, stage) => post({ type: 'progress', id, fraction, stage }),
    });
    post({ type: 'tours', id, plan, ms: performance.now() - started });
  } catch (e) {
    post({ type: 'error', id, message: errorMessage(e) });
  }
}

function sessionOp(id: number, op: SessionOp): void {
  const started = performance.now();
  try {
    let out;
    if (op.kind === 'open') {
      session = createAnalysisSession(toEngineInput(op.input), { isochrones: true });
      out = session.output();
    } else if (!session) {
      post({ type: 'error', id, message: 'no what-if session', code: 'NO_SESSION' });
      return;
    } else if (op.kind === 'move') {
      out = session.moveFacility(op.facilityId, op.location);
    } else if (op.kind === 'add') {
      out = session.addClinic(op.villageCode, op.location);
    } else {
      out = session.reset();
    }
    const { document, sameIsochrones } = op.kind === 'open' ? { document: out.document, sameIsochrones: [] } : withoutUnchangedIsochrones(out.document);
    postedIsochrones = out.document.isochrones;
    post({ type: 'result', id, document, ms: performance.now() - started, sameIsochrones });
  } catch (e) {
    post({ type: 'error', id, message: errorMessage(e) });
  }
}

/** The engine keeps a group's band arrays when an edit does not touch the group. */
function withoutUnchangedIsochrones(doc: CoverageDocument): { document: CoverageDocument; sameIsochrones: FacilityGroup[] } {
  const isochrones: Isochrones = {};
  const same: FacilityGroup[] = [];
  for (const [g, bands] of Object.entries(doc.isochrones) as [FacilityGroup, Isochrones[FacilityGroup]][]) {
    if (bands && bands === postedIsochrones[g]) same.push(g);
    else isochrones[g] = bands;
  }
  return { document: { ...doc, isochrones }, sameIsochrones: same };
}

scope.onmessage = (e) => {
  const msg = e.data;
  switch (msg.type) {
    case 'run':
      runs.set(msg.id, new AbortController());
      setTimeout(() => run(msg.id, msg.input), 0);
      break;
    case 'tours':
      tours(msg.id, msg.input);
      break;
    case 'cancel':
      runs.get(msg.id)?.abort();
      break;
    case 'session':
      sessionOp(msg.id, msg.op);
      break;
    case 'closeSession':
      session = null;
      postedIsochrones = {};
      break;
  }
};
