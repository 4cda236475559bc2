/**
 * The analysis worker client with a fake worker: one what-if update in flight while dragging
 * (intermediate positions dropped, the last always sent), progress, and cancel (the worker is
 * terminated when the synchronous pipeline cannot stop by itself).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoverageDocument } from '../../electron/api/schema.js';
import { AnalysisCancelled, AnalysisClient, SessionLost, type WorkerLike } from '../../renderer/src/analysis/client.js';
import type { AnalysisRequestInput, WorkerRequest, WorkerResponse } from '../../renderer/src/analysis/protocol.js';

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  sent: WorkerRequest[] = [];
  terminated = false;
  postMessage(msg: WorkerRequest): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(msg: WorkerResponse): void {
    this.onmessage?.({ data: msg } as MessageEvent<WorkerResponse>);
  }
  sessionRequests() {
    return this.sent.filter((m): m is Extract<WorkerRequest, { type: 'session' }> => m.type === 'session');
  }
  /** Answers the oldest unanswered session request with a document tagged by its op. */
  answerSession(index: number): void {
    const req = this.sessionRequests()[index];
    this.reply({ type: 'result', id: req.id, document: docFor(req.op), ms: 5 });
  }
}

const docFor = (op: unknown) => ({ tag: JSON.stringify(op) }) as unknown as CoverageDocument;
const input = { villages: [], facilities: [], roads: [], townships: [], rules: {}, mode: 'car', dem: null } as AnalysisRequestInput;

let workers: FakeWorker[];
let client: AnalysisClient;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  workers = [];
  client = new AnalysisClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, { cancelGraceMs: 50 });
});
afterEach(() => vi.useRealTimers());

describe('what-if updates while dragging', () => {
  it('keep one request in flight, drop intermediate positions and always send the last', async () => {
    void client.openSession(input);
    const w = workers[0];
    w.answerSession(0);
    await flush();

    const results: CoverageDocument[] = [];
    const drag = [1, 2, 3, 4, 5].map((x) => client.moveFacility(7, [110 + x / 100, 30]));
    drag.forEach((p) => p.then((d) => results.push(d.document)));
    // Only the first position went out; 2..4 were replaced while it was in flight.
    expect(w.sessionRequests()).toHaveLength(2);
    expect(w.sessionRequests()[1].op).toEqual({ kind: 'move', facilityId: 7, location: [110.01, 30] });

    w.answerSession(1);
    await flush();
    expect(w.sessionRequests()).toHaveLength(3);
    expect(w.sessionRequests()[2].op).toEqual({ kind: 'move', facilityId: 7, location: [110.05, 30] });
    expect(client.sessionBusy).toBe(true);

    w.answerSession(2);
    await flush();
    expect(client.sessionBusy).toBe(false);
    // Every caller hears back; the dropped positions resolve with the output that includes the last one.
    expect(results).toHaveLength(5);
    expect(results[0]).toEqual(docFor({ kind: 'move', facilityId: 7, location: [110.01, 30] }));
    for (const d of results.slice(1)) expect(d).toEqual(docFor({ kind: 'move', facilityId: 7, location: [110.05, 30] }));
    expect(client.sessionRequestsSent).toBe(3);
  });

  it('never merges moves of different facilities, clinics added or resets', async () => {
    void client.openSession(input);
    const w = workers[0];
    void client.moveFacility(1, [110, 30]);
    void client.moveFacility(2, [111, 30]);
    void client.moveFacility(2, [111.5, 30]);
    void client.addClinic('500101001203', [110.2, 30]);
    void client.moveFacility(1, [110.1, 30]);
    void client.resetSession();
    for (let i = 0; i < 6; i++) {
      w.answerSession(i);
      await flush();
    }
    expect(w.sessionRequests().map((r) => r.op)).toEqual([
      { kind: 'open', input },
      { kind: 'move', facilityId: 1, location: [110, 30] },
      { kind: 'move', facilityId: 2, location: [111.5, 30] },
      { kind: 'add', villageCode: '500101001203', location: [110.2, 30] },
      { kind: 'move', facilityId: 1, location: [110.1, 30] },
      { kind: 'reset' },
    ]);
  });

  it('reuse the isochrones the worker reports unchanged (same arrays: nothing to redraw)', async () => {
    const bands = { clinic: [{ from: 0, to: 15, coordinates: [] }], county: [{ from: 0, to: 15, coordinates: [] }] };
    const opened = client.openSession(input);
    const w = workers[0];
    const ids = () => w.sessionRequests().map((r) => r.id);
    w.reply({ type: 'result', id: ids()[0], document: { isochrones: bands } as unknown as CoverageDocument, ms: 1 });
    const first = (await opened).document;
    const moved = client.moveFacility(3, [110, 30]);
    const newCounty = [{ from: 0, to: 15, coordinates: [[[[110, 30]]]] }];
    w.reply({ type: 'result', id: ids()[1], document: { isochrones: { county: newCounty } } as unknown as CoverageDocument, ms: 1, sameIsochrones: ['clinic'] });
    const second = (await moved).document;
    expect(second.isochrones.clinic).toBe(first.isochrones.clinic);
    expect(second.isochrones.county).toEqual(newCounty);
  });

  it('report a lost session (the worker answered NO_SESSION)', async () => {
    const p = client.moveFacility(1, [110, 30]);
    const w = workers[0];
    w.reply({ type: 'error', id: w.sessionRequests()[0].id, message: 'no what-if session', code: 'NO_SESSION' });
    await expect(p).rejects.toBeInstanceOf(SessionLost);
  });

  it('measure the round trip of each update', async () => {
    let now = 1000;
    const timed = new AnalysisClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    }, { now: () => now });
    const p = timed.openSession(input);
    now += 42;
    workers[workers.length - 1].answerSession(0);
    expect((await p).roundTripMs).toBe(42);
  });
});

