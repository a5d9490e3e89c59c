// A lesson's first cell (issue 18, "A fast first cell"): the cell that imports the kit, against
// a plain cell run in the same kernel, through real Jupyter (nbclient, a fresh tslab kernel).
// Notebooks import the notebook kit (lib compiled to JavaScript with declarations, build/kit);
// the same import from lib's TypeScript sources is timed too, as the baseline it replaced.
// Target: the import costs at most 1 s more than a plain cell. Differences and ratios only.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkLib } from '../tools/jupyter/link-lib.mjs';
import { runNotebooks } from '../tools/jupyter/notebooks';
import { notebooksDir, root } from '../tools/jupyter/project';
import { fmt } from './measure';

/** Lesson 00's import line, from the folder the notebook imports the kit from. */
const importCell = (folder: string) => [
  `import { simulate, explain, twoPhaseCommit, crash, recover, at, afterSend, drop, Envelope, spaceTime, outcomes, show, sweep } from './${folder}/index';\n`,
  'simulate({ protocol: twoPhaseCommit() }).verdict',
];

/** Lesson 04's first cell: more of the kit, and Vega-Lite's own types, which lessons 03 to 08 import for their charts. */
const importCell04 = (folder: string) => [
  `import { simulate, explain, printEvent, catalog, catalogEntry, twoPhaseCommit, crash, recover, at, afterSend, afterReceive, type Run, type TraceEvent, type Trigger, type Fault, onEnter, sweep, spaceTime, outcomes, show, explore, exploreRows, describePlacement, replayLine, matrix } from './${folder}/index';\n`,
  "import type { TopLevelSpec } from 'vega-lite';\n",
  'simulate({ protocol: twoPhaseCommit() }).verdict',
];

function notebook(folder: string, cell = importCell): string {
  const code = (id: string, source: string[]) => ({ cell_type: 'code', id, metadata: {}, execution_count: null, outputs: [], source });
  return JSON.stringify({
    // A plain cell first takes the kernel's own warm-up; the one after the import is the baseline.
    cells: [
      code('warm', ['const warm = 1 + 1;\n', 'warm']),
      code('import', cell(folder)),
      code('plain', ['const plain = 2 + 2;\n', 'plain']),
    ],
    metadata: { kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

// Synchronous inside (each Jupyter run is a child process it waits for); async so that bench/index.ts awaits it like the others.
// eslint-disable-next-line @typescript-eslint/require-await
export async function benchFirstCell(rounds = 2): Promise<{ kitExtra: number; sourcesExtra: number } | undefined> {
  console.log(linkLib().split('\n')[0]);
  const scratch = mkdtempSync(join(tmpdir(), 'first-cell-'));
  // Inside notebooks/, as a lesson is: a link to lib's sources for the baseline.
  const sources = join(notebooksDir, '.bench-first-cell-sources');
  const kitBook = join(notebooksDir, '.bench-first-cell-kit.ipynb');
  const sourcesBook = join(notebooksDir, '.bench-first-cell-sources.ipynb');
  const kit04Book = join(notebooksDir, '.bench-first-cell-kit-04.ipynb');
  try {
    rmSync(sources, { force: true, recursive: true });
    symlinkSync(join(root, 'lib'), sources, process.platform === 'win32' ? 'junction' : 'dir');
    writeFileSync(kitBook, notebook('lib'));
    writeFileSync(sourcesBook, notebook('.bench-first-cell-sources'));
    writeFileSync(kit04Book, notebook('lib', importCell04));
    const best = {
      kit: { extra: Infinity, ratio: 0, plain: 0 },
      kit04: { extra: Infinity, ratio: 0, plain: 0 },
      sources: { extra: Infinity, ratio: 0, plain: 0 },
    };
    for (let r = 0; r < rounds; r++) {
      const timings = join(scratch, `timings-${r}.json`);
      const run = runNotebooks({ notebooks: [kitBook, kit04Book, sourcesBook], timeoutSeconds: 300, out: scratch, timings });
      if (!run) {
        console.log('first cell: skipped, no Python with nbclient (npm run doctor says what to install)');
        return undefined;
      }
      if (run.status !== 0) throw new Error(`the first-cell notebooks failed:\n${run.stdout}${run.stderr}`);
      const t = JSON.parse(readFileSync(timings, 'utf8')) as Record<string, number[]>;
      for (const [name, book] of [
        ['kit', kitBook],
        ['kit04', kit04Book],
        ['sources', sourcesBook],
      ] as const) {
        const [, imported, plain] = Object.entries(t).find(([k]) => book.endsWith(k.replace(/^.*[\\/]/, '')))![1];
        if (imported - plain < best[name].extra) best[name] = { extra: imported - plain, ratio: imported / plain, plain };
      }
    }
    console.log("first cell through Jupyter (lesson 00's import vs a plain cell, same kernel; best of rounds)");
    console.log(
      `  import of the kit (build/kit)       +${fmt(best.kit.extra)} s over a plain cell (${fmt(best.kit.ratio, 1)}x; plain ${fmt(best.kit.plain)} s)  (target <= +1 s)`,
    );
    console.log(
      `  lesson 04's first cell (kit + vega-lite types)  +${fmt(best.kit04.extra)} s over a plain cell (${fmt(best.kit04.ratio, 1)}x; plain ${fmt(best.kit04.plain)} s)`,
    );
    console.log(
      `  import of lib's TypeScript sources  +${fmt(best.sources.extra)} s over a plain cell (${fmt(best.sources.ratio, 1)}x; plain ${fmt(best.sources.plain)} s)`,
    );
    return { kitExtra: best.kit.extra, sourcesExtra: best.sources.extra };
  } finally {
    for (const f of [kitBook, kit04Book, sourcesBook, sources]) rmSync(f, { force: true, recursive: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('first-cell.ts')) {
  benchFirstCell().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
