import type { Reporter, TestCase, Vitest } from 'vitest/node';
import { timingReport, type TimedTest } from './slowest';

/** Vitest reporter: the slowest tests with their limits, and those near them (see slowest.ts). */
export default class TimingReporter implements Reporter {
  private readonly tests: TimedTest[] = [];
  private defaultTimeout = 5_000;

  onInit(vitest: Vitest): void {
    this.defaultTimeout = vitest.config.testTimeout;
  }

  onTestCaseResult(testCase: TestCase): void {
    const diagnostic = testCase.diagnostic();
    if (!diagnostic || testCase.result().state === 'skipped') return;
    this.tests.push({
      name: `${testCase.module.moduleId.replace(`${process.cwd()}/`, '')} › ${testCase.fullName}`,
      durationMs: diagnostic.duration,
      limitMs: testCase.options.timeout ?? this.defaultTimeout,
      retries: diagnostic.retryCount,
    });
  }

  onTestRunEnd(): void {
    process.stdout.write(`\n${timingReport('vitest', this.tests).join('\n')}\n`);
  }
}
