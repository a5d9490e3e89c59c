// `npm run html [-- 04 07] [-- --reuse]`: writes site/<lesson>.html pages whose charts draw offline
// (vega, vega-lite and vega-embed inlined from node_modules, no CDN), for every lesson or for the
// ones named by number. A lesson is run through Jupyter only when its executed copy in
// test-results/notebooks is not current: the copy is kept with a hash of the notebook, lib's
// sources and the exercises, and reused while they are unchanged. --reuse converts whatever
// executed copies exist, current or not, without running anything.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kitHash } from './kit.mjs';
import { executedDir, lessonNotebooks, NBCLIENT_HINT, runNotebooks } from './notebooks';
import { findJupyterPython } from './probe';
import { jupyterEnv, root, siteDir } from './project';

/** The scripts every page inlines, in load order: vega-embed expects `vega` and `vega-lite` globals. */
export const chartScripts = [
  join(root, 'node_modules', 'vega', 'build', 'vega.min.js'),
  join(root, 'node_modules', 'vega-lite', 'build', 'vega-lite.min.js'),
  join(root, 'node_modules', 'vega-embed', 'build', 'vega-embed.min.js'),
];

/**
 * Converts executed notebooks (with outputs) into HTML pages in `out`. Returns the failure text, or '' on success.
 *
 * @example buildPages({ executed: ['test-results/notebooks/00-how-the-kit-works.ipynb'], out: 'site' }) // ''
 */
export function buildPages(options: { executed: readonly string[]; out: string }): string {
  const python = findJupyterPython('nbconvert');
  if (!python) return NBCLIENT_HINT;
  const args = [join(root, 'tools', 'jupyter', 'export_html.py'), `--out=${options.out}`, ...chartScripts.map((s) => `--script=${s}`), ...options.executed];
  const result = spawnSync(python, args, { cwd: root, env: jupyterEnv(), encoding: 'utf8' });
  if (result.error) return result.error.message;
  return result.status === 0 ? '' : `${result.stdout}${result.stderr}`;
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

/** True when the executed copy of `notebook` was made from the notebook, lib and exercises as they are now. */
export function isCurrent(notebook: string): boolean {
  const executed = join(executedDir, basename(notebook));
  return existsSync(executed) && existsSync(hashFile(notebook)) && readFileSync(hashFile(notebook), 'utf8').trim() === lessonHash(notebook);
}

/** The lessons named on the command line by number (`04`, `4`) or file name; every lesson when none is named. */
export function selectLessons(names: readonly string[], lessons = lessonNotebooks()): string[] {
  if (names.length === 0) return lessons;
  return names.map((name) => {
    const number = /^\d+$/.test(name) ? name.padStart(2, '0') : null;
    const found = lessons.find((l) => (number ? basename(l).startsWith(`${number}-`) : basename(l) === name || basename(l, '.ipynb') === name));
    if (!found) throw new Error(`lesson ${JSON.stringify(name)}: no such notebook; lessons are ${lessons.map((l) => basename(l, '.ipynb')).join(', ')}`);
    return found;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const reuse = args.includes('--reuse');
  let lessons: string[];
  try {
    lessons = selectLessons(args.filter((a) => !a.startsWith('--')));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (!reuse) {
    const stale = lessons.filter((n) => !isCurrent(n));
    const fresh = lessons.filter((n) => !stale.includes(n));
    if (fresh.length > 0) console.log(`reusing ${fresh.length} executed lesson(s), unchanged since their last run: ${fresh.map((n) => basename(n, '.ipynb')).join(', ')}`);
    if (stale.length > 0) {
      const run = runNotebooks({ notebooks: stale, echo: true });
      if (!run) {
        console.error(NBCLIENT_HINT);
        process.exit(1);
      }
      // Only a lesson that ran to the end is kept as current.
      const failed = new Set(stale.filter((n) => run.status !== 0 && !isExecutedCleanly(n)));
      for (const n of stale) if (!failed.has(n)) writeFileSync(hashFile(n), `${lessonHash(n)}\n`);
      if (run.status !== 0) process.exit(run.status);
    }
  }
  const executed = lessons.map((n) => join(executedDir, basename(n))).filter((n) => existsSync(n));
  const failure = buildPages({ executed, out: siteDir });
  if (failure) {
    console.error(failure);
    process.exit(1);
  }
  console.log(`${executed.length} page(s) in ${relative(root, siteDir)}/; open ${relative(root, join(siteDir, 'index.html'))} in a browser (works offline).`);
}

/** After a failed run: whether this notebook's executed copy has every code cell run (the failure was another's). */
function isExecutedCleanly(notebook: string): boolean {
  const executed = join(executedDir, basename(notebook));
  if (!existsSync(executed)) return false;
  const nb = JSON.parse(readFileSync(executed, 'utf8')) as { cells: { cell_type: string; execution_count?: number | null; outputs?: { name?: string }[] }[] };
  return nb.cells.every((c) => c.cell_type !== 'code' || (typeof c.execution_count === 'number' && !(c.outputs ?? []).some((o) => o.name === 'stderr')));
}
