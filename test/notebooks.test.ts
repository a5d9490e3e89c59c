// Every lesson runs top to bottom through real Jupyter, and its charts arrive in a form every
// front end can draw (issue 11, "Proof in CI"; docs/DESIGN.md, "Charts" and "Notebooks in Jupyter").
// Needs Jupyter's nbclient (Debian: python3-nbclient): skipped with a note where it is missing,
// failed where CI is set, since CI installs it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { executedDir, lessonNotebooks, NBCLIENT_HINT, runNotebooks, type NotebookRun } from '../tools/jupyter/notebooks';
import { findJupyterPython } from '../tools/jupyter/probe';
import { resultsDir } from '../tools/jupyter/project';
import { deliveredIn, messageArrowsIn } from './support/space-time-svg';

const VEGA_LITE = 'application/vnd.vegalite.v5+json';
const SVG = 'image/svg+xml';

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: string | string[];
  outputs?: Output[];
  execution_count?: number | null;
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string } };
}

const read = (path: string): Notebook => JSON.parse(readFileSync(path, 'utf8')) as Notebook;
const text = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join('') : value ?? '');
/**
 * How many charts a cell shows by itself: one per top-level statement `show(...)` or `await show(...)`
 * (an indented `show(` sits in a helper the cell only defines). Each must leave one display output.
 */
const showCalls = (cell: Cell): number =>
  cell.cell_type === 'code' ? (text(cell.source).match(/^(?:await\s+)?show\(/gm) ?? []).length : 0;
const isChartCell = (cell: Cell): boolean => showCalls(cell) > 0;
const isChart = (o: Output): boolean => Boolean(o.data && (VEGA_LITE in o.data || SVG in o.data));

describe('the committed notebooks', () => {
  it.each(lessonNotebooks().map((path) => [basename(path), path]))(
    '%s is committed without outputs, on the tslab kernel',
    (_name, path) => {
      const nb = read(path);
      expect(nb.metadata.kernelspec?.name).toBe('tslab');
      const withOutputs = nb.cells
        .map((cell, index) => ({ index, cell }))
        .filter(({ cell }) => cell.cell_type === 'code' && ((cell.outputs ?? []).length > 0 || cell.execution_count != null))
        .map(({ index }) => index);
      expect(withOutputs, 'strip outputs before committing: they bloat diffs and go stale').toEqual([]);
    },
  );
});

const python = findJupyterPython('nbclient');
if (!python && !process.env.CI) console.warn(`notebook tests skipped: ${NBCLIENT_HINT}`);

describe('the notebooks in real Jupyter', () => {
  let run: NotebookRun | undefined;

  beforeAll(() => {
    // The limit is there to stop a notebook that hangs, not to time one: here the notebooks share two
    // cores with the rest of the suite (and, on a developer's machine, with whatever else runs), so
    // each gets five minutes, far past the 10-40 s one takes, and the whole run half an hour.
    if (python) run = runNotebooks({ notebooks: lessonNotebooks(), out: executedDir, timeoutSeconds: 300 });
  }, 1_800_000);

  const needJupyter = (skip: (note: string) => void): void => {
    if (python) return;
    if (process.env.CI) throw new Error(`CI must run the notebooks through Jupyter. ${NBCLIENT_HINT}`);
    skip(`skipped: ${NBCLIENT_HINT}`);
  };

  it('run every notebook top to bottom, each on a fresh tslab kernel, within its time budget', (ctx) => {
    needJupyter((note) => ctx.skip(note));
    // The runner's stderr names the notebook, the failing cell, its source and its stderr.
    expect(run?.status, `${run?.stdout ?? ''}\n${run?.stderr ?? ''}`).toBe(0);
  });

  it('give every show() one display output carrying both Vega-Lite (JupyterLab, VS Code) and SVG (Notebook 6, GitHub)', (ctx) => {
    needJupyter((note) => ctx.skip(note));
    const problems: string[] = [];
    let charts = 0;
    for (const path of lessonNotebooks()) {
      read(join(executedDir, basename(path))).cells.forEach((cell, index) => {
        const bundles = (cell.outputs ?? []).filter(isChart);
        charts += bundles.length;
        if (isChartCell(cell) && bundles.length !== showCalls(cell)) {
          problems.push(`${basename(path)} cell ${index}: ${bundles.length} chart outputs for ${showCalls(cell)} show() calls`);
        }
        // Every chart output, from show() here or from a helper that calls it, carries all three views.
        for (const o of bundles) {
          const missing = [VEGA_LITE, SVG, 'text/plain'].filter((mime) => !(mime in (o.data ?? {})));
          if (missing.length > 0) problems.push(`${basename(path)} cell ${index}: no ${missing.join(', ')}`);
          else if (!text(o.data?.[SVG] as string | string[]).includes('<svg'))
            problems.push(`${basename(path)} cell ${index}: the SVG is empty`);
        }
      });
    }
    expect(charts).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("draw lesson 00's first space-time diagram with one arrow per message its run delivered", (ctx) => {
    needJupyter((note) => ctx.skip(note));
    const cells = read(join(executedDir, '00-how-the-kit-works.ipynb')).cells;
    const chartIndex = cells.findIndex((cell) => isChartCell(cell) && /spaceTime\(/.test(text(cell.source)));
    expect(chartIndex).toBeGreaterThan(0);
    // The run's own account of itself, printed by explain() before the chart: "stats: 12 messages sent, 12 delivered, ..."
    const printed = cells.slice(0, chartIndex).flatMap((cell) => cell.outputs ?? []).map((o) => text(o.text)).join('\n');
    const delivered = deliveredIn(printed);
    expect(delivered).toBeGreaterThan(0);
    const chart = (cells[chartIndex].outputs ?? []).find((o) => o.data && SVG in o.data)!;
    expect(messageArrowsIn(text(chart.data![SVG] as string | string[]))).toBe(delivered);
  });

  it('name the notebook, the cell, its source and its stderr when a cell fails (nbconvert would only say "an error occurred")', (ctx) => {
    needJupyter((note) => ctx.skip(note));
    const dir = join(resultsDir, 'runner-check');
    mkdirSync(dir, { recursive: true });
    const broken = join(dir, 'broken.ipynb');
    const cell = (source: string) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });
    writeFileSync(broken, JSON.stringify({
      cells: [cell('const fine = 1;'), cell('const wrong: number = "seven";')],
      metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
      nbformat: 4,
      nbformat_minor: 4,
    }));
    const failed = runNotebooks({ notebooks: [broken], out: join(dir, 'executed') });
    expect(failed?.status).toBe(1);
    expect(failed?.stderr).toContain('broken.ipynb, cell 1');
    expect(failed?.stderr).toContain('const wrong: number = "seven";');
    expect(failed?.stderr).toMatch(/Type 'string' is not assignable to type 'number'/);
  }, 120_000);
});
