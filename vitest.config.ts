import { defineConfig } from 'vitest/config';

// Vitest 5's reporter calls Map.groupBy (Node 21+) when it prints failures; Node 20.19 lacks it.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (v: V, i: number) => K): Map<K, V[]> {
      const out = new Map<K, V[]>();
      let i = 0;
      for (const v of items) {
        const k = key(v, i++);
        const list = out.get(k);
        if (list) list.push(v);
        else out.set(k, [v]);
      }
      return out;
    },
  });
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests open real SQLite files and spawn real processes; two workers suit the 2-core CI.
    maxWorkers: 2,
    setupFiles: ['test/helpers/fast-check-setup.ts'],
  },
});
