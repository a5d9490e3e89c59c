// `npm run notebooks [-- NOTEBOOK...]`: runs every notebook under notebooks/ through real Jupyter,
// each on a fresh tslab kernel, and on failure prints the notebook, the cell, its source and its stderr.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kitHash } from './kit.mjs';
import { linkLib } from './link-lib.mjs';
import { findJupyterPython } from './probe';
import { jupyterEnv, notebooksDir, resultsDir, root } from './project';

/** Where executed notebooks (with their outputs) are written. */
export const executedDir = join(resultsDir, 'notebooks');

/** Every lesson notebook, in lesson order. */
export function lessonNotebooks(): string[] {
  return readdirSync(notebooksDir)
    .filter((name) => name.endsWith('.ipynb'))
    .sort()
    .map((name) => join(notebooksDir, name));
}

export interface NotebookRun {
  /** 0 when every notebook ran to the end. */
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `notebooks` through the nbclient runner with the Python that has nbclient.
 * Returns undefined when no such Python exists (Jupyter is not installed).
 *
 * @example runNotebooks({ notebooks: lessonNotebooks() })?.status // 0
 */
export function runNotebooks(options: {
  notebooks: readonly string[];
  timeoutSeconds?: number;
  out?: string;
  echo?: boolean;
  timings?: string;
}): NotebookRun | undefined {
  const python = findJupyterPython('nbclient');
  if (!python) return undefined;
  linkLib();
  const args = [
    join(root, 'tools', 'jupyter', 'run_notebooks.py'),
    `--timeout=${options.timeoutSeconds ?? 180}`,
    `--out=${options.out ?? executedDir}`,
    ...(options.timings ? [`--timings=${options.timings}`] : []),
    // Relative names read better in the runner's report; the runner works from the project root.
    ...options.notebooks.map((n) => relative(root, n)),
  ];
  const result = spawnSync(python, args, {
    cwd: root,
    env: jupyterEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: options.echo ? 'inherit' : 'pipe',
  });
  if (result.error) throw result.error;
  // A lesson that ran to the end into executedDir is current until it, lib or the exercises change.
  const out = resolve(options.out ?? executedDir);
  if (out === resolve(executedDir)) for (const n of options.notebooks) if (ranCleanly(n)) writeFileSync(hashFile(n), `${lessonHash(n)}\n`);
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/**
 * What an executed lesson depends on: the notebook, lib (through the kit's hash) and the
 * learner's exercises, which lesson cells import.
 *
 * @example lessonHash('notebooks/04-2pc-under-failure.ipynb') // 'c0ffee...'
 */
export function lessonHash(notebook: string): string {
  const hash = createHash('sha256').update(readFileSync(notebook)).update(kitHash(root));
  const exercises = join(root, 'exercises');
  if (existsSync(exercises)) {
    for (const f of readdirSync(exercises).sort()) if (f.endsWith('.ts')) hash.update(f).update(readFileSync(join(exercises, f)));
  }
  return hash.digest('hex');
}

const hashFile = (notebook: string) => join(executedDir, `${basename(notebook, '.ipynb')}.hash`);

/** True when the executed copy of `notebook` in executedDir was made from the notebook, lib and exercises as they are now. */
export function isCurrent(notebook: string): boolean {
  const executed = join(executedDir, basename(notebook));
  return existsSync(executed) && existsSync(hashFile(notebook)) && readFileSync(hashFile(notebook), 'utf8').trim() === lessonHash(notebook);
}

/** Whether the executed copy of this notebook has every code cell run, with nothing on stderr. */
function ranCleanly(notebook: string): boolean {
  const executed = join(executedDir, basename(notebook));
  if (!existsSync(executed)) return false;
  const nb = JSON.parse(readFileSync(executed, 'utf8')) as { cells: { cell_type: string; execution_count?: number | null; outputs?: { name?: string; output_type?: string }[] }[] };
  return nb.cells.every((c) => c.cell_type !== 'code' || (typeof c.execution_count === 'number' && !(c.outputs ?? []).some((o) => o.name === 'stderr' || o.output_type === 'error')));
}

/** What to install when nbclient is missing. */
export const NBCLIENT_HINT =
  'No Python with nbclient was found. Debian/Ubuntu: sudo apt-get install jupyter-nbconvert jupyter-client python3-nbclient; elsewhere: pip install nbclient (npm start can also install JupyterLab, which brings it, into .venv).';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const named = process.argv.slice(2);
  const notebooks = named.length > 0 ? named : lessonNotebooks();
  console.log(`Running ${notebooks.length} notebook(s) on fresh tslab kernels: ${notebooks.map((n) => relative(root, n)).join(', ')}`);
  const run = runNotebooks({ notebooks, echo: true });
  if (!run) {
    console.error(NBCLIENT_HINT);
    process.exit(1);
  }
  if (run.status === 0) console.log(`Executed notebooks are in ${relative(root, executedDir)}/.`);
  process.exit(run.status);
}
