// `npm run notebooks:strip [-- NOTEBOOK...]`: removes outputs and execution counts, so notebooks are
// committed as lessons, not as one run of them (outputs bloat diffs, go stale, and hide a broken cell).
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lessonNotebooks } from './notebooks';
import { root } from './project';

interface Cell {
  cell_type: string;
  outputs?: unknown[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

/**
 * The notebook's JSON text without outputs, execution counts or per-cell execution timings.
 *
 * @example stripped('{"cells":[{"cell_type":"code","outputs":[{}],"execution_count":3,"source":"1"}]}')
 */
export function stripped(json: string): string {
  const nb = JSON.parse(json) as { cells: Cell[] };
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'code') continue;
    cell.outputs = [];
    cell.execution_count = null;
    if (cell.metadata) delete cell.metadata.execution;
  }
  // nbformat's own layout (one-space indent, trailing newline), so a stripped file diffs cleanly.
  return `${JSON.stringify(nb, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const named = process.argv.slice(2);
  for (const path of named.length > 0 ? named : lessonNotebooks()) {
    const before = readFileSync(path, 'utf8');
    const after = stripped(before);
    if (after !== before) writeFileSync(path, after);
    console.log(`${after === before ? 'clean   ' : 'stripped'} ${relative(root, path)}`);
  }
}
