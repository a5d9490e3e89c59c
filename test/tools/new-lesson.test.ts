// `npm run new-lesson -- NN "Title"` (issue 9, "Adding a lesson"): in a fresh copy of the
// project, the scaffolded lesson is picked up at once by the typecheck, the catalog and lesson
// tests, `npm run build-exercises`, `npm run grade` (the reference earns full marks, the stub
// nothing, the scaffold's wrong answer exactly the tests it names) and, where Jupyter is
// installed, the notebook runner. It writes new files and regenerates the lists found from folders,
// and edits no hand-written file (issue 21). Bad arguments write nothing and name what is wrong.
// NN is the lesson after the last one the project has (issue 15: a fixed 09 broke once lesson 09 existed).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJupyterPython } from '../../tools/jupyter/probe';
import { slugOf } from '../../tools/new-lesson';

const project = join(__dirname, '..', '..');
/** The next lesson number no notebook or exercise uses: the one an instructor would add next. */
const used = [...readdirSync(join(project, 'notebooks')), ...readdirSync(join(project, 'solutions'))]
  .map((f) => /^(\d\d)-/.exec(f)?.[1]).filter((n): n is string => n !== undefined).map(Number);
const free = String(Math.max(...used) + 1).padStart(2, '0');
let root: string;
let copy: string;

/** A copy of the project as a fresh clone has it (tracked and new files, not ignored ones), sharing node_modules. */
function copyProject(): string {
  const dir = join(root, 'main');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: project, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(project, f))) continue;
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(project, f), join(dir, f));
  }
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'));
  if (existsSync(join(project, '..', 'shared'))) symlinkSync(join(project, '..', 'shared'), join(root, 'shared'));
  execFileSync(process.execPath, ['tools/jupyter/link-lib.mjs'], { cwd: dir });
  return dir;
}

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: copy, encoding: 'utf8', env: { ...process.env, CI: '1' }, timeout: 240_000 });
}

