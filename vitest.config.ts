import { defineConfig } from 'vitest/config';
import { IMPORT_WORKER_BUNDLE } from './test/setup/build-import-worker';

/**
 * The black-box API suite (test/api) runs twice: on the SQLite file (project `api-sqlite`) and
 * on PostgreSQL (project `api-postgres`: each store gets a throwaway database of its own).
 * PostgreSQL comes from scripts/with-postgres.sh (TESSERA_TEST_PG_URL); without it the project
 * is left out with a printed reason, except under CI, where it runs and fails.
 */
const pgRequired = process.env.CI === 'true' || Boolean(process.env.TESSERA_REQUIRE_POSTGRES);
const pgAvailable = Boolean(process.env.TESSERA_TEST_PG_URL);
if (!pgAvailable && !pgRequired) {
  process.stderr.write(
    `API suite on PostgreSQL skipped: ${process.env.TESSERA_TEST_PG_SKIP ?? 'TESSERA_TEST_PG_URL is not set (run through scripts/with-postgres.sh or npm test)'}\n`,
  );
}

/**
 * The API tests start server processes and wait on them. On this busy 2-core machine (load 20
 * and more) one test took up to 89 s (1,000 parallel guesses on PostgreSQL) and a file 222 s
 * (measured), so each test gets 300 s, over 3x that; crash.test.ts sets its own.
 */
const API = { include: ['test/api/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 };

export default defineConfig({
  define: { __TESSERA_IMPORT_WORKER__: JSON.stringify(IMPORT_WORKER_BUNDLE) },
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Limits are at least three times what a test takes on a busy 2-core machine; the timing
    // reporter lists the slowest tests and warns about any that come closer (docs/testing.md).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/setup/build-import-worker.ts'],
    reporters: ['default', './test/reporters/vitest-timing.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: ['test/api/**'],
        },
      },
      { extends: true, test: { name: 'api-sqlite', ...API } },
      ...(pgAvailable || pgRequired
        ? [
            {
              extends: true,
              test: {
                name: 'api-postgres',
                ...API,
                env: { TESSERA_API_DATABASE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
