// One source for the reference and the student version (docs/DESIGN.md, "Exercises and grading";
// nbgrader's clearsolutions): markers are checked, and exercises/ must match solutions/.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { clearSolutions, MarkerError } from '../../tools/markers';
import { driftOf } from '../../tools/build-exercises';

const file = 'solutions/09-example.ts';
const good = [
  "import { NotDoneYet } from '../lib/exercise';",
  'export function f(x: number): number {',
  '  // BEGIN SOLUTION',
  "  // HINT: return twice x (it's easy)",
  '  return 2 * x;',
  '  // END SOLUTION',
  '}',
].join('\n');

function errorOf(source: string): MarkerError {
  try {
    clearSolutions(source, file);
  } catch (e) {
    if (e instanceof MarkerError) return e;
    throw e;
  }
  throw new Error('no MarkerError');
}

describe('clearSolutions', () => {
  it('replaces a region with a NotDoneYet stub at its indentation, carrying the hint and the exercise id', () => {
    const out = clearSolutions(good, file);
    expect(out).toContain("  throw new NotDoneYet('09-example', 'return twice x (it\\'s easy)');");
    expect(out).not.toContain('2 * x');
    expect(out).not.toContain('SOLUTION');
  });
  it('rejects a region opened inside another, naming the file and the inner line', () => {
    const e = errorOf(good.replace('  return 2 * x;', '  // BEGIN SOLUTION\n  return 2 * x;'));
    expect(e.message).toMatch(/^solutions\/09-example\.ts:5: .*cannot nest/);
  });
  it('rejects a region never closed, naming the line that opened it', () => {
    expect(errorOf(good.replace('  // END SOLUTION', '')).message).toMatch(/^solutions\/09-example\.ts:3: .*never closed/);
  });
  it('rejects an END without a BEGIN', () => {
    expect(errorOf(good.replace('  // BEGIN SOLUTION', '')).message).toMatch(/^solutions\/09-example\.ts:6: END SOLUTION without/);
  });
  it('rejects a region without a hint, since the stub must tell the learner what to do', () => {
    expect(errorOf(good.replace(/ {2}\/\/ HINT:.*\n/, '')).message).toMatch(/:3: .*HINT/);
  });
  it('rejects a file with no region at all', () => {
    expect(errorOf("import { NotDoneYet } from '../lib/exercise';\nexport const x = 1;").message).toMatch(/:1: no BEGIN SOLUTION/);
  });
});

describe('exercises/', () => {
  it('is up to date with solutions/ (run `npm run build-exercises` if this fails)', () => {
    const drift = driftOf(resolve(__dirname, '..', '..'));
    expect(drift.map((d) => `${d.file} is ${d.why === 'different' ? 'out of date' : d.why}`)).toEqual([]);
  });
});
