// Gradescope end to end (issue 9; issue 15: the zip did not install). `npm run gradescope`
// builds grade/autograder.zip; here it is unpacked into a scratch root laid out as Gradescope
// lays out /autograder (source/, submission/, results/), setup.sh runs for real (its Node step
// is skipped only because Node 20 is here; its `npm ci` installs from the zip's own lock file,
// nothing linked), and run_autograder grades uploads as root, learner code running as the
// `student` user setup.sh creates. results.json is held to Gradescope's autograder
// specification (gradescope-autograders.readthedocs.io/en/latest/specs/): unique test numbers,
// output_format, per-test visibility, and no total in the top-level output before publication.
import Ajv from 'ajv';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HiddenSpec, Results } from '../../grader/types';
import { project } from './support';

const asRoot = process.getuid?.() === 0;
const validResults = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(project, 'grader', 'gradescope.schema.json'), 'utf8')));
const ids = readdirSync(join(project, 'solutions')).map((f) => f.replace(/\.ts$/, '')).sort();
let scratch: string;
let tree: string;
let setup: { status: number | null; output: string; seconds: number };
/** The names of the hidden tests, as results.json names them. */
const hidden = new Set<string>();

beforeAll(async () => {
  if (!asRoot) return;
  for (const id of ids) {
    const judge = join(project, 'instructor', 'hidden', `${id}.judge.ts`);
    if (existsSync(judge)) for (const t of ((await import(judge)) as { hidden: HiddenSpec }).hidden.tests) hidden.add(`${id}: ${t.name}`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'gradescope-'));
  // As on Gradescope's image: /autograder is root's, and others may read it (the learner user runs vitest from it).
  chmodSync(scratch, 0o755);
  tree = join(scratch, 'autograder');
  execFileSync(process.execPath, ['--import', 'tsx', join(project, 'tools', 'gradescope.ts'), '--out', join(scratch, 'autograder.zip')], { cwd: project, encoding: 'utf8' });
  for (const d of ['source', 'submission', 'results']) mkdirSync(join(tree, d), { recursive: true });
  execFileSync('unzip', ['-q', join(scratch, 'autograder.zip'), '-d', join(tree, 'source')]);
  const started = Date.now();
  const run = spawnSync('bash', [join(tree, 'source', 'setup.sh')], { env: { ...process.env, AUTOGRADER_ROOT: tree }, encoding: 'utf8', timeout: 600_000 });
  setup = { status: run.status, output: `${run.stdout}\n${run.stderr}`, seconds: (Date.now() - started) / 1000 };
  console.log(`setup.sh: ${setup.seconds.toFixed(1)} s`);
}, 660_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 120_000);

/** Runs run_autograder on an upload (path inside submission/ -> source text) as Gradescope does; returns results.json. */
function runAutograder(upload: Record<string, string>): { status: number | null; results: Results; text: string; seconds: number } {
  rmSync(join(tree, 'submission'), { recursive: true, force: true });
  rmSync(join(tree, 'results'), { recursive: true, force: true });
  for (const [path, text] of Object.entries(upload)) {
    mkdirSync(join(tree, 'submission', path, '..'), { recursive: true });
    writeFileSync(join(tree, 'submission', path), text);
  }
  const started = Date.now();
  const run = spawnSync(join(tree, 'source', 'run_autograder'), { cwd: tree, env: { ...process.env, AUTOGRADER_ROOT: tree }, encoding: 'utf8', timeout: 400_000 });
  const seconds = (Date.now() - started) / 1000;
  console.log(`run_autograder: ${seconds.toFixed(1)} s`);
  const text = readFileSync(join(tree, 'results', 'results.json'), 'utf8');
  return { status: run.status, results: JSON.parse(text) as Results, text, seconds };
}

const solution = (id: string) => readFileSync(join(project, 'solutions', `${id}.ts`), 'utf8');
const stub = (id: string) => readFileSync(join(project, 'exercises', `${id}.ts`), 'utf8');
const points = (r: Results, id: string) => r.tests.filter((t) => t.extra_data.exercise === id).reduce((s, t) => s + t.score, 0);
const maxOf = (r: Results, id: string) => r.tests.filter((t) => t.extra_data.exercise === id).reduce((s, t) => s + t.max_score, 0);
const total = (r: Results) => r.tests.reduce((s, t) => s + t.max_score, 0);

