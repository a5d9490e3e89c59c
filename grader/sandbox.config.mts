// The vitest config of a grading sandbox. grader/sandbox.ts copies this file into the sandbox as
// `work/vitest.config.mts` and writes the values of one grading (paths, limits, probe files) to
// `sandbox.json` beside `work/`; this file reads them. It is a real file so that the type
// checker and the linter read the import policy's second half (the resolver below) like any
// other code: it is a security check, and a template string hid it from both.
//
// It runs in vitest's main process, which is trusted; learner code runs in the forked worker
// that `test.execArgv` limits.
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import type { SandboxValues } from './sandbox';

const v = JSON.parse(readFileSync(new URL('../sandbox.json', import.meta.url), 'utf8')) as SandboxValues;

/** Probe files, visible first: their absolute paths, in the order they run. */
const order = v.include.map((f) => `${v.work}/${f}`);

// Visible probes first, then hidden ones: a hang in a hidden test must not cost the visible points already earned.
class InOrder extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => order.indexOf(a.moduleId) - order.indexOf(b.moduleId)));
  }
}

const exercises = resolve(v.work, 'exercises') + sep;
const lib = resolve(v.work, 'lib') + sep;
// The library's public face (lib/index.ts), and lib/exercise/index.ts, which stubs shared before.
const publicFace = ['', 'index', 'index.ts', 'index.js', 'exercise', 'exercise/index', 'exercise/index.ts', 'exercise/index.js'];

/**
 * Where an import from a learner's file may go: null lets the resolver carry on. Learner code may
 * import the library's public face and rxjs, nothing else: no library internals, no tests, no
 * vitest, no `?raw` (import-policy.ts checked the names before the file was copied here).
 */
function resolveLearnerImport(source: string, importer: string | undefined): null {
  if (!importer || !resolve(importer.split('?')[0]).startsWith(exercises)) return null;
  const denied = new Error(`exercises may import ../lib and rxjs only, not ${JSON.stringify(source)}`);
  if (source.includes('?') || source.includes('\0')) throw denied;
  if (source === 'rxjs' || source.startsWith('rxjs/')) return null;
  if (source.startsWith('.')) {
    const target = resolve(importer.split('?')[0], '..', source);
    const inLib = target.startsWith(lib) ? target.slice(lib.length) : target + sep === lib ? '' : null;
    if (inLib !== null && publicFace.includes(inLib)) return null;
  }
  throw denied;
}

export default defineConfig({
  root: v.work,
  cacheDir: `${v.cache}/vite`,
  plugins: [
    {
      name: 'grader-imports',
      enforce: 'pre',
      resolveId: resolveLearnerImport,
      // The worker asks for a probe file once its setup has run and the library is loaded: from
      // then on, the learner's code loads and runs, and the learner's clock starts.
      transform(_code, id) {
        if (order.includes(id.split('?')[0])) appendFileSync(v.report, '{"kind":"ready"}\n');
        return null;
      },
    },
  ],
  test: {
    include: v.include,
    setupFiles: ['grader/worker/setup.ts'],
    sequence: { sequencer: InOrder },
    pool: 'forks',
    isolate: true,
    fileParallelism: false,
    maxWorkers: 1,
    watch: false,
    testTimeout: v.testTimeout,
    hookTimeout: v.testTimeout,
    teardownTimeout: 1000,
    reporters: [v.reporter],
    // Learner output is not shown: it can be huge.
    onConsoleLog: () => false,
    // Probes take no snapshots; point vitest's lookup somewhere the worker may read.
    resolveSnapshotPath: () => `${v.cache}/snapshots/none.snap`,
    execArgv: [
      '--experimental-permission',
      `--allow-fs-read=${v.modules}/*`,
      `--allow-fs-read=${v.work}/node_modules/*`,
      `--allow-fs-read=${v.cache}/*`,
      `--max-old-space-size=${v.heapMB}`,
      '--no-warnings',
    ],
  },
});
