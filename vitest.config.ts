import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests open real SQLite files and spawn real processes; two workers suit the 2-core CI.
    maxWorkers: 2,
  },
});
