import type { Reporter, TestModule } from 'vitest/node';

type Counts = { passed: number; failed: number; skipped: number };

/**
 * Ends the run with a plain `N passed, N failed, N skipped` line that any CI log reader
 * understands, after vitest's own summary, and a line for the real-API-server suite (the `e2e`
 * project) alone. With `KUBEPATCH_E2E=require` (CI) a run in which no e2e test passed fails, so
 * the real-server suite cannot be skipped unnoticed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const all: Counts = { passed: 0, failed: 0, skipped: 0 };
    const e2e: Counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      const isE2e = module.project.name === 'e2e';
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        all[key]++;
        if (isE2e) e2e[key]++;
      }
    }
    if (e2e.passed + e2e.failed + e2e.skipped > 0) {
      process.stdout.write(`\nreal API server suite (test/e2e): ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped\n`);
    }
    if (process.env['KUBEPATCH_E2E'] === 'require' && e2e.passed === 0) {
      process.stdout.write('KUBEPATCH_E2E=require, but no test of the real-API-server suite passed\n');
      process.exitCode = 1;
    }
    process.stdout.write(`\nvitest: ${all.passed} passed, ${all.failed} failed, ${all.skipped} skipped\n`);
  }
}
