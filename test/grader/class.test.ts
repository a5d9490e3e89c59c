// Grading a class (issue 9): one row per learner in grade/gradebook.csv; a malformed
// folder gets a row saying why; one learner's hostile file never changes another's grade.
// Issue 15: uploads in the shapes Gradescope accepts are graded alike, and what the gradebook
// and each results.json say can be forwarded: files named, no colour codes, no local path.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exercises } from '../../grader/manifest';
import type { HiddenSpec } from '../../grader/types';
import { project } from './support';

const ids = ['02-tally', '05-elect', '06-split-brain'];
let dir: string;
let rows: Record<string, Record<string, string>>;
let stdout: string;
const hiddenPoints = new Map<string, number>();

beforeAll(async () => {
  for (const e of exercises) {
    const judge = join(project, 'instructor', 'hidden', `${e.id}.judge.ts`);
    if (existsSync(judge)) {
      const { hidden } = (await import(judge)) as { hidden: HiddenSpec };
      hiddenPoints.set(e.id, hidden.tests.reduce((s, t) => s + t.points, 0));
    }
  }
  dir = mkdtempSync(join(tmpdir(), 'class-'));
  const learners = join(dir, 'submissions');
  for (const id of ids) {
    cpSync(join(project, 'solutions', `${id}.ts`), join(learners, 'ada', `${id}.ts`));
    cpSync(join(project, 'exercises', `${id}.ts`), join(learners, 'bob', `${id}.ts`));
    cpSync(id === '02-tally' ? join(project, 'test', 'grader', 'hostile', 'kill-group.ts') : join(project, 'solutions', `${id}.ts`), join(learners, 'eve', `${id}.ts`));
  }
  // cy uploaded a zipped folder around exercises/; dan's tally does not compile, his elect loops, his split-brain is missing.
  for (const id of ids) cpSync(join(project, 'solutions', `${id}.ts`), join(learners, 'cy', 'upload', 'exercises', `${id}.ts`));
  mkdirSync(join(learners, 'dan'));
  writeFileSync(join(learners, 'dan', '02-tally.ts'), "export function tally(voters: string[] {\n  return 'commit';\n}\n");
  writeFileSync(join(learners, 'dan', '05-elect.ts'), 'export function electDecision(): never {\n  for (;;) {}\n}\n');
  mkdirSync(join(learners, 'mal'));
  writeFileSync(join(learners, 'notes.txt'), 'not a submission');
  stdout = execFileSync(process.execPath, ['--import', 'tsx', join(project, 'grader', 'cli.ts'), '--class', learners, '--out', join(dir, 'out')], {
    cwd: project,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const [header, ...lines] = csvRows(readFileSync(join(dir, 'out', 'gradebook.csv'), 'utf8'));
  rows = Object.fromEntries(lines.map((cells) => [cells[0], Object.fromEntries(header.map((h, i) => [h.replace(/ \(\/\d+\)$/, ''), cells[i]]))]));
}, 320_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The cells of a CSV file as a spreadsheet reads them: quoted cells may hold commas and doubled quotes. */
function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((line) => {
    const cells: string[] = [];
    let i = 0;
    for (;;) {
      let cell = '';
      if (line[i] === '"') {
        for (i++; i < line.length && !(line[i] === '"' && line[i + 1] !== '"'); i++) cell += line[i] === '"' ? line[++i] : line[i];
        i++;
      } else for (; i < line.length && line[i] !== ','; i++) cell += line[i];
      cells.push(cell);
      if (line[i] !== ',') return cells;
      i++;
    }
  });
}

describe('npm run grade -- --class DIR', () => {
  it('writes one row per learner, one column per exercise with its maximum, and the total', () => {
    expect(Object.keys(rows).sort()).toEqual(['ada', 'bob', 'cy', 'dan', 'eve', 'mal', 'notes.txt']);
    const header = readFileSync(join(dir, 'out', 'gradebook.csv'), 'utf8').split('\n')[0];
    // Each maximum counts the hidden tests too: the reference earns exactly it.
    const max = (id: string) => exercises.find((e) => e.id === id)!.tests.reduce((s, t) => s + t.points, 0) + (hiddenPoints.get(id) ?? 0);
    expect(header).toBe(['learner', ...exercises.map((e) => `${e.id} (/${max(e.id)})`), 'total', 'note'].join(','));
    for (const id of ids) expect(rows.ada[id], id).toBe(String(max(id)));
    expect(rows.ada.total).toBe('13');
    expect(rows.bob.total).toBe('0');
    expect(rows.ada['01-duplicate']).toBe('0'); // not handed in
  });
  it("gives a hostile learner nothing for that exercise and leaves the rest of their grade, and everyone else's, alone", () => {
    expect(rows.eve['02-tally']).toBe('0');
    expect(rows.eve['05-elect']).toBe(rows.ada['05-elect']);
    expect(rows.eve['06-split-brain']).toBe(rows.ada['06-split-brain']);
    expect(rows.ada['02-tally']).toBe('5');
  });
  it('grades an upload nested in a folder around exercises/ as Gradescope does: the same as the loose files', () => {
    for (const id of ids) expect(rows.cy[id], id).toBe(rows.ada[id]);
    expect(rows.cy.total).toBe(rows.ada.total);
  });
  it("names in the note the files that are missing, that do not compile, and that ran out of time", () => {
    expect(rows.dan.note).toMatch(/missing: [^;]*06-split-brain\.ts/);
    expect(rows.dan.note).toMatch(/does not compile: 02-tally\.ts/);
    expect(rows.dan.note).toMatch(/timed out: 05-elect\.ts/);
    expect(rows.dan.total).toBe('0');
  });
  it('writes feedback that can be forwarded: no colour codes and no path of the grading machine', () => {
    const texts = [readFileSync(join(dir, 'out', 'gradebook.csv'), 'utf8'), ...['ada', 'bob', 'cy', 'dan', 'eve'].map((l) => readFileSync(join(dir, 'out', 'class', l, 'results.json'), 'utf8'))];
    for (const text of texts) {
      // eslint-disable-next-line no-control-regex -- an ANSI escape is what must not be there
      expect(text).not.toMatch(/\u001b|\\u001b/);
      expect(text).not.toContain(dir);
      expect(text).not.toContain(project);
    }
    const dan = JSON.parse(texts[4]) as { tests: { extra_data: { exercise: string }; output: string }[] };
    expect(dan.tests.find((t) => t.extra_data.exercise === '06-split-brain')!.output).toMatch(/06-split-brain\.ts is missing from your submission/);
    expect(dan.tests.find((t) => t.extra_data.exercise === '02-tally')!.output).toMatch(/does not compile/);
  });
  it('gives a malformed folder a row that says why', () => {
    expect(rows.mal.note).toMatch(/no exercise file in it.*empty/);
    expect(rows['notes.txt'].note).toMatch(/not a folder/);
    expect(stdout).toMatch(/gradebook: .*gradebook\.csv/);
  });
});
