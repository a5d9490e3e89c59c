/**
 * The orchestrator: grades a folder of exercise files against the manifest,
 * one sandboxed vitest run per exercise, as many at once as there are cores.
 * It never imports a learner's file; it only reads what the sandbox reported.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { drawingInto } from './exercises/draw';
import { exercises } from './manifest';
import { buildSandbox } from './sandbox';
import { runVitest } from './run-vitest';
import { gradescopeTests, plainText, scoreExercise, type ExerciseOutcome } from './score';
import type { ExerciseSpec, GradedTest, HiddenSpec, Results, TestSpec } from './types';

export interface GradeOptions {
  /** The project root (holds lib/, grader/, test/exercises/). */
  readonly project: string;
  /** The folder of learner files, laid out like `exercises/` (`<id>.ts` each). */
  readonly target: string;
  /** The instructor's folder of hidden probes and judges, or null. */
  readonly hidden: string | null;
  /** Wall-clock limit per exercise, ms. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /** Only these exercises. @defaultValue all */
  readonly only?: readonly string[];
  /** Exercises graded at once. @defaultValue the number of cores */
  readonly jobs?: number;
  /** The worker's heap cap, MB. @defaultValue 512 */
  readonly heapMB?: number;
  /** The folder for the labs' diagrams (`<lab>/<stage>-<property>.svg`). @defaultValue `<project>/grade` */
  readonly drawings?: string;
}

export interface Graded {
  readonly results: Results;
  readonly outcomes: readonly ExerciseOutcome[];
  readonly specs: readonly ExerciseSpec[];
  /** The temporary folders the exercises were graded in (gone by now), to check that no process outlived them. */
  readonly sandboxes: readonly string[];
}

/** Throws one error naming `--only` and the exercises there are, if `only` names an unknown exercise. */
export function checkOnly(only: readonly string[] | undefined): void {
  const unknown = (only ?? []).filter((id) => !exercises.some((e) => e.id === id));
  if (unknown.length > 0) throw new Error(`--only: no exercise ${unknown.map((id) => JSON.stringify(id)).join(', ')}; the exercises are ${exercises.map((e) => e.id).join(', ')}`);
}

/**
 * Grades every exercise of `target`; resolves to Gradescope results. Never rejects for what a learner's file does.
 * @example const { results } = await grade({ project: '.', target: 'solutions', hidden: null });
 */
export async function grade(options: GradeOptions): Promise<Graded> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  checkOnly(options.only);
  const specs = exercises.filter((e) => !options.only || options.only.includes(e.id));
  const hidden = options.hidden ? await loadHidden(options.hidden, specs) : new Map<string, HiddenSpec>();
  const outcomes: ExerciseOutcome[] = new Array(specs.length);
  const sandboxes: string[] = [];
  let next = 0;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), specs.length));
  await Promise.all(Array.from({ length: jobs }, async () => {
    while (next < specs.length) {
      const i = next++;
      outcomes[i] = await gradeOne(options, specs[i], hidden.get(specs[i].id) ?? null, timeoutMs, sandboxes);
    }
  }));
  const tests: GradedTest[] = outcomes.flatMap((o, i) => gradescopeTests(o, exercises.indexOf(specs[i]) + 1));
  const score = round(tests.reduce((s, t) => s + t.score, 0));
  const notes = outcomes.flatMap((o) => o.notes.map((n) => `${o.id}: ${n}`));
  // No points here: the total would count hidden tests before grades are published (Gradescope shows `output` at once).
  const output = [
    'Each test below says what it checked and, when it failed, what to fix. Hidden tests appear once grades are published.',
    ...notes,
  ].join('\n');
  return {
    results: { score, execution_time: round((Date.now() - started) / 1000), output, output_format: 'text', test_output_format: 'text', tests },
    outcomes,
    specs,
    sandboxes,
  };
}

/**
 * The folder that holds a learner's exercise files, for every upload shape Gradescope accepts:
 * the files themselves, an `exercises/` folder, or one folder around either (a zipped folder).
 * Returns `dir` itself when nothing deeper holds an exercise file.
 * @example submissionFolder('submissions/carol') // 'submissions/carol/exercises' when that is where the files are
 */
