// A chart a learner can read at a glance (issue 18): no two texts drawn over each other, no
// mark outside its plot. The article's figures put one column per node and a readable label
// on every message (the article, figs. 1-4; Lamport's space-time diagrams): every space-time
// diagram of the catalog, and every chart the lessons draw, is laid out in Chromium here and
// its text boxes measured. Needs Debian's chromium: skipped with a note where it is missing,
// failed where CI is set, since CI installs it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catalog,
  catalogEntry,
  matrix,
  outcomes,
  paxosCommit,
  simulate,
  spaceTime,
  sweep,
  threePhaseCommit,
  toSVG,
  twoPhaseCommit,
} from '../lib';
import { findExecutable } from '../tools/jupyter/probe';
import { executedDir, isCurrent, lessonNotebooks, NBCLIENT_HINT, runNotebooks } from '../tools/jupyter/notebooks';
import { everyMark } from './support/runs';
import { crowding, type Crowding } from './support/text-boxes';

const chromiumPath =
  process.env.CHROMIUM_PATH ?? ['chromium', 'chromium-browser', 'google-chrome'].map((n) => findExecutable(n)?.path).find(Boolean);
/** Never downloads anything, never phones home: the browser the machine has, quiet, with a profile of its own. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: BrowserContext | undefined;
let page: Page | undefined;
let profile = '';

beforeAll(async () => {
  if (!chromiumPath) return;
  profile = mkdtempSync(join(tmpdir(), 'course-chromium-'));
  // A fresh profile each run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

function needChromium(skip: (note: string) => void): void {
  if (chromiumPath) return;
  if (process.env.CI) throw new Error('CI must run the chart layout test; missing Chromium (Debian: apt-get install chromium)');
  skip('skipped: missing Chromium (Debian: sudo apt-get install chromium; or set CHROMIUM_PATH)');
}

/** Every problem, one line each, named by its chart: what the test prints when it fails. */
function report(results: readonly Crowding[]): string[] {
  return results.flatMap((r) => [
    ...r.overlaps.map((o) => `${r.chart}: text ${o}`),
    ...r.outside.map((o) => `${r.chart}: outside the plot: ${o}`),
  ]);
}

async function measure(charts: readonly { chart: string; svg: string }[]): Promise<Crowding[]> {
  const results: Crowding[] = [];
  // A handful of charts per page load keeps each layout small.
  for (let i = 0; i < charts.length; i += 8) results.push(...(await crowding(page!, charts.slice(i, i + 8))));
  const crowded = results.filter((r) => r.overlaps.length > 0 || r.outside.length > 0);
  const pairs = results.reduce((n, r) => n + r.overlaps.length, 0);
  console.log(
    `${crowded.length} of ${results.length} charts crowded; ${pairs} overlapping text pairs, ${results.reduce((n, r) => n + r.outside.length, 0)} marks outside their plot`,
  );
  return results;
}

