// `npm run exercise-files -- ID` (issue 15, "changing an exercise is one loop"): when a
// reference changes, one command names every other file that must follow, with its line.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exercises } from '../../grader/manifest';
import { exerciseFiles } from '../../tools/exercise-files';

const project = resolve(__dirname, '..', '..');

describe('npm run exercise-files -- ID', () => {
  it.each(exercises.map((e) => e.id))('names the stub, the probes and the judge of %s, each at a line that exists', (id) => {
    const places = exerciseFiles(project, id);
    const files = new Set(places.map((p) => p.file));
    for (const f of [`exercises/${id}.ts`, `test/exercises/${id}.grade.ts`, `grader/exercises/${id}.ts`])
      expect(files.has(f), f).toBe(true);
    for (const f of [`instructor/hidden/${id}.grade.ts`, `instructor/hidden/${id}.judge.ts`])
      if (existsSync(join(project, f))) expect(files.has(f), f).toBe(true);
    for (const p of places) expect(p.line, `${p.file}:${p.line}`).toBeGreaterThan(0);
  });

  it('for 05-elect also names the fixture, the reference rule it is judged by, the notebook cell and the wrong answer', () => {
    const at = exerciseFiles(project, '05-elect').map((p) => `${p.file}:${p.line}`);
    expect(at.some((p) => p.startsWith('grader/worker/fixtures/three-phase.ts:'))).toBe(true);
    expect(at.some((p) => p.startsWith('instructor/reference/rules.ts:'))).toBe(true);
    expect(at.some((p) => p.startsWith('notebooks/05-three-phase-commit.ipynb:'))).toBe(true);
    expect(at.some((p) => p.startsWith('test/grader/variants/05-elect/'))).toBe(true);
  });

  it('refuses an unknown exercise, naming the ones there are', () => {
    expect(() => exerciseFiles(project, '05-elekt')).toThrow(/no exercise "05-elekt"; the exercises are 01-duplicate, /);
  });
});