describe('baseline runs', () => {
  it('pass progress through and resolve with the document', async () => {
    const progress: [number, string][] = [];
    const p = client.run(input, (f, s) => progress.push([f, s]));
    const w = workers[0];
    const run = w.sent[0] as Extract<WorkerRequest, { type: 'run' }>;
    expect(run.type).toBe('run');
    w.reply({ type: 'progress', id: run.id, fraction: 0.5, stage: 'thc' });
    w.reply({ type: 'result', id: run.id, document: docFor('run'), ms: 321 });
    await expect(p).resolves.toEqual({ document: docFor('run'), workerMs: 321 });
    expect(progress).toEqual([[0.5, 'thc']]);
    expect(client.running).toBe(false);
  });

  it('cancel through the worker when it answers in time', async () => {
    const p = client.run(input);
    const w = workers[0];
    client.cancel();
    expect(w.sent[1]).toEqual({ type: 'cancel', id: (w.sent[0] as { id: number }).id });
    w.reply({ type: 'cancelled', id: (w.sent[0] as { id: number }).id });
    await expect(p).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(w.terminated).toBe(false);
  });

  it('terminate the worker when the run does not stop, and start a fresh one for the next call', async () => {
    vi.useFakeTimers();
    const p = client.run(input);
    const rejected = expect(p).rejects.toBeInstanceOf(AnalysisCancelled);
    const session = client.moveFacility(1, [110, 30]);
    const lost = expect(session).rejects.toBeInstanceOf(SessionLost);
    client.cancel();
    vi.advanceTimersByTime(60);
    await rejected;
    await lost;
    expect(workers[0].terminated).toBe(true);
    expect(client.running).toBe(false);
    void client.run(input);
    expect(workers).toHaveLength(2);
  });

  it('a new run replaces one under way (the busy worker is restarted)', async () => {
    const first = client.run(input);
    const rejected = expect(first).rejects.toBeInstanceOf(AnalysisCancelled);
    const second = client.run(input);
    await rejected;
    expect(workers[0].terminated).toBe(true);
    const w = workers[1];
    w.reply({ type: 'result', id: (w.sent[0] as { id: number }).id, document: docFor('second'), ms: 1 });
    await expect(second).resolves.toMatchObject({ document: docFor('second') });
  });

  it('fail everything pending when the worker itself fails to load', async () => {
    const p = client.run(input);
    workers[0].onerror?.({ message: 'SyntaxError in worker' } as ErrorEvent);
    await expect(p).rejects.toThrow('SyntaxError in worker');
  });
});
