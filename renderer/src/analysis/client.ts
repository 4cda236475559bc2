/**
 * Promise-based client of the analysis worker. One baseline run at a time (with progress and
 * cancel) and a queue of what-if operations with at most one in flight: while a facility is
 * dragged, a newer position replaces the queued one (intermediate positions are dropped, the
 * last is always sent), and every caller's promise resolves with an output that includes its
 * change.
 */
import type { CoverageDocument } from '../../../electron/api/schema.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import type { AnalysisRequestInput, LngLatPair, SessionOp, WorkerRequest, WorkerResponse } from './protocol.js';

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(msg: WorkerRequest): void;
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((e: ErrorEvent | Event) => void) | null;
  terminate(): void;
}

export interface SessionOutput {
  document: CoverageDocument;
  /** Worker time for the request that produced it. */
  workerMs: number;
  /** Round trip from the send of that request to its answer (includes cloning). */
  roundTripMs: number;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

/** The worker lost the what-if session (it was restarted): open a new one. */
export class SessionLost extends Error {
  constructor() {
    super('what-if session lost');
    this.name = 'SessionLost';
  }
}

interface Waiter {
  resolve(out: SessionOutput): void;
  reject(e: unknown): void;
}
interface QueuedOp {
  op: SessionOp;
  waiters: Waiter[];
}
interface PendingRun {
  id: number;
  resolve(out: { document: CoverageDocument; workerMs: number }): void;
  reject(e: unknown): void;
  onProgress?: (fraction: number, stage: string) => void;
  cancelTimer: ReturnType<typeof setTimeout> | null;
}

export interface ClientOptions {
  /** How long a cancelled run may take to stop by itself before the worker is terminated. */
  cancelGraceMs?: number;
  now?: () => number;
}

export class AnalysisClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private runState: PendingRun | null = null;
  private inFlight: { id: number; item: QueuedOp; sentAt: number } | null = null;
  private queue: QueuedOp[] = [];
  /** The last session answer: its isochrones stand in for groups the worker reports unchanged. */
  private lastSessionDocument: CoverageDocument | null = null;
  private readonly cancelGraceMs: number;
  private readonly now: () => number;
  /** Session requests sent to the worker (for tests and measurements). */
  sessionRequestsSent = 0;

  constructor(
    private readonly createWorker: () => WorkerLike,
    opts: ClientOptions = {},
  ) {
    this.cancelGraceMs = opts.cancelGraceMs ?? 400;
    this.now = opts.now ?? (() => performance.now());
  }

