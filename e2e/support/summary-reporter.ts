import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends the run with one line "N passed, N failed" (flaky and timed-out tests count as failed). */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, TestResult['status']>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcomes.set(test.id, result.status);
  }

  onEnd(result: FullResult): void {
    const statuses = [...this.outcomes.values()];
    const passed = statuses.filter((status) => status === 'passed').length;
    let failed = statuses.filter((status) => status === 'failed' || status === 'timedOut' || status === 'interrupted').length;
    if (result.status !== 'passed' && failed === 0) {
      // Global setup failed or nothing ran: never report an empty run as green.
      failed = 1;
    }
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
