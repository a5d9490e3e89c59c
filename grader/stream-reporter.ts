/**
 * A vitest reporter for the sandbox: it runs in vitest's main process (never in
 * the worker that runs learner code) and appends one JSON line per finished
 * test to the file the grader named in `GRADER_REPORT`, at once. If the worker
 * then hangs and the grader kills the run, every test that finished before
 * still counts.
 */
import { appendFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** One line of the report. */
export type ReportLine =
  | { kind: 'test'; file: string; name: string; state: string; errors: string[]; meta: Record<string, unknown> }
  | { kind: 'module'; file: string; errors: string[] }
  | { kind: 'end'; errors: string[]; reason: string }
  /** Written by the sandbox config when the worker's setup has run: the learner's clock starts. */
  | { kind: 'ready' };

const MAX_ERROR = 4000;

export default class StreamReporter implements Reporter {
  private readonly file = process.env.GRADER_REPORT ?? '';

  private write(line: ReportLine): void {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    this.write({
      kind: 'test',
      file: test.module.moduleId,
      name: test.fullName,
      state: result.state,
      errors: (result.errors ?? []).map((e) => String(e.message ?? e).slice(0, MAX_ERROR)),
      meta: { ...(test.meta() as Record<string, unknown>) },
    });
  }

  onTestModuleEnd(module: TestModule): void {
    this.write({ kind: 'module', file: module.moduleId, errors: module.errors().map((e) => String(e.message ?? e).slice(0, MAX_ERROR)) });
  }

  onTestRunEnd(_modules: readonly TestModule[], errors: readonly { message?: string }[], reason: string): void {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only for an error without a message
    this.write({ kind: 'end', errors: errors.map((e) => String(e.message ?? e).slice(0, MAX_ERROR)), reason });
  }
}
