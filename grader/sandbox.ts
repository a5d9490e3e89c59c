/**
 * A throwaway project in a temporary folder for grading one exercise: pristine
 * copies of `lib/`, the probes and the worker side of the grader, the learner's
 * one allowed file, and a vitest config that runs learner code in a forked,
 * permission-limited process (the config is grader/sandbox.config.mts, copied in; what differs
 * per grading goes beside it as sandbox.json). Nothing the learner wrote besides that file is copied.
 */
import { cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importProblem } from './import-policy';

export interface SandboxPlan {
  /** The project the grader belongs to (holds lib/, test/exercises/, node_modules/). */
  readonly project: string;
  readonly id: string;
  /** The learner's file to grade. */
  readonly studentFile: string;
  /** The instructor's hidden probe, if any. */
  readonly hiddenProbe: string | null;
  /** Where to build it: an empty folder. */
  readonly root: string;
  /** Per-test time limit inside vitest, ms. */
  readonly testTimeout: number;
  /** Heap cap of the worker, MB. */
  readonly heapMB: number;
}

export interface Sandbox {
  readonly work: string;
  readonly cache: string;
  readonly report: string;
  readonly config: string;
  readonly visibleProbe: string;
  readonly hiddenProbe: string | null;
}

/** Lays out the sandbox and returns where everything is. */
export function buildSandbox(plan: SandboxPlan): Sandbox {
  const work = join(plan.root, 'work');
  const cache = join(plan.root, 'cache');
  mkdirSync(join(work, 'exercises'), { recursive: true });
  mkdirSync(join(work, 'test', 'exercises'), { recursive: true });
  mkdirSync(join(work, 'grader'), { recursive: true });
  mkdirSync(cache, { recursive: true });
  cpSync(join(plan.project, 'lib'), join(work, 'lib'), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  cpSync(join(plan.project, 'grader', 'worker'), join(work, 'grader', 'worker'), { recursive: true });
  // The import policy (import-policy.ts): a file that imports an answer is graded as a file
  // that fails to load, with one line saying what it imported and what may be imported.
  const learnerText = readFileSync(plan.studentFile, 'utf8');
  const problem = importProblem(learnerText, `exercises/${plan.id}.ts`);
  if (problem) writeFileSync(join(work, 'exercises', `${plan.id}.ts`), `throw new Error(${JSON.stringify(problem)});\n`);
  else writeFileSync(join(work, 'exercises', `${plan.id}.ts`), learnerText);
  const visibleProbe = join(work, 'test', 'exercises', `${plan.id}.grade.ts`);
  cpSync(join(plan.project, 'test', 'exercises', `${plan.id}.grade.ts`), visibleProbe);
  let hiddenProbe: string | null = null;
  if (plan.hiddenProbe) {
    mkdirSync(join(work, 'instructor', 'hidden'), { recursive: true });
    hiddenProbe = join(work, 'instructor', 'hidden', `${plan.id}.grade.ts`);
    cpSync(plan.hiddenProbe, hiddenProbe);
  }
  const modules = realpathSync(join(plan.project, 'node_modules'));
  symlinkSync(modules, join(work, 'node_modules'), 'junction');
  // The config is a real file (sandbox.config.mts); what differs per grading goes beside it as JSON.
  const config = join(work, 'vitest.config.mts');
  cpSync(join(plan.project, 'grader', 'sandbox.config.mts'), config);
  const values: SandboxValues = {
    report: join(plan.root, 'report.jsonl'),
    work,
    modules,
    cache,
    include: [visibleProbe, ...(hiddenProbe ? [hiddenProbe] : [])].map((f) => relative(work, f)),
    reporter: join(plan.project, 'grader', 'stream-reporter.ts'),
    testTimeout: plan.testTimeout,
    heapMB: plan.heapMB,
  };
  writeFileSync(join(plan.root, 'sandbox.json'), `${JSON.stringify(values, null, 2)}\n`);
  return { work, cache, report: join(plan.root, 'report.jsonl'), config, visibleProbe, hiddenProbe };
}

/** What differs from one grading to the next: `sandbox.json`, which `sandbox.config.mts` reads. */
export interface SandboxValues {
  /** The file the reporter streams results to, and the config's plugin writes the ready line to. */
  readonly report: string;
  /** The sandbox project: lib/, grader/worker/, the probes and the learner's file. */
  readonly work: string;
  /** The real node_modules the worker may read. */
  readonly modules: string;
  /** Vite's cache and the worker's HOME and TMPDIR. */
  readonly cache: string;
  /** The probe files, relative to `work`, visible first. */
  readonly include: string[];
  /** grader/stream-reporter.ts in the grader's project. */
  readonly reporter: string;
  /** Per-test time limit inside vitest, ms. */
  readonly testTimeout: number;
  /** Heap cap of the worker, MB. */
  readonly heapMB: number;
}
