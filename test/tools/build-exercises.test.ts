// One source for the reference and the student version (docs/DESIGN.md, "Exercises and grading";
// nbgrader's clearsolutions): markers are checked, and exercises/ must match solutions/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearSolutions, MarkerError } from '../../tools/markers';
import { buildExercises, driftOf } from '../../tools/build-exercises';

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

// Issue 15: in the student version, `npm run build-exercises` deleted all eleven exercise files
// and said "wrote 0 exercises". A build that cannot tell its own files from a learner's must not write.
describe("build-exercises never loses a learner's file", () => {
  const project = resolve(__dirname, '..', '..');
  function scratch(): string {
    const root = mkdtempSync(join(tmpdir(), 'build-exercises-'));
    mkdirSync(join(root, 'solutions'));
    writeFileSync(join(root, 'solutions', '09-example.ts'), good);
    return root;
  }

  it('without solutions/ it refuses with one line saying why, exit code 2, and leaves exercises/ as it was', () => {
    const root = mkdtempSync(join(tmpdir(), 'student-'));
    try {
      cpSync(join(project, 'tools'), join(root, 'tools'), { recursive: true });
      mkdirSync(join(root, 'exercises'));
      writeFileSync(join(root, 'exercises', '02-tally.ts'), 'my work');
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tools', 'build-exercises.ts')], {
        cwd: project,
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([
        'build-exercises: no solutions/ here (this is the student version): exercises/ holds your own work, so nothing was written',
      ]);
      expect(readFileSync(join(root, 'exercises', '02-tally.ts'), 'utf8')).toBe('my work');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('rewrites a file it wrote when the reference changes, and leaves a file the learner edited alone, naming it', () => {
    const root = scratch();
    try {
      expect(buildExercises(root).written).toEqual(['exercises/09-example.ts']);
      writeFileSync(join(root, 'solutions', '09-example.ts'), good.replace('return twice x', 'return x times two'));
      expect(buildExercises(root).written).toEqual(['exercises/09-example.ts']);
      expect(readFileSync(join(root, 'exercises', '09-example.ts'), 'utf8')).toContain('return x times two');
      const mine = readFileSync(join(root, 'exercises', '09-example.ts'), 'utf8').replace(/throw new NotDoneYet\(.*\);/, 'return 2 * x;');
      writeFileSync(join(root, 'exercises', '09-example.ts'), mine);
      writeFileSync(join(root, 'solutions', '09-example.ts'), good.replace('return twice x', 'double x'));
      expect(buildExercises(root)).toEqual({ written: [], removed: [], kept: ['exercises/09-example.ts'] });
      expect(readFileSync(join(root, 'exercises', '09-example.ts'), 'utf8')).toBe(mine);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('removes an untouched exercise whose solution is gone, and never a file it did not write', () => {
    const root = scratch();
    try {
      buildExercises(root);
      writeFileSync(join(root, 'exercises', 'notes.ts'), 'export const mine = 1;');
      rmSync(join(root, 'solutions', '09-example.ts'));
      writeFileSync(join(root, 'solutions', '10-other.ts'), good);
      const built = buildExercises(root);
      expect(built.removed).toEqual(['exercises/09-example.ts']);
      expect(built.kept).toEqual(['exercises/notes.ts']);
      expect(existsSync(join(root, 'exercises', 'notes.ts'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
