/**
 * Child process for test/integration/crash-safety.test.ts: runs a deterministic sequence of
 * changes (imports of 20 villages, edits, undos, redos) on a project until it is SIGKILLed.
 * Usage: tsx crash-worker.ts <project.gpkg> <seed> <firstStep> <steps>
 * The test bundles it with esbuild and runs it with plain node: one process, so SIGKILL hits the
 * very process writing the file (the tsx CLI runs scripts in a grandchild, which a SIGKILL of the
 * CLI would orphan), and it starts in ~0.2 s instead of ~1 s, so 50 kills fit in the test budget.
 * Prints "ready" once the project is open, then "ok <step>" after each step has committed.
 */
import { seededRandom } from '../../electron/engine/tours/random.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import type { Village } from '../../electron/domain/types.js';

export type CrashOp = 'import' | 'edit' | 'undo' | 'redo';

/** Small seeded PRNG (mulberry32, the routing engine's). */
export const rng = seededRandom;

/** The operation of a step: the same for a given seed and step, in the child and in the test. */
export function opOf(seed: number, step: number): CrashOp {
  const r = rng(seed * 100_003 + step)();
  return r < 0.6 ? 'import' : r < 0.75 ? 'edit' : r < 0.95 ? 'undo' : 'redo';
}

function villages(step: number): Village[] {
  return Array.from({ length: 20 }, (_, i) => ({
    id: 0,
    code: `4312991${String(step % 100_000).padStart(5, '0')}`,
    name: `村${step}-${i}`,
    townshipCode: '431299101',
    population: 100 + i,
    households: 30 + i,
    kind: 'village' as const,
    areaKm2: null,
    location: [110 + (step % 100) * 0.001, 27 + i * 0.001] as [number, number],
  }));
}

function main(): void {
  const [file, seedArg, firstArg, stepsArg] = process.argv.slice(2);
  const seed = Number(seedArg);
  const first = Number(firstArg);
  const steps = Number(stepsArg);
  const store = ProjectStore.open(file);
  process.stdout.write('ready\n');
  for (let step = first; step < first + steps; step++) {
    const op = opOf(seed, step);
    if (op === 'import') store.applyChange(`导入 ${step}`, 'import', { insert: { villages: villages(step) } });
    else if (op === 'edit') {
      const id = (step % 2) + 1; // the project's own two villages, never deleted
      store.applyChange(`编辑 ${step}`, 'edit', { update: [{ layer: 'villages', id, record: { population: step } }] });
    } else if (op === 'undo') store.undo();
    else store.redo();
    // Pipes are synchronous on Linux: the line is in the pipe before the next step begins.
    process.stdout.write(`ok ${step}\n`);
  }
  store.close();
}

if (process.argv[1] && /crash-worker[^/\\]*\.(ts|js|mjs)$/.test(process.argv[1])) main();
