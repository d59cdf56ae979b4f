import { defineConfig } from 'vitest/config';
import { IMPORT_WORKER_BUNDLE } from './test/setup/build-import-worker';

export default defineConfig({
  define: { __TESSERA_IMPORT_WORKER__: JSON.stringify(IMPORT_WORKER_BUNDLE) },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/setup/build-import-worker.ts'],
  },
});
