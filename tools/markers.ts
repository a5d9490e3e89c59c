/**
 * Solution markers: one source for the reference and the student version
 * (after nbgrader's `clearsolutions`). A region
 *
 *     // BEGIN SOLUTION
 *     // HINT: what the learner must do, in one sentence
 *     ...the reference code...
 *     // END SOLUTION
 *
 * becomes, in the student version, one line at the region's indentation:
 *
 *     throw new NotDoneYet('<exercise id>', '<the hint>');
 *
 * A region must sit inside a function body, so that the student version still
 * imports cleanly and fails only when the learner's code is called.
 */

/** A malformed marker, with the file and line a reader should open. */
export class MarkerError extends Error {
  constructor(readonly file: string, readonly line: number, what: string) {
    super(`${file}:${line}: ${what}`);
    this.name = 'MarkerError';
  }
}

const BEGIN = /^(\s*)\/\/\s*BEGIN SOLUTION\s*$/;
const END = /^\s*\/\/\s*END SOLUTION\s*$/;
const HINT = /^\s*\/\/\s*HINT:\s*(.*)$/;
const ANY_MARKER = /\/\/\s*(BEGIN|END) SOLUTION/;

/** The exercise id of a solution file: its name without folder and extension. */
export function exerciseId(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.ts$/, '');
}

/**
 * The student version of one solution file: every marked region replaced by a
 * `NotDoneYet` stub. Throws a `MarkerError` (file:line) on a nested, unclosed,
 * unopened or hint-less region, or when the file has no region at all.
 *
 * @example clearSolutions(readFileSync('solutions/01-duplicate.ts', 'utf8'), 'solutions/01-duplicate.ts')
 */
export function clearSolutions(source: string, file: string): string {
  const id = exerciseId(file);
  const lines = source.split('\n');
  const out: string[] = [];
  let open: { line: number; indent: string; hint: string[] } | null = null;
  let regions = 0;
  lines.forEach((text, i) => {
    const line = i + 1;
    const begin = BEGIN.exec(text);
    if (begin) {
      if (open) throw new MarkerError(file, line, `BEGIN SOLUTION inside the region opened at line ${open.line}; regions cannot nest`);
      open = { line, indent: begin[1], hint: [] };
      return;
    }
    if (END.test(text)) {
      if (!open) throw new MarkerError(file, line, 'END SOLUTION without a BEGIN SOLUTION before it');
      const region: { line: number; indent: string; hint: string[] } = open;
      if (region.hint.length === 0) throw new MarkerError(file, region.line, 'the region has no `// HINT: ...` line telling the learner what to do');
      out.push(`${region.indent}throw new NotDoneYet(${quote(id)}, ${quote(region.hint.join(' '))});`);
      open = null;
      regions++;
      return;
    }
    if (ANY_MARKER.test(text)) throw new MarkerError(file, line, 'a marker must be alone on its line: `// BEGIN SOLUTION` or `// END SOLUTION`');
    if (open) {
      const hint = HINT.exec(text);
      if (hint) (open as { hint: string[] }).hint.push(hint[1].trim());
      return;
    }
    out.push(text);
  });
  if (open) throw new MarkerError(file, (open as { line: number }).line, 'BEGIN SOLUTION is never closed by an END SOLUTION');
  if (regions === 0) throw new MarkerError(file, 1, 'no BEGIN SOLUTION / END SOLUTION region: nothing for the learner to do');
  if (!/\bNotDoneYet\b/.test(out.filter((l) => /^\s*import\b/.test(l)).join('\n'))) {
    throw new MarkerError(file, 1, "the stubs throw NotDoneYet: import it (`import { NotDoneYet } from '../lib/exercise';`)");
  }
  return out.join('\n');
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