  /**
   * Runs the pipeline; rejects with AnalysisCancelled when cancelled. A new run stops the
   * previous one at once (its worker is busy with it and cannot take the new one).
   */
  run(input: AnalysisRequestInput, onProgress?: (fraction: number, stage: string) => void): Promise<{ document: CoverageDocument; workerMs: number }> {
    if (this.runState) this.restartWorker(new AnalysisCancelled());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.runState = { id, resolve, reject, onProgress, cancelTimer: null };
      this.send({ type: 'run', id, input });
    });
  }

  get running(): boolean {
    return this.runState !== null;
  }

  /** Cancels the current run: asks the worker, and terminates it if it does not stop in time. */
  cancel(): void {
    const run = this.runState;
    if (!run || run.cancelTimer) return;
    this.worker?.postMessage({ type: 'cancel', id: run.id });
    run.cancelTimer = setTimeout(() => {
      if (this.runState !== run) return;
      // The synchronous pipeline cannot read the cancel message: stop the worker itself.
      this.restartWorker(new AnalysisCancelled());
    }, this.cancelGraceMs);
  }

  /** Opens (or reopens) the what-if session on this input; resolves with its unchanged output. */
  openSession(input: AnalysisRequestInput): Promise<SessionOutput> {
    this.lastSessionDocument = null;
    // Anything queued for an older session is meaningless now.
    const dropped = this.queue;
    this.queue = [];
    for (const item of dropped) for (const w of item.waiters) w.reject(new SessionLost());
    return this.enqueue({ kind: 'open', input });
  }

  moveFacility(facilityId: number, location: LngLatPair): Promise<SessionOutput> {
    return this.enqueue({ kind: 'move', facilityId, location });
  }

  addClinic(villageCode: string, location: LngLatPair): Promise<SessionOutput> {
    return this.enqueue({ kind: 'add', villageCode, location });
  }

  resetSession(): Promise<SessionOutput> {
    return this.enqueue({ kind: 'reset' });
  }

  /** Drops the session in the worker (what-if mode left). */
  closeSession(): void {
    this.lastSessionDocument = null;
    const dropped = this.queue;
    this.queue = [];
    for (const item of dropped) for (const w of item.waiters) w.reject(new SessionLost());
    this.worker?.postMessage({ type: 'closeSession' });
  }

  /** Whether what-if requests are waiting or in flight. */
  get sessionBusy(): boolean {
    return this.inFlight !== null || this.queue.length > 0;
  }

  dispose(): void {
    this.restartWorker(new AnalysisCancelled());
  }

  // ---- internals ------------------------------------------------------------------------------

  private enqueue(op: SessionOp): Promise<SessionOutput> {
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      const last = this.queue[this.queue.length - 1];
      // Coalesce: a newer position of the facility whose move is waiting replaces it.
      if (op.kind === 'move' && last && last.op.kind === 'move' && last.op.facilityId === op.facilityId) {
        last.op = op;
        last.waiters.push(waiter);
      } else {
        this.queue.push({ op, waiters: [waiter] });
      }
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const item = this.queue.shift()!;
    const id = this.nextId++;
    this.inFlight = { id, item, sentAt: this.now() };
    this.sessionRequestsSent++;
    this.send({ type: 'session', id, op: item.op });
  }

  private send(msg: WorkerRequest): void {
    this.ensureWorker().postMessage(msg);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.onmessage = (e) => this.onMessage(e.data);
    w.onerror = (e) => {
      const message = (e as Partial<ErrorEvent>).message || 'analysis worker failed';
      this.restartWorker(new Error(message));
    };
    this.worker = w;
    return w;
  }

  /** Terminates the worker and fails everything pending with `reason` (the session with SessionLost). */
  private restartWorker(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.lastSessionDocument = null;
    const run = this.runState;
    this.runState = null;
    if (run) {
      if (run.cancelTimer) clearTimeout(run.cancelTimer);
      run.reject(reason);
    }
    const pending = [...(this.inFlight ? [this.inFlight.item] : []), ...this.queue];
    this.inFlight = null;
    this.queue = [];
    const sessionReason = reason instanceof AnalysisCancelled ? new SessionLost() : reason;
    for (const item of pending) for (const w of item.waiters) w.reject(sessionReason);
  }

  /** Puts back the isochrones the worker left out as unchanged (same arrays as before: cheap to redraw-check). */
  private withKnownIsochrones(doc: CoverageDocument, same: FacilityGroup[] | undefined): CoverageDocument {
    if (!same || same.length === 0) return doc;
    const known = this.lastSessionDocument?.isochrones ?? {};
    const isochrones = { ...doc.isochrones };
    for (const g of same) if (known[g]) isochrones[g] = known[g];
    return { ...doc, isochrones };
  }

  private onMessage(msg: WorkerResponse): void {
    const run = this.runState;
    if (run && msg.id === run.id) {
      if (msg.type === 'progress') {
        if (!run.cancelTimer) run.onProgress?.(msg.fraction, msg.stage);
        return;
      }
      this.runState = null;
      if (run.cancelTimer) clearTimeout(run.cancelTimer);
      if (msg.type === 'result') {
        // A result that raced a cancel is still a cancelled run for the caller.
        if (run.cancelTimer) run.reject(new AnalysisCancelled());
        else run.resolve({ document: msg.document, workerMs: msg.ms });
      } else if (msg.type === 'cancelled') run.reject(new AnalysisCancelled());
      else if (msg.type === 'error') run.reject(new Error(msg.message));
      return;
    }
    const flight = this.inFlight;
    if (flight && msg.id === flight.id) {
      if (msg.type === 'progress') return;
      this.inFlight = null;
      if (msg.type === 'result') {
        const document = this.withKnownIsochrones(msg.document, msg.sameIsochrones);
        this.lastSessionDocument = document;
        const out: SessionOutput = { document, workerMs: msg.ms, roundTripMs: this.now() - flight.sentAt };
        for (const w of flight.item.waiters) w.resolve(out);
      } else {
        const err = msg.type === 'error' && msg.code === 'NO_SESSION' ? new SessionLost() : new Error(msg.type === 'error' ? msg.message : 'cancelled');
        for (const w of flight.item.waiters) w.reject(err);
      }
      this.pump();
    }
  }
}

/** The real worker: a module worker Vite bundles from worker.ts. */
export function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'ccp-analysis' }) as unknown as WorkerLike;
}
