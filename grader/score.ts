/**
 * Turns one exercise's report into Gradescope tests. Names and points come from
 * the grader's manifest; the report only supplies observations. A manifest test
 * that did not report exactly once scores nothing, and a reported test the
 * manifest does not know scores nothing either.
 */
import type { ReportLine } from './stream-reporter';
import type { VitestRun } from './run-vitest';
import type { GradedTest, TestSpec } from './types';

export interface ScoredTest {
  readonly spec: TestSpec;
  readonly hidden: boolean;
  readonly score: number;
  readonly output: string;
}

/** Why an exercise earned nothing as a whole, for the gradebook's note: its file was missing, did not load, or ran out of time. */
export type Problem = 'missing' | 'does not compile' | 'does not load' | 'timed out' | 'crashed';

export interface ExerciseOutcome {
  readonly id: string;
  readonly tests: readonly ScoredTest[];
  /** Things the learner should know that belong to no one test (a timeout, a crash, extra tests). */
  readonly notes: readonly string[];
  /** What went wrong with the file as a whole, if anything. */
  readonly problem?: Problem;
}

/**
 * Feedback as plain text: no terminal colour codes (vitest and esbuild colour their
 * errors, which Gradescope and a spreadsheet show as raw escape sequences).
 * @example plainText('\u001b[31merror\u001b[39m') // 'error'
 */
export function plainText(text: string): string {
  // CSI sequences (colours, cursor moves), OSC sequences (links, titles), then any stray escape.
  /* eslint-disable no-control-regex -- ANSI escape codes are control characters: matching them is the point */
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)/g, '')
    .replace(/[\u001b\u009b]/g, '');
  /* eslint-enable no-control-regex */
}

/** Scores one exercise from its run. `files` maps each probe file to whether it is hidden. */
export function scoreExercise(
  id: string,
  visible: readonly TestSpec[],
  hidden: readonly TestSpec[],
  files: { visible: string; hidden: string | null },
  run: VitestRun,
  timeoutMs: number,
): ExerciseOutcome {
  const notes: string[] = [];
  const tests = run.lines.filter((l): l is Extract<ReportLine, { kind: 'test' }> => l.kind === 'test');
  const moduleErrors = run.lines.filter((l): l is Extract<ReportLine, { kind: 'module' }> => l.kind === 'module' && l.errors.length > 0);
  const ended = run.lines.find((l): l is Extract<ReportLine, { kind: 'end' }> => l.kind === 'end');

  let whyMissing = 'it did not run';
  let problem: Problem | undefined;
  if (run.killed === 'startup') {
    whyMissing = 'the test process did not start in time (the machine may be overloaded); grade again';
    notes.push('vitest did not start in time: this says nothing about your code; grade again');
  } else if (run.killed === 'timeout') {
    whyMissing = `it did not finish: the run was stopped after ${timeoutMs / 1000} s (an endless loop, or a promise that never settles?)`;
    notes.push(`stopped after ${timeoutMs / 1000} s; tests that finished before still count`);
    problem = 'timed out';
  } else if (/heap out of memory|Reached heap limit/i.test(run.output)) {
    whyMissing = 'the test process ran out of memory while running your code (does it allocate without end?)';
    problem = 'crashed';
  } else if (run.signal === 'SIGKILL' || run.signal === 'SIGTERM') {
    whyMissing = `the test process was killed (${run.signal}) while running your code: did it kill its own process or process group?`;
    problem = 'crashed';
  } else if (run.lines.some((l) => (l.kind === 'module' || l.kind === 'end') && l.errors.some((e) => /Worker .*(emitted error|exited unexpectedly)|Channel closed/i.test(e)))) {
    whyMissing = 'the test process died while running your code: does it call process.exit, process.reallyExit, process.kill or process.abort, or run out of memory?';
    problem = 'crashed';
  } else if (moduleErrors.length) {
    const first = plainText(moduleErrors[0].errors[0]);
    // esbuild's "Transform failed" / "Expected ..." and a SyntaxError mean the file is not valid TypeScript.
    const syntax = /Transform failed|SyntaxError|Expected ".*" but found|Unexpected ".*"|Unterminated/i.test(first);
    whyMissing = syntax ? `your file does not compile: ${first}` : `your file could not be loaded or the test process died: ${first}`;
    problem = syntax ? 'does not compile' : 'does not load';
  } else if (ended && ended.errors.length) {
    whyMissing = `the test process failed: ${ended.errors[0]}`;
  } else if (!ended) {
    whyMissing = `the test process ended without finishing (exit code ${run.exitCode}, signal ${run.signal})`;
  }

  const scored: ScoredTest[] = [];
  const known = new Set<string>();
  for (const [specs, file, isHidden] of [[visible, files.visible, false], [hidden, files.hidden, true]] as const) {
    for (const spec of specs) {
      known.add(`${file}\u0000${spec.name}`);
      const reports = tests.filter((t) => t.file === file && t.name === spec.name);
      scored.push({ spec, hidden: isHidden, ...judgeOne(spec, reports, whyMissing) });
    }
  }
  const extras = tests.filter((t) => !known.has(`${t.file}\u0000${t.name}`));
  if (extras.length) notes.push(`${extras.length} test(s) the grader does not know were reported and score nothing (e.g. ${JSON.stringify(extras[0].name)})`);
  const readable = scored.map((t) => ({ ...t, output: plainText(t.output) }));
  return { id, tests: readable, notes: notes.map(plainText), ...(problem ? { problem } : {}) };
}

function judgeOne(spec: TestSpec, reports: readonly Extract<ReportLine, { kind: 'test' }>[], whyMissing: string): { score: number; output: string } {
  if (reports.length === 0) return { score: 0, output: whyMissing };
  if (reports.length > 1) return { score: 0, output: `reported ${reports.length} times: something registered a second test of the same name, so neither counts` };
  const report = reports[0];
  const tampered = report.meta.tampered;
  if (Array.isArray(tampered) && tampered.length) {
    return { score: 0, output: `your code changed ${tampered.join(', ')}; the grader needs the real ones, so this test scores nothing` };
  }
  if (report.state !== 'passed' || typeof report.meta.observed !== 'string') {
    const error = report.errors[0];
    if (error && /^Test timed out in \d+ms/.test(error)) {
      return { score: 0, output: `it did not finish within ${/\d+/.exec(error)![0]} ms: a promise that never settles, or a stream that never completes?` };
    }
    return { score: 0, output: error ?? `it ended ${report.state} without a result` };
  }
  let observed: unknown;
  try {
    observed = JSON.parse(report.meta.observed);
  } catch {
    return { score: 0, output: 'its result was not valid JSON' };
  }
  let why: string | null;
  try {
    why = spec.judge(observed);
  } catch (e) {
    why = `the result has an unexpected shape (${(e as Error).message})`;
  }
  return why === null ? { score: spec.points, output: 'passed' } : { score: 0, output: why };
}

/**
 * Gradescope rows for one exercise, numbered `<place>.<n>`: `place` is the exercise's place
 * in the manifest (1 for the first), so numbers are unique across exercises that share a
 * lesson, and the same for every submission.
 */
export function gradescopeTests(outcome: ExerciseOutcome, place: number): GradedTest[] {
  return outcome.tests.map((t, i) => ({
    name: `${outcome.id}: ${t.spec.name}`,
    number: `${place}.${i + 1}`,
    score: t.score,
    max_score: t.spec.points,
    status: t.score === t.spec.points ? 'passed' : 'failed',
    output: plainText(t.output),
    output_format: 'text',
    visibility: t.hidden ? 'after_published' : 'visible',
    extra_data: { exercise: outcome.id },
  }));
}
