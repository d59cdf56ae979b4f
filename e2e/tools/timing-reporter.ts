import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { timingReport, type TimedTest } from '../../test/reporters/slowest';

/**
 * Playwright reporter: the slowest tests with their limits, those near them, and every test that
 * needed a retry, so that flakiness is seen before it fails a submission.
 */
export default class TimingReporter implements Reporter {
  private readonly byTest = new Map<TestCase, TimedTest>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'skipped') return;
    const name = `${test.location.file.replace(`${process.cwd()}/`, '')}:${test.location.line} › ${test.title}`;
    // The last attempt's duration; the retry count says whether there was another before it.
    this.byTest.set(test, {
      name,
      durationMs: result.duration,
      limitMs: test.timeout,
      retries: result.retry,
    });
  }

  onEnd(_result: FullResult): void {
    process.stdout.write(`\n${timingReport('playwright', [...this.byTest.values()]).join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
