/**
 * Crash safety: a child process makes changes (imports of 20 villages, edits, undos, redos) in a
 * loop and is SIGKILLed at seeded random moments. After every kill the project must open, pass
 * integrity_check, and hold exactly the state after the last change the child reported as
 * committed, or the one after it (the change in flight) — never anything in between.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../electron/store/project-store.js';
import { opOf, rng, type CrashOp } from '../helpers/crash-worker.js';
import { tempDir, tinyProject } from '../helpers/fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKER_SRC = path.join(ROOT, 'test/helpers/crash-worker.ts');
/** The worker bundled for plain node; under node_modules so it resolves better-sqlite3 and zod. */
const WORKER = path.join(ROOT, 'node_modules/.cache', `ccp-crash-worker-${process.pid}.mjs`);

const RUNS = 5;
const KILLS_PER_RUN = 10;
const PARALLEL = 2;
/** Kill delay after the child reports "ready": uniform in [0, MAX_DELAY_MS). */
const MAX_DELAY_MS = 400;

/** What the change log should hold: villages count and, oldest first, each change's size and state. */
interface Model {
  villages: number;
  log: { villages: number; undone: boolean }[];
}

function applyOp(m: Model, op: CrashOp): Model {
  const log = m.log.map((e) => ({ ...e }));
  let villages = m.villages;
  if (op === 'import' || op === 'edit') {
    const kept = log.filter((e) => !e.undone);
    kept.push({ villages: op === 'import' ? 20 : 1, undone: false });
    return { villages: villages + (op === 'import' ? 20 : 0), log: kept };
  }
  if (op === 'undo') {
    const e = [...log].reverse().find((x) => !x.undone);
    if (e) {
      e.undone = true;
      if (e.villages === 20) villages -= 20;
    }
  } else {
    const e = log.find((x) => x.undone);
    if (e) {
      e.undone = false;
      if (e.villages === 20) villages += 20;
    }
  }
  return { villages, log };
}

const signature = (m: Model) => `${m.villages}|${m.log.map((e) => `${e.villages}${e.undone ? 'u' : ''}`).join(',')}`;

/** Opens the project as the app would and reads its state; fails on a refused open or a bad integrity check. */
function inspectProject(file: string): string {
  const store = ProjectStore.open(file);
  try {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    const villages = store.layerSummaries().find((l) => l.name === 'villages')!.count;
    const log = store
      .history()
      .reverse()
      .map((h) => ({ villages: h.counts.villages ?? 0, undone: h.undone }));
    return signature({ villages, log });
  } finally {
    store.close();
  }
}

interface ChildResult {
  killed: boolean;
  steps: number[];
  stderr: string;
}

function runChild(file: string, seed: number, first: number, delayMs: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // Plain node on the bundled worker: one process, so SIGKILL hits the very process writing the file.
    const child = spawn(process.execPath, [WORKER, file, String(seed), String(first), '2000'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const wasReady = out.includes('ready\n');
      out += chunk;
      if (!wasReady && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`worker failed (${code ?? signal}): ${stderr}`));
      const steps = out
        .split('\n')
        .filter((l) => l.startsWith('ok '))
        .map((l) => Number(l.slice(3)));
      resolve({ killed: signal === 'SIGKILL', steps, stderr });
    });
  });
}

interface RunStats {
  kills: number;
  inFlightCommitted: number;
  steps: number;
}

async function crashRun(seed: number, kills: number): Promise<RunStats> {
  const dir = tempDir('ccp-crash-');
  const file = path.join(dir, 'p.gpkg');
  const data = tinyProject();
  ProjectStore.create(file, { title: 'crash', isDemo: false }, data).close();
  let model: Model = { villages: data.villages.length, log: [] };
  let step = 0;
  const random = rng(seed);
  const stats: RunStats = { kills: 0, inFlightCommitted: 0, steps: 0 };
  for (let attempt = 0; stats.kills < kills && attempt < kills * 3; attempt++) {
    const r = await runChild(file, seed, step, Math.floor(random() * MAX_DELAY_MS));
    // The child reports consecutive steps from where the last one stopped.
    expect(r.steps).toEqual(r.steps.map((_, i) => step + i));
    for (const s of r.steps) model = applyOp(model, opOf(seed, s));
    step += r.steps.length;
    const found = inspectProject(file);
    if (!r.killed) {
      expect(found).toBe(signature(model));
      continue;
    }
    stats.kills++;
    const inFlight = applyOp(model, opOf(seed, step));
    if (found !== signature(model)) {
      expect(found, `seed ${seed}, killed during step ${step}`).toBe(signature(inFlight));
      model = inFlight;
      step++;
      stats.inFlightCommitted++;
    }
  }
  stats.steps = step;
  fs.rmSync(dir, { recursive: true, force: true });
  return stats;
}

describe('crash safety of the project file', () => {
  beforeAll(async () => {
    await build({ entryPoints: [WORKER_SRC], outfile: WORKER, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
  });
  afterAll(() => fs.rmSync(WORKER, { force: true }));

  it(`survives ${RUNS * KILLS_PER_RUN} SIGKILLs during imports, edits and undos`, async () => {
    const seeds = Array.from({ length: RUNS }, (_, i) => 20261123 + i);
    const results: RunStats[] = [];
    const queue = [...seeds];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) results.push(await crashRun(seed, KILLS_PER_RUN));
      }),
    );
    const kills = results.reduce((n, r) => n + r.kills, 0);
    const committed = results.reduce((n, r) => n + r.inFlightCommitted, 0);
    const steps = results.reduce((n, r) => n + r.steps, 0);
    console.log(`crash-safety: ${kills} kills, ${steps} committed steps, in-flight change committed at ${committed} kills`);
    expect(kills).toBe(RUNS * KILLS_PER_RUN);
    expect(steps).toBeGreaterThan(kills); // the kills landed mid-loop, not before the first change
  }, 150_000);
});
