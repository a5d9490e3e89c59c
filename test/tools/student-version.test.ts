// `npm run student-version -- DIR` (issue 15; COURSE.md, "Exercises and grading": nothing a
// learner gets solves an exercise). The repository learners get holds the stubs and none of the
// instructor's side, and no line of a reference solution appears in any of its files. That it
// installs, tests green and grades to zero on its own is proven by .ci/run, in a clean folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exercises } from '../../grader/manifest';
import * as reference from '../../grader/reference';
import { studentVersion as stubs } from '../../tools/build-exercises';
import { comparableText, KNOWN, leaks, referenceLines, report, solutionLines, sortLeaks } from '../../tools/leak-check';
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
        // TypeScript's rule: an import may name the .js or .mjs its .ts or .mts compiles to.
        const source = target.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts');
        // An answer-bearing module is there as its compiled pair, `.js` and `.d.ts`.
        const compiled = existsSync(join(out, `${target}.js`)) && existsSync(join(out, `${target}.d.ts`));
        const found = compiled || [target, source, `${target}.ts`, `${target}.mts`, join(target, 'index.ts')].some((t) => existsSync(join(out, t)));
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

// Issue 17, item 3 (and issue 15, item 1): a lesson runs on the reference roles, so the student
// version holds them, compiled, as a course ships a reference binary (lib/exercise/README.md).
describe('the answer-bearing library files in the student version', () => {
  /** Every lib source of the instructor's project whose first line is `// answer-bearing: ...`, read here, not from the tool. */
  const marked = (dir: string): string[] =>
    readdirSync(join(project, dir), { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return marked(path);
      return e.name.endsWith('.ts') && readFileSync(join(project, path), 'utf8').startsWith('// answer-bearing: ') ? [path] : [];
    });
  const sources = marked('lib').sort();

  it('are each shipped as a .js and a .d.ts in place of the .ts, and no readable source of one is left', () => {
    expect(sources).toEqual(expect.arrayContaining(['lib/protocols/two-phase-commit/voter.ts', 'lib/protocols/paxos-commit/acceptor.ts', 'lib/faults/duplicate.ts']));
    expect(built.compiled.sources).toEqual(sources);
    for (const f of sources) {
      expect(existsSync(join(out, f)), f).toBe(false);
      expect(existsSync(join(out, f.replace(/\.ts$/, '.js'))), f).toBe(true);
      expect(existsSync(join(out, f.replace(/\.ts$/, '.d.ts'))), f).toBe(true);
    }
    for (const f of filesUnder(out)) expect(readFileSync(join(out, f), 'utf8').startsWith('// answer-bearing: '), f).toBe(false);
  });

  it('compiled: an ES module with no comment past its first line, no source map, and local names mangled', () => {
    const mangled: string[] = [];
    for (const f of sources) {
      const js = readFileSync(join(out, f.replace(/\.ts$/, '.js')), 'utf8');
      const [banner, ...code] = js.split('\n');
      // Outside its string literals, where a `//` may be text.
      const identifiers = code.join('\n').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
      expect(banner, f).toMatch(/^\/\/ Compiled by the instructor's npm run student-version/);
      expect(identifiers, f).not.toMatch(/\/\/|\/\*|sourceMappingURL/);
      expect(identifiers, f).toMatch(/^import|\bexport\s*\{/m);
      expect(existsSync(join(out, `${f.replace(/\.ts$/, '.js')}.map`)), f).toBe(false);
      // The file's own helper functions, named in the source and in no declaration, keep no name in the compiled code.
      const dts = readFileSync(join(out, f.replace(/\.ts$/, '.d.ts')), 'utf8');
      const helpers = [...readFileSync(join(project, f), 'utf8').matchAll(/^\s*function (\w{5,})/gm)].map((m) => m[1]).filter((n) => !dts.includes(n));
      for (const name of helpers) expect(identifiers, `${f}: ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
      mangled.push(...helpers);
    }
    // Among them the 2PC voter's and coordinator's helpers (04-voter-recovery's and 02-tally's answers live there).
    expect(mangled).toEqual(expect.arrayContaining(['abortAlone', 'settle', 'decideAndAnnounce', 'deciders']));
  });

  it('declared: every exported name keeps its type in the .d.ts, and no comment tells a rule', () => {
    for (const f of sources) {
      const dts = readFileSync(join(out, f.replace(/\.ts$/, '.d.ts')), 'utf8');
      expect(dts.split('\n').slice(1).join('\n'), f).not.toMatch(/\/\/|\/\*/);
      const source = readFileSync(join(project, f), 'utf8');
      for (const m of source.matchAll(/^export (?:function|class|const|type|interface) (\w+)/gm))
        expect(dts, `${f}: ${m[1]}`).toMatch(new RegExp(`export (?:declare )?(?:function|class|const|type|interface) ${m[1]}\\b`));
    }
  });

  it("no distinctive line of a reference solution or of the library file's own code is in its compiled form", () => {
    const lines = referenceLines(project);
    expect(lines.filter((l) => sources.includes(l.file)).length).toBeGreaterThan(100);
    const compiled = built.compiled.files.map((f) => ({ f, text: comparableText(f, readFileSync(join(out, f), 'utf8')) }));
    expect(compiled.length).toBe(2 * sources.length);
    for (const { f, text } of compiled) expect(lines.filter((l) => text.includes(l.text)).map((l) => `${l.file}:${l.line}`), f).toEqual([]);
  });

  it('the leak check fails on a student version where one readable file was put back, with its header or without', () => {
    const planted = join(root, 'put-back');
    rmSync(planted, { recursive: true, force: true });
    cpSync(out, planted, { recursive: true });
    const lines = referenceLines(project);
    const file = 'lib/protocols/two-phase-commit/voter.ts';
    const source = readFileSync(join(project, file), 'utf8');
    expect(sortLeaks(leaks(planted, lines)).fresh).toEqual([]);

    writeFileSync(join(planted, file), source);
    const withHeader = sortLeaks(leaks(planted, lines));
    expect(new Set(withHeader.fresh.map((l) => l.file))).toEqual(new Set([file]));
    expect(withHeader.fresh.some((l) => l.solution.file === file && l.solution.line === 1)).toBe(true);
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(report(planted, lines.length, withHeader.fresh, withHeader.known, withHeader.gone)).toBe(1);
      expect(printed.mock.calls[0][0]).toBe(`${file}: an answer-bearing source (its first line says so); the student version ships it compiled, not readable`);
    } finally {
      printed.mockRestore();
    }

    // A readable copy under another name, its header gone, is still found by its code.
    rmSync(join(planted, file));
    writeFileSync(join(planted, 'notes.ts'), source.split('\n').slice(1).join('\n'));
    const copied = sortLeaks(leaks(planted, lines));
    expect(new Set(copied.fresh.map((l) => l.file))).toEqual(new Set(['notes.ts']));
    expect(copied.fresh.every((l) => l.solution.file === file || l.solution.file.startsWith('solutions/'))).toBe(true);
  });
});
