// A student's view, in a real browser (issue 11, "Proof in CI"): Jupyter Notebook on loopback,
// lesson 00 opened in headless Chromium, every cell run, the space-time chart drawn with its
// message arrows; then the same executed lesson as a static page, drawn offline.
// Needs Debian's jupyter-notebook and chromium: skipped with a note where either is missing,
// failed where CI is set, since CI installs both.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPages } from '../tools/jupyter/html';
import { findExecutable } from '../tools/jupyter/probe';
import { jupyterEnv, notebooksDir, resultsDir, root } from '../tools/jupyter/project';
import { deliveredIn, MESSAGE_ARROW_SELECTOR } from './support/space-time-svg';

const LESSON = '00-how-the-kit-works.ipynb';
const workDir = join(resultsDir, 'browser');
const chromiumPath =
  process.env.CHROMIUM_PATH ?? ['chromium', 'chromium-browser', 'google-chrome'].map((n) => findExecutable(n)?.path).find(Boolean);
const notebookApp = findExecutable('jupyter-notebook');
const missing = [
  chromiumPath ? '' : 'Chromium (Debian: sudo apt-get install chromium; or set CHROMIUM_PATH)',
  notebookApp ? '' : 'Jupyter Notebook (Debian: sudo apt-get install jupyter-notebook)',
].filter(Boolean);
if (missing.length > 0 && !process.env.CI) console.warn(`browser test skipped: missing ${missing.join('; ')}`);

