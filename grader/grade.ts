/**
 * The orchestrator: grades a folder of exercise files against the manifest,
 * one sandboxed vitest run per exercise, as many at once as there are cores.
 * It never imports a learner's file; it only reads what the sandbox reported.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exercises } from './manifest';
import { buildSandbox } from './sandbox';
import { runVitest } from './run-vitest';
import { gradescopeTests, scoreExercise, type ExerciseOutcome } from './score';
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
  const tests: GradedTest[] = outcomes.flatMap((o, i) => gradescopeTests(o, specs[i].lesson));
  const score = round(tests.reduce((s, t) => s + t.score, 0));
  const max = round(tests.reduce((s, t) => s + t.max_score, 0));
  const notes = outcomes.flatMap((o) => o.notes.map((n) => `${o.id}: ${n}`));
  const output = [`${score} of ${max} points.`, ...notes].join('\n');
  return { results: { score, execution_time: round((Date.now() - started) / 1000), output, tests }, outcomes, specs, sandboxes };
}

async function gradeOne(options: GradeOptions, spec: ExerciseSpec, hidden: HiddenSpec | null, timeoutMs: number, sandboxes: string[]): Promise<ExerciseOutcome> {
  const studentFile = join(options.target, `${spec.id}.ts`);
  const hiddenTests: readonly TestSpec[] = hidden?.tests ?? [];
  if (!existsSync(studentFile)) {
    const output = `${spec.id}.ts is missing from ${options.target}: copy it from exercises/ and fill it in`;
    return { id: spec.id, tests: [...spec.tests.map((t) => ({ spec: t, hidden: false, score: 0, output })), ...hiddenTests.map((t) => ({ spec: t, hidden: true, score: 0, output }))], notes: [] };
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
    return scoreExercise(spec.id, spec.tests, hiddenTests, { visible: box.visibleProbe, hidden: box.hiddenProbe }, run, timeoutMs);
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
