import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Limits are at least three times what a test takes on a busy 2-core machine; the timing
    // reporter lists the slowest tests and warns about any that come closer (docs/testing.md).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/reporters/vitest-timing.ts'],
  },
});