export function submissionFolder(dir: string): string {
  let here = dir;
  for (let depth = 0; depth < 3; depth++) {
    const entries = readdirSync(here).filter((n) => !n.startsWith('.') && n !== '__MACOSX');
    if (entries.some((n) => exercises.some((e) => n === `${e.id}.ts`))) return here;
    const folders = entries.filter((n) => statSync(join(here, n)).isDirectory());
    const next = folders.includes('exercises') ? 'exercises' : folders.length === 1 ? folders[0] : null;
    if (!next) return dir;
    here = join(here, next);
  }
  return dir;
}

/** Feedback a learner or instructor can forward: no colour codes, and no path of the grading machine. */
function scrubbed(outcome: ExerciseOutcome, places: readonly [string, string][]): ExerciseOutcome {
  const scrub = (text: string) => places.reduce((t, [path, name]) => t.split(path).join(name), plainText(text));
  return { ...outcome, tests: outcome.tests.map((t) => ({ ...t, output: scrub(t.output) })), notes: outcome.notes.map(scrub) };
}

async function gradeOne(
  options: GradeOptions,
  spec: ExerciseSpec,
  hidden: HiddenSpec | null,
  timeoutMs: number,
  sandboxes: string[],
): Promise<ExerciseOutcome> {
  const studentFile = join(options.target, `${spec.id}.ts`);
  const hiddenTests: readonly TestSpec[] = hidden?.tests ?? [];
  if (!existsSync(studentFile)) {
    const output = `${spec.id}.ts is missing from your submission: copy it from exercises/ and fill it in`;
    return {
      id: spec.id,
      tests: [
        ...spec.tests.map((t) => ({ spec: t, hidden: false, score: 0, output })),
        ...hiddenTests.map((t) => ({ spec: t, hidden: true, score: 0, output })),
      ],
      notes: [],
      problem: 'missing',
    };
  }
  const root = mkdtempSync(join(tmpdir(), `grade-${spec.id}-`));
  sandboxes.push(root);
  try {
    const box = buildSandbox({
      project: options.project,
      id: spec.id,
      studentFile,
      hiddenProbe: hidden && options.hidden ? join(options.hidden, `${spec.id}.grade.ts`) : null,
      root,
      testTimeout: Math.round(Math.max(1000, timeoutMs * 0.3)),
      heapMB: options.heapMB ?? 512,
    });
    const runAs = runAsUser();
    // The unprivileged user must own its sandbox: the reporter writes there, the worker reads there.
    if (runAs) spawnSync('chown', ['-R', `${runAs.uid}:${runAs.gid}`, root]);
    const run = await runVitest(options.project, box, timeoutMs, runAs);
    // Judging is synchronous, so the drawings' folder holds for exactly this exercise's judges.
    const outcome = drawingInto(options.drawings ?? resolve(options.project, 'grade'), () =>
      scoreExercise(spec.id, spec.tests, hiddenTests, { visible: box.visibleProbe, hidden: box.hiddenProbe }, run, timeoutMs));
    // Longest first, so that the sandbox's own folders go before the folder that holds them.
    return scrubbed(outcome, [
      [`${box.work}/`, ''],
      [box.work, '.'],
      [`${root}/`, ''],
      [root, '.'],
      [resolve(options.target), 'your submission'],
      [`${options.project}/`, ''],
      [options.project, '.'],
    ]);
  } finally {
    if (!process.env.GRADER_KEEP) rmSync(root, { recursive: true, force: true });
  }
}

/** The hidden tests of each exercise that has both a probe (`<id>.grade.ts`) and a judge (`<id>.judge.ts`). */
async function loadHidden(dir: string, specs: readonly ExerciseSpec[]): Promise<Map<string, HiddenSpec>> {
  const found = new Map<string, HiddenSpec>();
  for (const spec of specs) {
    const judge = resolve(dir, `${spec.id}.judge.ts`);
    if (!existsSync(judge) || !existsSync(resolve(dir, `${spec.id}.grade.ts`))) continue;
    const module = (await import(pathToFileURL(judge).href)) as { hidden?: HiddenSpec; default?: { hidden?: HiddenSpec } };
    const h = module.hidden ?? module.default?.hidden;
    if (h) found.set(spec.id, h);
  }
  return found;
}

/** `GRADER_RUN_AS=uid:gid` (set by Gradescope's run_autograder when run as root): whom learner code runs as. */
function runAsUser(): { uid: number; gid: number } | null {
  const m = /^(\d+):(\d+)$/.exec(process.env.GRADER_RUN_AS ?? '');
  if (!m || process.getuid?.() !== 0) return null;
  return { uid: Number(m[1]), gid: Number(m[2]) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
