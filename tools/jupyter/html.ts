// `npm run html [-- 04 07] [-- --reuse]`: writes site/<lesson>.html pages whose charts draw offline
// (vega, vega-lite and vega-embed inlined from node_modules, no CDN), for every lesson or for the
// ones named by number. A lesson is run through Jupyter only when its executed copy in
// test-results/notebooks is not current: the copy is kept with a hash of the notebook, lib's
// sources and the exercises, and reused while they are unchanged. --reuse converts whatever
// executed copies exist, current or not, without running anything.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executedDir, isCurrent, lessonNotebooks, NBCLIENT_HINT, runNotebooks } from './notebooks';
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
