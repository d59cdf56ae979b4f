/** One finished test as the timing reports list it. */
export interface TimedTest {
  name: string;
  durationMs: number;
  limitMs: number;
  retries: number;
}

/** How many times its duration a test's limit must be (the suite's rule; see docs/testing.md). */
export const LIMIT_FACTOR = 3;
const SHOWN = 10;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The lines printed at the end of a run: the ten slowest tests with their limits, the tests that
 * came within LIMIT_FACTOR of their limit, and the tests that needed a retry. Printed, never
 * failed on: a run near its limits is a warning to act on, not a red build.
 */
export function timingReport(label: string, tests: readonly TimedTest[]): string[] {
  const slowest = [...tests].sort((a, b) => b.durationMs - a.durationMs).slice(0, SHOWN);
  const lines = [`${label}: the ${slowest.length} slowest tests (duration / limit)`];
  for (const t of slowest)
    lines.push(
      `  ${seconds(t.durationMs).padStart(8)} / ${seconds(t.limitMs).padEnd(8)} ${t.name}`,
    );
  const close = tests.filter((t) => t.durationMs * LIMIT_FACTOR > t.limitMs);
  lines.push(
    close.length === 0
      ? `${label}: every test finished within a third of its limit`
      : `${label}: WARNING ${close.length} test(s) took more than a third of their limit:`,
  );
  for (const t of close)
    lines.push(`  ${seconds(t.durationMs)} of ${seconds(t.limitMs)}: ${t.name}`);
  const retried = tests.filter((t) => t.retries > 0);
  lines.push(
    retried.length === 0
      ? `${label}: no test needed a retry`
      : `${label}: WARNING ${retried.length} test(s) passed only after a retry (flaky):`,
  );
  for (const t of retried) lines.push(`  retried ${t.retries}×: ${t.name}`);
  return lines;
}