describe('charts a learner reads at a glance (issue 18; the article, figs. 1-4)', () => {
  it('the space-time diagram of every catalog case has no two texts over each other and no mark outside its plot', async (ctx) => {
    needChromium((note) => ctx.skip(note));
    const charts = await Promise.all(
      catalog.map(async (entry) => ({ chart: entry.id, svg: await toSVG(spaceTime(simulate(entry.scenario))) })),
    );
    expect(charts.length).toBeGreaterThan(30);
    expect(report(await measure(charts))).toEqual([]);
  }, 240_000);

  it('so do the charts the lessons draw: whole runs, side by side, every fault kind, ten voters, outcome bars and the placement matrix', async (ctx) => {
    needChromium((note) => ctx.skip(note));
    const pair = catalogEntry('2pc/coordinator-and-voter-crash-in-commit').scenario;
    const fig3 = catalogEntry('3pc/coordinator-and-voter-crash').scenario;
    const paxos = simulate(catalogEntry('paxos/coordinator-and-voter-crash-in-commit').scenario);
    const netCases = catalog.filter((c) => c.id.startsWith('net/')).slice(0, 2);
    const rows = sweep({
      base: { protocol: twoPhaseCommit(), horizon: 200 },
      vary: {
        protocol: [twoPhaseCommit(), twoPhaseCommit({ termination: 'cooperative' }), threePhaseCommit()],
        'network.loss': [0, 0.1, 0.2, 0.3],
      },
      seeds: 10,
    });
    const specs = {
      'every fault kind, 3 voters': spaceTime(everyMark()),
      'every fault kind, 10 voters': spaceTime(everyMark(10)),
      'every fault kind, the whole run': spaceTime(everyMark(), { to: 81 }),
      'side by side: wait and cooperative': spaceTime([
        simulate(pair),
        simulate({ ...pair, protocol: twoPhaseCommit({ termination: 'cooperative' }) }),
      ]),
      'side by side: 2PC and 3PC, fig. 3': spaceTime([simulate(pair), simulate(fig3)], {
        title: ['2PC, fig. 3: blocked', '3PC, fig. 3: committed'],
      }),
      'side by side, 340 px each (lesson 01)': spaceTime(
        netCases.map((c) => simulate(c.scenario)),
        { title: netCases.map((c) => c.id), width: 340 },
      ),
      'paxos commit to t=60 (lesson 08)': spaceTime(paxos, { to: 60 }),
      'paxos commit, 5 acceptors': spaceTime(simulate({ protocol: paxosCommit({ acceptors: 5 }), voters: 3, seed: 1 })),
      'outcomes against loss': outcomes(rows, { x: 'network.loss', xTitle: 'message loss', title: '2PC and 3PC, random loss' }),
      'placement matrix': matrix([
        { placement: 'coordinator crashes after prepare to v1', protocol: 'twoPhaseCommit', verdict: 'blocked' },
        { placement: 'coordinator crashes after prepare to v1', protocol: 'threePhaseCommit', verdict: 'aborted' },
        { placement: 'v1 crashes after receiving commit from the coordinator', protocol: 'twoPhaseCommit', verdict: 'committed' },
        { placement: 'v1 crashes after receiving commit from the coordinator', protocol: 'threePhaseCommit', verdict: 'committed' },
      ]),
    };
    const charts = await Promise.all(Object.entries(specs).map(async ([chart, spec]) => ({ chart, svg: await toSVG(spec) })));
    expect(report(await measure(charts))).toEqual([]);
  }, 240_000);

  // The very charts the lessons drew, as executed into test-results/notebooks (by npm run notebooks,
  // npm run html or the notebooks test). In CI, lessons whose executed copy is not current are run first.
  it('so does every chart in the lessons, as executed through Jupyter', async (ctx) => {
    needChromium((note) => ctx.skip(note));
    const stale = lessonNotebooks().filter((n) => !isCurrent(n));
    if (stale.length > 0 && process.env.CI) {
      const run = runNotebooks({ notebooks: stale, timeoutSeconds: 120 });
      if (!run) throw new Error(`CI must run the lessons: ${NBCLIENT_HINT}`);
    }
    const executed = existsSync(executedDir) ? readdirSync(executedDir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)) : [];
    if (executed.length === 0) ctx.skip('skipped: no executed lessons in test-results/notebooks (npm run notebooks makes them)');
    const charts = executed.flatMap((file) => {
      const nb = JSON.parse(readFileSync(join(executedDir, file), 'utf8')) as {
        cells: { outputs?: { data?: Record<string, string | string[]> }[] }[];
      };
      return nb.cells.flatMap((cell, c) =>
        (cell.outputs ?? []).flatMap((o, k) => {
          const svg = o.data?.['image/svg+xml'];
          return svg === undefined ? [] : [{ chart: `${file} cell ${c} output ${k}`, svg: Array.isArray(svg) ? svg.join('') : svg }];
        }),
      );
    });
    expect(charts.length).toBeGreaterThan(0);
    expect(report(await measure(charts))).toEqual([]);
  }, 900_000);
});
