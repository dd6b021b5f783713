import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'packages/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    // Vitest's default for a run is one worker fewer than the cores: one worker on a two-core machine, with the
    // other core idle while a file waits on its database. Each file has its own database, so files run side by side.
    maxWorkers: Math.max(2, availableParallelism()),
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
