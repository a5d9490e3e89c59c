// `npm run student-version -- DIR` (issue 15; COURSE.md, "Exercises and grading": nothing a
// learner gets solves an exercise). The repository learners get holds the stubs and none of the
// instructor's side, and no line of a reference solution appears in any of its files. That it
// installs, tests green and grades to zero on its own is proven by .ci/run, in a clean folder.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exercises } from '../../grader/manifest';
import * as reference from '../../grader/reference';
import { studentVersion as stubs } from '../../tools/build-exercises';
import { comparableText, KNOWN, leaks, solutionLines, sortLeaks } from '../../tools/leak-check';
import { writeStudentVersion, type StudentVersion } from '../../tools/student-version';

const project = resolve(__dirname, '..', '..');
let root: string;
let out: string;
let built: StudentVersion;

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'student-version-'));
  out = join(root, 'course');
  built = await writeStudentVersion(project, out);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the student version', () => {
  it("holds none of the instructor's side: no solutions/, instructor/, hostile or wrong-answer submissions, CI script", () => {
    for (const path of ['solutions', 'instructor', '.ci', 'test/grader/hostile', 'test/grader/variants'])
      expect(existsSync(join(out, path)), path).toBe(false);
    for (const tool of ['new-lesson', 'gradescope', 'student-version', 'leak-check', 'exercise-files'])
      expect(existsSync(join(out, 'tools', `${tool}.ts`)), tool).toBe(false);
  });

  it('holds every exercise of the manifest and of solutions/, each as the stub build-exercises writes', () => {
    const ids = new Set([...exercises.map((e) => e.id), ...readdirSync(join(project, 'solutions')).map((f) => f.replace(/\.ts$/, ''))]);
    for (const [file, text] of stubs(project)) expect(readFileSync(join(out, 'exercises', file), 'utf8')).toBe(text);
    for (const id of ids) {
      expect(readFileSync(join(out, 'exercises', `${id}.ts`), 'utf8'), id).toContain(`throw new NotDoneYet('${id}'`);
      expect(existsSync(join(out, 'test', 'exercises', `${id}.grade.ts`)), `${id}'s probes`).toBe(true);
    }
  });

  it("leaves out every test that reads the instructor's side, so that nothing in it is skipped or fails for want of it", () => {
    for (const f of filesUnder(join(out, 'test')).filter((f) => f.endsWith('.ts'))) {
      expect(readFileSync(join(out, 'test', f), 'utf8'), f).not.toMatch(/['"`/](solutions|instructor)['"`/]/);
    }
    expect(built.leftOut).toEqual(
      expect.arrayContaining(['test/grader/hostile.test.ts', 'test/grader/grade.test.ts', 'test/tools/build-exercises.test.ts']),
    );
  });

  it('imports only files it holds, and its npm scripts run only files it holds', () => {
    for (const f of filesUnder(out).filter((f) => /\.(m?ts)$/.test(f))) {
      for (const m of readFileSync(join(out, f), 'utf8').matchAll(/^(?:import|export|\})[^'"\n]*?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
        // notebooks/lib and notebooks/exercises are the links npm install makes to lib/ and exercises/.
        const target = normalize(join(dirname(f), m[1])).replace(/^notebooks\/(lib|exercises)\b/, '$1');
        const found = [target, `${target}.ts`, `${target}.mts`, join(target, 'index.ts')].some((t) => existsSync(join(out, t)));
        expect(found, `${f} imports ${m[1]}`).toBe(true);
      }
    }
    const { scripts } = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['test', 'start', 'grade', 'postinstall']));
    for (const [name, command] of Object.entries(scripts)) {
      for (const file of command.match(/[\w./-]+\.(?:m?ts|mjs)\b/g) ?? [])
        expect(existsSync(join(out, file)), `${name}: ${file}`).toBe(true);
    }
  });

  it("carries the answers to the visible cases as a table, and no rule: its grader/reference.ts exports the instructor's names", () => {
    const text = readFileSync(join(out, 'grader', 'reference.ts'), 'utf8');
    expect(text).not.toMatch(/instructor\/reference/);
    const names = Object.keys(reference).filter((k) => k !== 'recordAnswers');
    for (const n of names) expect(text).toContain(`export const ${n} = recorded(`);
  });

  it("has the learner's README: no section for instructors", () => {
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/^## For instructors/m);
    expect(readme).toMatch(/^## Exercises and grading/m);
    expect(readme).toContain('npm run grade');
    // Every command it tells a learner to run is there to run.
    const { scripts } = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const m of readme.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts), `README: npm run ${m[1]}`).toContain(m[1]);
  });
});

describe('the leak check', () => {
  const lines = solutionLines(join(project, 'solutions'), project);

  it('reads a distinctive line out of every solution', () => {
    const files = new Set(lines.map((l) => l.file));
    for (const f of readdirSync(join(project, 'solutions'))) expect(files.has(`solutions/${f}`), f).toBe(true);
  });

  it('finds no reference line in the student version beyond the known ones it prints, and each known one is still there', () => {
    const { fresh, gone } = sortLeaks(built.leaks);
    expect(fresh.map((l) => `${l.file} holds ${l.solution.file}:${l.solution.line}`)).toEqual([]);
    expect(gone).toEqual([]);
    expect(KNOWN.every((k) => k.file.startsWith('lib/'))).toBe(true);
  });

  it('fails when a solution line reaches any file, re-indented, or inside a built HTML page split by highlighting', () => {
    const line = lines.find((l) => l.file === 'solutions/05-elect.ts')!;
    const dir = join(root, 'planted');
    rmSync(dir, { recursive: true, force: true });
    const site = join(dir, 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(dir, 'notes.ts'), `function f() {\n        ${line.text.replace(/ /g, '   ')}\n}\n`);
    const html = line.text.replace(/'/g, '&#39;').replace(/>/g, '&gt;').replace(/ /g, '</span> <span class="p">');
    writeFileSync(join(site, 'lesson.html'), `<pre><span>${html}</span></pre>`);
    expect(comparableText('x.html', `<b>a &amp;&amp; b</b>`)).toBe('a && b');
    expect(
      leaks(dir, [line])
        .map((l) => l.file)
        .sort(),
    ).toEqual(['notes.ts', join('site', 'lesson.html')]);
  });
});
