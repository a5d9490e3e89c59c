// `npm run html [-- --reuse]`: runs every notebook, then writes site/<lesson>.html pages whose
// charts draw offline (vega, vega-lite and vega-embed inlined from node_modules, no CDN).
// --reuse converts the notebooks already executed in test-results/notebooks instead of running them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executedDir, lessonNotebooks, NBCLIENT_HINT, runNotebooks } from './notebooks';
import { findJupyterPython } from './probe';
import { jupyterEnv, root, siteDir } from './project';

/** The scripts every page inlines, in load order: vega-embed expects `vega` and `vegaLite` globals. */
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reuse = process.argv.includes('--reuse');
  const lessons = lessonNotebooks();
  if (!reuse) {
    const run = runNotebooks({ notebooks: lessons, echo: true });
    if (!run) {
      console.error(NBCLIENT_HINT);
      process.exit(1);
    }
    if (run.status !== 0) process.exit(run.status);
  }
  const executed = lessons.map((n) => join(executedDir, basename(n))).filter((n) => existsSync(n));
  const failure = buildPages({ executed, out: siteDir });
  if (failure) {
    console.error(failure);
    process.exit(1);
  }
  console.log(`${executed.length} page(s) in ${relative(root, siteDir)}/; open ${relative(root, join(siteDir, 'index.html'))} in a browser (works offline).`);
}
