// `npm run gradescope` (issue 9): the zip holds setup.sh and run_autograder at its root,
// and run_autograder grades a submission into results/results.json. Here it runs against
// a fake /autograder tree in a temporary folder (node_modules linked in place of setup.sh's npm ci).
import Ajv from 'ajv';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project } from './support';

let root: string;
const validResults = new Ajv().compile(JSON.parse(readFileSync(join(project, 'grader', 'gradescope.schema.json'), 'utf8')));

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gradescope-'));
  // As on Gradescope's image: /autograder is root's, but others may read it (the learner user runs vitest from it).
  chmodSync(root, 0o755);
  execFileSync(process.execPath, ['--import', 'tsx', join(project, 'tools', 'gradescope.ts'), '--out', join(root, 'autograder.zip')], { cwd: project, encoding: 'utf8' });
  mkdirSync(join(root, 'autograder', 'source'), { recursive: true });
  execFileSync('unzip', ['-q', join(root, 'autograder.zip'), '-d', join(root, 'autograder', 'source')]);
  symlinkSync(join(project, 'node_modules'), join(root, 'autograder', 'source', 'node_modules'));
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function runAutograder(files: Record<string, string>, env: Record<string, string> = {}): { status: number | null; results: { score: number; tests: { score: number; max_score: number; extra_data: { exercise: string }; output: string }[] } } {
  const tree = join(root, 'autograder');
  rmSync(join(tree, 'submission'), { recursive: true, force: true });
  rmSync(join(tree, 'results'), { recursive: true, force: true });
  for (const [id, from] of Object.entries(files)) cpSync(from, join(tree, 'submission', 'exercises', `${id}.ts`));
  const run = spawnSync(join(tree, 'source', 'run_autograder'), { env: { ...process.env, AUTOGRADER_ROOT: tree, ...env }, encoding: 'utf8', timeout: 240_000 });
  return { status: run.status, results: JSON.parse(readFileSync(join(tree, 'results', 'results.json'), 'utf8')) };
}

describe('grade/autograder.zip', () => {
  it('has setup.sh and run_autograder at its root, executable, and the hidden tests, but no solutions', () => {
    const source = join(root, 'autograder', 'source');
    for (const f of ['setup.sh', 'run_autograder']) expect(statSync(join(source, f)).mode & 0o111).not.toBe(0);
    expect(readdirSync(join(source, 'instructor', 'hidden')).some((f) => f.endsWith('.judge.ts'))).toBe(true);
    expect(existsSync(join(source, 'solutions'))).toBe(false);
    expect(readFileSync(join(source, 'setup.sh'), 'utf8')).toMatch(/useradd .*student/);
  });

  it('grades the reference, uploaded as an exercises/ folder, to full marks in results/results.json', () => {
    const ids = readdirSync(join(project, 'solutions')).map((f) => f.replace(/\.ts$/, ''));
    const { status, results } = runAutograder(Object.fromEntries(ids.map((id) => [id, join(project, 'solutions', `${id}.ts`)])));
    expect(status).toBe(0);
    expect(validResults(results)).toBe(true);
    expect(results.score).toBe(results.tests.reduce((s, t) => s + t.max_score, 0));
  }, 300_000);

  it('grades a hostile submission: the hostile exercises score nothing, the honest one its points', () => {
    const { status, results } = runAutograder({
      '02-tally': join(project, 'test', 'grader', 'hostile', 'kill-group.ts'),
      '03-agreement': join(project, 'test', 'grader', 'hostile', 'read-hidden.ts'),
      '05-elect': join(project, 'solutions', '05-elect.ts'),
    });
    expect(status).toBe(0);
    expect(validResults(results)).toBe(true);
    const points = (id: string) => results.tests.filter((t) => t.extra_data.exercise === id).reduce((s, t) => s + t.score, 0);
    expect([points('02-tally'), points('03-agreement'), points('05-elect')]).toEqual([0, 0, 4]);
  }, 300_000);

  // Gradescope runs run_autograder as root; learner code must run as the unprivileged user
  // setup.sh creates. Here Debian's `nobody` stands in for it (GRADER_STUDENT_USER), and a
  // submission that reports its own uid shows whom it ran as.
  it.skipIf(process.getuid?.() !== 0)('run as root, runs learner code as the unprivileged user, and still grades the reference in full', () => {
    const nobody = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    const { status, results } = runAutograder({
      '02-tally': join(project, 'test', 'grader', 'hostile', 'report-uid.ts'),
      '05-elect': join(project, 'solutions', '05-elect.ts'),
      '08-leader': join(project, 'solutions', '08-leader.ts'),
    }, { GRADER_STUDENT_USER: 'nobody' });
    expect(status).toBe(0);
    const tally = results.tests.filter((t) => t.extra_data.exercise === '02-tally');
    expect(tally.length).toBeGreaterThan(0);
    for (const t of tally) expect(t.output).toContain(`running as uid ${nobody}`);
    const earned = (id: string) => results.tests.filter((t) => t.extra_data.exercise === id).map((t) => t.score === t.max_score);
    expect([earned('05-elect').length, earned('08-leader').length]).not.toContain(0);
    expect([...earned('05-elect'), ...earned('08-leader')].every(Boolean)).toBe(true);
  }, 300_000);
});
