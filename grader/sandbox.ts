/**
 * A throwaway project in a temporary folder for grading one exercise: pristine
 * copies of `lib/`, the probes and the worker side of the grader, the learner's
 * one allowed file, and a vitest config that runs learner code in a forked,
 * permission-limited process. Nothing the learner wrote besides that file is copied.
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
  const config = join(work, 'vitest.config.mts');
  writeFileSync(config, configText({
    report: join(plan.root, 'report.jsonl'),
    work,
    modules,
    cache,
    include: [visibleProbe, ...(hiddenProbe ? [hiddenProbe] : [])].map((f) => relative(work, f)),
    reporter: join(plan.project, 'grader', 'stream-reporter.ts'),
    testTimeout: plan.testTimeout,
    heapMB: plan.heapMB,
  }));
  return { work, cache, report: join(plan.root, 'report.jsonl'), config, visibleProbe, hiddenProbe };
}

interface ConfigValues {
  report: string;
  work: string;
  modules: string;
  cache: string;
  include: string[];
  reporter: string;
  testTimeout: number;
  heapMB: number;
}

function configText(v: ConfigValues): string {
  const json = (x: unknown) => JSON.stringify(x);
  return `// Written by the grader for one exercise; see grader/sandbox.ts.
import { appendFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const order = ${json(v.include.map((f) => v.work + '/' + f))};

// Visible probes first, then hidden ones: a hang in a hidden test must not cost the visible points already earned.
class InOrder extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => order.indexOf(a.moduleId) - order.indexOf(b.moduleId));
  }
}

const work = ${json(v.work)};
const exercises = resolve(work, 'exercises') + sep;
const lib = resolve(work, 'lib') + sep;
// The library's public face (lib/index.ts), and lib/exercise/index.ts, which stubs shared before.
const publicFace = ['', 'index', 'index.ts', 'index.js', 'exercise', 'exercise/index', 'exercise/index.ts', 'exercise/index.js'];

export default defineConfig({
  root: work,
  cacheDir: ${json(v.cache + '/vite')},
  plugins: [{
    // Learner code may import the library's public face and rxjs, nothing else: no library
    // internals, no tests, no vitest, no ?raw (import-policy.ts checked the names before).
    name: 'grader-imports',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !resolve(importer.split('?')[0]).startsWith(exercises)) return null;
      const denied = () => { throw new Error('exercises may import ../lib and rxjs only, not ' + JSON.stringify(source)); };
      if (source.includes('?') || source.includes('\\0')) denied();
      if (source === 'rxjs' || source.startsWith('rxjs/')) return null;
      if (source.startsWith('.')) {
        const target = resolve(importer.split('?')[0], '..', source);
        const inLib = target.startsWith(lib) ? target.slice(lib.length) : target + sep === lib ? '' : null;
        if (inLib !== null && publicFace.includes(inLib)) return null;
      }
      denied();
    },
    // The worker asks for a probe file once its setup has run and the library is loaded: from
    // then on, the learner's code loads and runs, and the learner's clock starts.
    transform(_code, id) {
      if (order.includes(id.split('?')[0])) appendFileSync(${json(v.report)}, '{"kind":"ready"}\\n');
      return null;
    },
  }],
  test: {
    include: ${json(v.include)},
    setupFiles: ['grader/worker/setup.ts'],
    sequence: { sequencer: InOrder },
    pool: 'forks',
    isolate: true,
    fileParallelism: false,
    maxWorkers: 1,
    watch: false,
    testTimeout: ${v.testTimeout},
    hookTimeout: ${v.testTimeout},
    teardownTimeout: 1000,
    reporters: [${json(v.reporter)}],
    // Learner output is not shown: it can be huge.
    onConsoleLog: () => false,
    // Probes take no snapshots; point vitest's lookup somewhere the worker may read.
    resolveSnapshotPath: () => ${json(v.cache + '/snapshots/none.snap')},
    execArgv: [
      '--experimental-permission',
      ${json('--allow-fs-read=' + v.modules + '/*')},
      ${json('--allow-fs-read=' + v.work + '/node_modules/*')},
      ${json('--allow-fs-read=' + v.cache + '/*')},
      '--max-old-space-size=${v.heapMB}',
      '--no-warnings',
    ],
  },
});
`;
}