/** What Gradescope's specification asks of every results.json, field by field, and what the kit promises besides. */
function specified(r: Results, text: string): void {
  expect(validResults(r), JSON.stringify(validResults.errors)).toBe(true);
  // `number` orders and labels tests: unique across the whole submission.
  const numbers = r.tests.map((t) => t.number);
  expect(new Set(numbers).size).toBe(numbers.length);
  // `output_format` says how to render: feedback is plain text (JSON lines, code).
  expect(r.output_format).toBe('text');
  for (const t of r.tests) expect(t.output_format).toBe('text');
  // Hidden tests (instructor/hidden) show after publication; the top-level output holds no total that counts them.
  for (const t of r.tests) expect(t.visibility, t.name).toBe(hidden.has(t.name) ? 'after_published' : 'visible');
  expect(r.output).not.toMatch(/\d+(\.\d+)? (of|\/) \d+(\.\d+)? points/);
  // Forwardable feedback: no terminal colour codes, no path of the grading machine.
  // eslint-disable-next-line no-control-regex -- an ANSI escape is what must not be there
  expect(text).not.toMatch(/\\u001b|\u001b/);
  expect(text).not.toContain(scratch);
}

describe.skipIf(!asRoot)('grade/autograder.zip on a Gradescope-like root (run as root)', () => {
  it('installs: setup.sh runs to the end (npm ci from the zip, the student user, permissions)', () => {
    expect(setup.status, setup.output.slice(-3000)).toBe(0);
    const source = join(tree, 'source');
    for (const f of ['setup.sh', 'run_autograder']) expect(statSync(join(source, f)).mode & 0o111).not.toBe(0);
    expect(existsSync(join(source, 'solutions'))).toBe(false);
    expect(existsSync(join(source, 'node_modules', 'vitest'))).toBe(true);
    expect(execFileSync('id', ['-u', 'student'], { encoding: 'utf8' }).trim()).toMatch(/^\d+$/);
  });

  it('grades the reference, uploaded as a folder around exercises/, to full marks', () => {
    const { status, results, text } = runAutograder(Object.fromEntries(ids.map((id) => [`my-work/exercises/${id}.ts`, solution(id)])));
    expect(status).toBe(0);
    specified(results, text);
    expect(results.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.output}`)).toEqual([]);
    expect(results.score).toBe(total(results));
  }, 420_000);

  it('grades the untouched stubs, uploaded as loose files, to zero, each test saying the exercise is not done', () => {
    const { status, results, text } = runAutograder(Object.fromEntries(ids.map((id) => [`${id}.ts`, stub(id)])));
    expect(status).toBe(0);
    specified(results, text);
    expect(results.score).toBe(0);
    for (const t of results.tests) expect(t.output).toMatch(/not done yet/);
  }, 420_000);

  it('gives a looping file, a syntax error and a hostile file nothing for their exercise, and the rest full marks, learner code running as student', () => {
    const student = execFileSync('id', ['-u', 'student'], { encoding: 'utf8' }).trim();
    const upload: Record<string, string> = Object.fromEntries(ids.map((id) => [`${id}.ts`, solution(id)]));
    upload['05-elect.ts'] = 'export function electDecision(): never {\n  for (;;) {}\n}\n';
    upload['03-agreement.ts'] = "import type { TraceEvent } from '../lib';\nexport function agreement(run: { trace: TraceEvent[] } {\n  return { ok: true, nodes: [] };\n}\n";
    upload['02-tally.ts'] = readFileSync(join(project, 'test', 'grader', 'hostile', 'kill-group.ts'), 'utf8');
    upload['06-split-brain.ts'] = "export function splitBrain(): never {\n  throw new Error(`running as uid ${process.getuid?.()}`);\n}\n";
    const { status, results, text } = runAutograder(upload);
    expect(status).toBe(0);
    specified(results, text);
    for (const id of ['02-tally', '03-agreement', '05-elect', '06-split-brain']) expect(points(results, id), id).toBe(0);
    for (const id of ids.filter((i) => !['02-tally', '03-agreement', '05-elect', '06-split-brain'].includes(i))) expect(points(results, id), id).toBe(maxOf(results, id));
    const said = (id: string) => results.tests.filter((t) => t.extra_data.exercise === id && t.visibility === 'visible').map((t) => t.output);
    for (const o of said('05-elect')) expect(o).toMatch(/did not finish|stopped after/);
    for (const o of said('03-agreement')) expect(o).toMatch(/does not compile/);
    for (const o of said('06-split-brain')) expect(o).toContain(`running as uid ${student}`);
  }, 420_000);
});