/** Never downloads anything, never phones home: the browser the machine has, quiet. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Jupyter Notebook exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Jupyter Notebook did not answer at ${url} within 60 s:\n${log()}`);
}

describe('lesson 00 in a real browser', () => {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let serverLog = '';
  let baseUrl = '';
  const token = randomBytes(16).toString('hex');

  const needTools = (skip: (note: string) => void): void => {
    if (missing.length === 0) return;
    if (process.env.CI) throw new Error(`CI must run the browser test; missing: ${missing.join('; ')}`);
    skip(`skipped: missing ${missing.join('; ')}`);
  };

  beforeAll(async () => {
    if (missing.length > 0) return;
    // Run a copy, so that neither Jupyter's autosave nor a checkpoint ever writes outputs into notebooks/.
    rmSync(workDir, { recursive: true, force: true });
    const copyDir = join(workDir, 'notebooks');
    mkdirSync(copyDir, { recursive: true });
    copyFileSync(join(notebooksDir, LESSON), join(copyDir, LESSON));
    // What the lesson's own notebooks/lib links to (the notebook kit, or lib where the kit cannot be
    // built): a student's view, and the only form in which the student version's compiled modules
    // load in tslab. Inside the project, so that lib's own imports (rxjs, vega) resolve from node_modules.
    symlinkSync(realpathSync(join(notebooksDir, 'lib')), join(copyDir, 'lib'), 'junction');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const args = [
      '--no-browser',
      '--ip=127.0.0.1',
      `--port=${port}`,
      '--port-retries=0',
      `--NotebookApp.token=${token}`,
      `--notebook-dir=${copyDir}`,
    ];
    if (process.getuid?.() === 0) args.push('--allow-root');
    const scratch = mkdtempSync(join(tmpdir(), 'course-jupyter-'));
    server = spawn(notebookApp!.path, args, {
      cwd: root,
      env: { ...jupyterEnv(), JUPYTER_RUNTIME_DIR: join(scratch, 'runtime'), JUPYTER_CONFIG_DIR: join(scratch, 'config') },
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
    await waitForServer(`${baseUrl}/api/status?token=${token}`, server, () => serverLog);
    browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.pid && server.exitCode === null) {
      // The server's process group holds the kernels it started: end them together.
      try {
        if (process.platform === 'win32') server.kill();
        else process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });

  it('runs every cell of lesson 00 in Jupyter Notebook and draws the space-time chart with its message arrows', async (ctx) => {
    needTools((note) => ctx.skip(note));
    const p = page!;
    await p.goto(`${baseUrl}/notebooks/${LESSON}?token=${token}`);
    await p.waitForFunction(() => {
      const nb = (globalThis as any).Jupyter?.notebook;
      return Boolean(nb?.kernel?.is_connected?.() && nb.kernel.info_reply?.protocol_version);
    }, undefined, { timeout: 60_000 });
    await p.evaluate(() => {
      const nb = (globalThis as any).Jupyter.notebook;
      nb.set_autosave_interval(0);
      nb.execute_all_cells();
    });
    // execute_all_cells marks every code cell '*' at once; a cell that fails stops the rest, which lose their '*'.
    await p.waitForFunction(() => {
      const cells = (globalThis as any).Jupyter.notebook.get_cells().filter((c: any) => c.cell_type === 'code');
      return cells.every((c: any) => c.input_prompt_number !== '*');
    }, undefined, { timeout: 90_000, polling: 500 });
    const notRun = await p.evaluate(() =>
      (globalThis as any).Jupyter.notebook.get_cells()
        .map((c: any, index: number) => ({ c, index }))
        .filter(({ c }: any) => c.cell_type === 'code' && typeof c.input_prompt_number !== 'number')
        .map(({ index }: any) => index),
    );

    const failures = await p.evaluate(() =>
      (globalThis as any).Jupyter.notebook.get_cells().flatMap((c: any, index: number) =>
        (c.output_area?.outputs ?? [])
          .filter((o: any) => o.output_type === 'error' || o.name === 'stderr')
          .map((o: any) => `cell ${index}: ${o.text ?? `${o.ename}: ${o.evalue}`}`),
      ),
    );
    expect(failures).toEqual([]);
    expect(notRun, 'cells the browser never ran').toEqual([]);

    // The first space-time chart, as Notebook 6 draws it: the SVG of the display bundle.
    const chartCell = p.locator('.cell.code_cell', { has: p.locator('.input_area', { hasText: 'show(spaceTime(' }) }).first();
    const chart = chartCell.locator('.output_svg svg').first();
    await chart.waitFor({ state: 'attached', timeout: 30_000 });
    const delivered = deliveredIn(await p.locator('.output_stdout').allInnerTexts().then((t) => t.join('\n')));
    expect(delivered).toBeGreaterThan(0);
    expect(await chart.locator(MESSAGE_ARROW_SELECTOR).count()).toBe(delivered);

    mkdirSync(resultsDir, { recursive: true });
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: join(resultsDir, 'lesson-00-space-time.png') });
    await p.screenshot({ path: join(resultsDir, 'lesson-00-notebook.png'), fullPage: true });

    // Keep the run: the static page below is built from exactly these outputs.
    await p.evaluate(() => (globalThis as any).Jupyter.notebook.save_notebook());
    await p.waitForFunction(() => !(globalThis as any).Jupyter.notebook.dirty, undefined, { timeout: 30_000 });
  }, 240_000);

  it('builds the executed lesson into a static page whose charts draw offline', async (ctx) => {
    needTools((note) => ctx.skip(note));
    const executed = join(workDir, 'notebooks', LESSON);
    expect(existsSync(executed)).toBe(true);
    const site = join(workDir, 'site');
    expect(buildPages({ executed: [executed], out: site })).toBe('');

    const p = page!;
    const offline: string[] = [];
    p.on('request', (request) => {
      if (!/^(file|data|blob):/.test(request.url())) offline.push(request.url());
    });
    await p.goto(pathToFileURL(join(site, LESSON.replace('.ipynb', '.html'))).href);
    const chart = p.locator('.course-chart .course-vega svg').first();
    await chart.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await p.locator('.course-chart').count()).toBeGreaterThan(1);
    expect(await chart.locator(MESSAGE_ARROW_SELECTOR).count()).toBeGreaterThan(0);
    expect(offline, 'the page must not fetch anything: vega is inlined').toEqual([]);
    await p.screenshot({ path: join(resultsDir, 'lesson-00-site.png'), fullPage: true });
  }, 120_000);
});