const gitStatus = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: copy, encoding: 'utf8' });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'new-lesson-'));
  copy = copyProject();
  // A baseline to see exactly what the scaffolder writes.
  execFileSync('git', ['init', '-q'], { cwd: copy });
  execFileSync('git', ['add', '-A'], { cwd: copy });
  execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base'], { cwd: copy });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run new-lesson: bad arguments write nothing and say what is allowed', () => {
  it.each([
    [[], /lesson number: missing/],
    [['9', 'Raft'], /lesson number: "9" is not allowed; give two digits/],
    [['09'], /title: missing/],
    [['09', '   '], /title: missing/],
    [['09', '!!!'], /title: "!!!" has no letters or digits/],
    [['09', 'Raft', 'briefly'], /title: got 2 words outside quotes/],
    [['04', 'Again'], /lesson number: 04 is taken by notebooks\/04-2pc-under-failure\.ipynb/],
  ])('%j', (args, message) => {
    const r = run(['tools/new-lesson.ts', ...(args)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // one line, no stack trace
    expect(gitStatus()).toBe('');
  });

  it('names files after the title', () => {
    expect(slugOf('Raft, briefly!')).toBe('raft-briefly');
    expect(slugOf('Chubby: the lock service and why Paxos needs a master lease at all')).toBe('chubby-the-lock-service-and-why-paxos');
  });
});

describe(`npm run new-lesson -- ${free} "Raft, briefly" in a fresh copy`, () => {
  const id = `${free}-raft-briefly`;
  let written: string;

  beforeAll(() => {
    const r = run(['tools/new-lesson.ts', free, 'Raft, briefly']);
    expect(r.status, r.stderr).toBe(0);
    written = gitStatus();
  }, 60_000);

  it('writes the notebook, the exercise with its tests, a wrong answer and a catalog case, and wires them in', () => {
    for (const f of [
      `notebooks/${id}.ipynb`, `solutions/${id}.ts`, `exercises/${id}.ts`, `test/exercises/${id}.grade.ts`, `grader/exercises/${id}.ts`,
      `grader/worker/fixtures/${id}.ts`, `instructor/hidden/${id}.grade.ts`, `instructor/hidden/${id}.judge.ts`,
      `test/grader/variants/${id}/counts-deliveries.ts`, `lib/catalog/${id}.ts`, `instructor/reference/${id}.ts`,
    ]) expect(written).toContain(`?? ${f}`);
    // Issue 21: the exercise list and the case list are regenerated from their folders; the
    // hand-written manifest and catalog are not edited.
    expect(written).toContain(' M grader/exercises/index.ts');
    expect(written).toContain(' M lib/catalog/cases.ts');
    expect(written).not.toContain('grader/manifest.ts');
    expect(written).not.toContain('lib/catalog/index.ts');
    expect(readFileSync(join(copy, 'lib', 'catalog', 'cases.ts'), 'utf8')).toContain(`import { lesson${free}Cases } from './${id}';`);
    // Nor is the judges' door to the answers: the lesson's rule joins the list generated from
    // instructor/reference/, and every file the scaffolder changes is new or one of the generated lists.
    expect(written).not.toContain('grader/reference.ts');
    const changed = written.split('\n').filter((l) => l && !l.startsWith('?? ')).map((l) => l.slice(3)).sort();
    expect(changed).toEqual(['grader/exercises/index.ts', 'grader/reference-rules.ts', 'lib/catalog/cases.ts']);
    expect(readFileSync(join(copy, 'grader', 'reference-rules.ts'), 'utf8')).toContain(
      `export const expectedLesson${free} = recorded('expectedLesson${free}', lesson${free}RaftBriefly.expectedLesson${free});`,
    );
    // The answer lives on the instructor's side only (issue 15): the shared fixture holds the cases.
    expect(readFileSync(join(copy, 'grader', 'worker', 'fixtures', `${id}.ts`), 'utf8')).not.toMatch(/counts\[e\.message\.type\]/);
    expect(readFileSync(join(copy, 'exercises', `${id}.ts`), 'utf8')).toContain(`throw new NotDoneYet('${id}'`);
  });

  it('refuses to scaffold the same lesson number twice, writing nothing', () => {
    const r = run(['tools/new-lesson.ts', free, 'Something else']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`lesson number: ${free} is taken by notebooks/${id}\\.ipynb`));
    expect(gitStatus()).toBe(written);
  });

  it('type-checks, and the student version and the generated lists are up to date', () => {
    const tsc = spawnSync(process.execPath, [join(copy, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'], { cwd: copy, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout).toBe(0);
    const check = run(['tools/build-exercises.ts', '--check']);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 120_000);

  it('passes the catalog, lesson and build-exercises tests with its case and notebook in place', () => {
    const vitest = spawnSync(process.execPath, [join(copy, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=verbose', 'test/catalog.test.ts', 'test/lessons.test.ts', 'test/tools/build-exercises.test.ts'], { cwd: copy, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(vitest.status, vitest.stdout.slice(-3000)).toBe(0);
    expect(vitest.stdout).toMatch(new RegExp(`lesson-${free}/coordinator-crash-after-prepare`));
    expect(vitest.stdout).toMatch(new RegExp(`lesson ${id} .*opens with its learning goals`));
  }, 120_000);

  it('is graded: the reference in full, the stub at zero, the wrong answer loses exactly the tests it names', () => {
    // The judges reach the lesson's rule through grader/reference.ts, which the scaffolder did not touch.
    expect(readFileSync(join(copy, 'grader', 'exercises', `${id}.ts`), 'utf8')).toContain(`import { expectedLesson${free} as expectedFor } from '../reference';`);
    const full = run(['grader/cli.ts', '--target', 'solutions', '--only', id, '--expect', 'full', '--out', join(root, 'full.json')]);
    expect(full.status, full.stdout + full.stderr).toBe(0);
    const zero = run(['grader/cli.ts', '--only', id, '--expect', 'zero', '--out', join(root, 'zero.json')]);
    expect(zero.status, zero.stdout + zero.stderr).toBe(0);

    const variant = join(copy, 'test', 'grader', 'variants', id, 'counts-deliveries.ts');
    mkdirSync(join(root, 'wrong'));
    cpSync(variant, join(root, 'wrong', `${id}.ts`));
    run(['grader/cli.ts', '--submission', join(root, 'wrong'), '--only', id, '--out', join(root, 'wrong.json')]);
    const results = JSON.parse(readFileSync(join(root, 'wrong.json'), 'utf8')) as { tests: { name: string; score: number; max_score: number }[] };
    const loses = [...readFileSync(variant, 'utf8').matchAll(/^\/\/ loses: (.+)$/gm)].map((m) => `${id}: ${m[1]}`);
    expect(results.tests.filter((t) => t.score < t.max_score).map((t) => t.name).sort()).toEqual(loses.sort());
    expect(results.tests.length).toBe(3);
  }, 240_000);

  it.skipIf(!findJupyterPython('nbclient') && !process.env.CI)('runs top to bottom through real Jupyter', () => {
    const r = run(['tools/jupyter/notebooks.ts', `notebooks/${id}.ipynb`]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`ok\\s+notebooks/${id}\\.ipynb`));
  }, 240_000);
});
