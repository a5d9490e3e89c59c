// `npm run grade` as a learner types it (issue 15): --help helps, a typo is refused by name,
// `--only ID` and `--only=ID` mean the same, and a grade of some exercises says it is a subset
// and leaves the full grade/results.json as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exercises } from '../../grader/manifest';
import { project } from './support';

const grade = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(project, 'grader', 'cli.ts'), ...args], {
    cwd: project,
    encoding: 'utf8',
    timeout: 180_000,
  });
const full = join(project, 'grade', 'results.json');
const subset = join(project, 'grade', 'results.subset.json');
const hadSubset = existsSync(subset);

afterAll(() => {
  if (!hadSubset) rmSync(subset, { force: true });
});

describe('npm run grade: its options', () => {
  it('--help prints every option and the exercises, and grades nothing', () => {
    const r = grade('--help');
    expect(r.status).toBe(0);
    for (const option of [
      '--target',
      '--submission',
      '--class',
      '--only',
      '--hidden',
      '--no-hidden',
      '--timeout',
      '--jobs',
      '--out',
      '--expect',
    ])
      expect(r.stdout).toContain(option);
    expect(r.stdout).toContain(exercises[0].id);
    expect(r.stdout).not.toMatch(/total: /);
  });

  it.each([
    [['--onyl', '02-tally'], /^grade: unknown option --onyl; npm run grade -- --help lists them$/],
    [['--only'], /^grade: --only needs a value$/],
    [['--only=nope'], /^grade: --only: no exercise "nope"; the exercises are /],
    [['--expect', 'most'], /^grade: --expect: full or zero$/],
    [['exercises/02-tally.ts'], /^grade: unexpected argument "exercises\/02-tally\.ts"; to grade a folder, use --submission/],
    [['--timeout', '-3'], /^grade: --timeout: a number of seconds above 0$/],
  ])('refuses %j with exit code 2 and one line naming what is wrong', (args, message) => {
    const r = grade(...(args));
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('takes --only ID and --only=ID alike; a subset says so, goes to results.subset.json, and leaves results.json alone', () => {
    const before = existsSync(full) ? statSync(full).mtimeMs : null;
    const spaced = grade('--target', 'solutions', '--only', '05-elect', '--no-hidden', '--expect', 'full');
    expect(spaced.status, spaced.stderr).toBe(0);
    const first = JSON.parse(readFileSync(subset, 'utf8')) as { tests: { extra_data: { exercise: string } }[] };
    const joined = grade('--target=solutions', '--only=05-elect', '--no-hidden', '--expect=full');
    expect(joined.status, joined.stderr).toBe(0);
    const second = JSON.parse(readFileSync(subset, 'utf8')) as typeof first;
    for (const r of [first, second]) expect(new Set(r.tests.map((t) => t.extra_data.exercise))).toEqual(new Set(['05-elect']));
    expect(joined.stdout).toMatch(/This is a subset: 05-elect of the \d+ exercises/);
    expect(joined.stdout).toContain('results.subset.json');
    expect(existsSync(full) ? statSync(full).mtimeMs : null).toBe(before);
  }, 240_000);
});
