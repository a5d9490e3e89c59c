/**
 * `npm run student-version -- DIR`: writes the repository learners get into DIR (a new or
 * empty folder), then checks that no reference answer reached it.
 *
 * What it holds: every file of the project Git knows (committed or new, not ignored),
 * except the instructor's side:
 *   - `solutions/`, `instructor/`, `.ci/`, the hostile and wrong-answer submissions
 *     (`test/grader/hostile/`, `test/grader/variants/`);
 *   - every test or bench file that reads those, or imports a file that does (found by
 *     reading them, so a test added tomorrow is sorted the same way);
 *   - the instructor's commands (`INSTRUCTOR_TOOLS`) and the npm scripts that run a file left out.
 * What it rewrites: `exercises/` from `solutions/` (stubs), `grader/reference.ts` (the
 * answers the visible tests need, as a table: no rule), `README.md` (the learner's),
 * `package.json` (scripts), and each answer-bearing library file (`// answer-bearing:` on its
 * first line), shipped compiled as `.js` and `.d.ts` in place of its source (tools/answer-bearing.ts).
 *
 * Exercises are found from `solutions/` and the grader's manifest, never from a list here.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { answerBearingFiles, compileAnswerBearing } from './answer-bearing';
import { studentVersion as stubs } from './build-exercises';
import { leaks, referenceLines, report, sortLeaks, type Leak } from './leak-check';

/**
 * Folders and files that are the instructor's side, whatever they hold. `grader/recording.ts`
 * records the rules' calls: in the student version the door is a table of answers with no rule
 * (`answerTable`), so nothing there would import it.
 */
export const INSTRUCTOR_PATHS = ['solutions/', 'instructor/', '.ci/', 'test/grader/hostile/', 'test/grader/variants/', 'grader/recording.ts'];

/** Commands only an instructor runs (the student version keeps build-exercises: there it refuses, and says why). */
export const INSTRUCTOR_TOOLS = [
  'tools/new-lesson.ts',
  'tools/gradescope.ts',
  'tools/student-version.ts',
  'tools/leak-check.ts',
  'tools/exercise-files.ts',
  'tools/answer-bearing.ts',
];

/**
 * A test or bench file that names the instructor's side needs it: `solutions`, `instructor`,
 * `hostile` or `variants` as a path or a quoted word.
 */
const NEEDS_INSTRUCTOR = /['"`/](solutions|instructor)(['"`/]|$)|['"`/](hostile|variants)(['"`/]|$)/m;

/** The project's files as a fresh clone has them (plus new files not yet committed, not ignored). */
export function projectFiles(project: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: project, encoding: 'utf8' });
  return listed.split('\0').filter((f) => f && f !== 'node_modules' && !f.startsWith('node_modules/') && existsSync(join(project, f)));
}

/** The relative imports of a TypeScript file, as project paths (without extension). */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export|\})[^'"\n]*?['"](\.{1,2}\/[^'"]+)['"]/gm))
    out.push(normalize(join(dirname(file), m[1])).replace(/\.(m?ts|js)$/, ''));
  return out;
}

/**
 * Which of `files` the student version leaves out: the instructor's paths and tools, every
 * test or bench file that names them, and (repeatedly) every file that imports one left out.
 */
export function instructorSide(project: string, files: readonly string[]): Set<string> {
  const out = new Set(files.filter((f) => INSTRUCTOR_PATHS.some((p) => f.startsWith(p)) || INSTRUCTOR_TOOLS.includes(f)));
  const texts = new Map(files.filter((f) => /\.(m?ts)$/.test(f)).map((f) => [f, readFileSync(join(project, f), 'utf8')]));
  for (const [f, text] of texts) if (/^(test|bench)\//.test(f) && NEEDS_INSTRUCTOR.test(text)) out.add(f);
  for (let changed = true; changed;) {
    changed = false;
    const gone = new Set([...out].map((f) => f.replace(/\.(m?ts)$/, '').replace(/\/index$/, '')));
    for (const [f, text] of texts) {
      if (out.has(f) || f === 'grader/reference.ts') continue;
      if (importsOf(f, text).some((i) => gone.has(i) || gone.has(i.replace(/\/index$/, '')))) {
        out.add(f);
        changed = true;
      }
    }
  }
  return out;
}

/** The npm scripts a learner can run: those whose file is in the student version. */
export function learnerScripts(scripts: Record<string, string>, kept: (file: string) => boolean): Record<string, string> {
  return Object.fromEntries(
    Object.entries(scripts).filter(([, command]) => {
      const files = command.match(/[\w./-]+\.(?:m?ts|mjs|js)\b/g) ?? [];
      return files.every(kept);
    }),
  );
}

/**
 * The learner's README: the project's, without the sections for instructors and the bench,
 * and with a first paragraph saying what this copy is.
 */
export function learnerReadme(readme: string, hasBench: boolean): string {
  const sections = readme.split(/^(?=## )/m);
  const dropped = new Set(['## For instructors', ...(hasBench ? [] : ['## Speed'])]);
  const kept = sections.filter((s) => ![...dropped].some((d) => s.startsWith(d)));
  const intro =
    '> This is the course as learners get it: each exercise in `exercises/` is yours to write (replace each\n' +
    '> `throw new NotDoneYet(...)`), and `npm run grade` tells you what each test checked and what to fix. The\n' +
    '> reference answers and the hidden tests stay with your instructor.\n\n';
  const [title, ...rest] = kept;
  let text = `${title.replace(/\n+$/, '\n\n')}${intro}${rest.join('')}`;
  if (!hasBench) text = text.replace(/^\| `bench\/` .*\n/m, '').replace(/; `npm run bench` prints\s+speed and memory ratios\./, '.');
  return text;
}

/** One rule call the visible tests make, and its answer. */
type Answers = Map<string, Map<string, unknown>>;

/** The key of a rule call in the table: a hash of its arguments as JSON. */
export function answerKey(args: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 20);
}

/**
 * Runs every visible test's judge of the manifest on a few shapes of observation, recording
 * the rule calls the judges make: the answers the student version's grader needs.
 */
export async function visibleAnswers(project: string): Promise<{ names: string[]; answers: Answers; arity: Record<string, number> }> {
  const reference = (await import(join(project, 'grader', 'reference.ts'))) as Record<string, unknown> &
    typeof import('../grader/reference');
  const { exercises } = (await import(join(project, 'grader', 'manifest.ts'))) as typeof import('../grader/manifest');
  const answers: Answers = new Map();
  const stop = reference.recordAnswers((rule, args, answer) => {
    const table = answers.get(rule) ?? new Map<string, unknown>();
    table.set(answerKey(args), answer);
    answers.set(rule, table);
  });
  try {
    for (const e of exercises) {
      for (const t of e.tests) {
        for (const observed of [null, [], {}, '']) {
          try {
            t.judge(observed);
          } catch {
            // a judge may reject an odd shape by throwing; the rule calls it made before are recorded
          }
        }
      }
    }
  } finally {
    stop();
  }
  const names = Object.keys(reference).filter((k) => k !== 'recordAnswers' && typeof reference[k] === 'function');
  const arity = Object.fromEntries(
    names.map((n) => [n, (reference[n] as { arity?: number }).arity ?? (reference[n] as () => unknown).length]),
  );
  return { names, answers, arity };
}

/** The student version's `grader/reference.ts`: the recorded answers and no rule. */
export function answerTable(names: readonly string[], answers: Answers, arity: Readonly<Record<string, number>>): string {
  const table = Object.fromEntries(names.map((n) => [n, Object.fromEntries(answers.get(n) ?? [])]));
  return `/**
 * The answers the visible tests need, as a table: written by the instructor's
 * \`npm run student-version\` (the rules themselves stay with the instructor). A judge
 * asks for the answer to one case; a case the table lacks is judged by your instructor's grader.
 */
import { createHash } from 'node:crypto';

const table: Record<string, Record<string, unknown>> = ${JSON.stringify(table)};

/** No rule is recorded here: the grader's own tests use the instructor's. */
export function recordAnswers(_record: (rule: string, args: readonly unknown[], answer: unknown) => void): () => void {
  return () => undefined;
}

/** How many arguments each rule takes: a call from \`cases.map(rule)\` also passes an index and the list. */
const arity: Record<string, number> = ${JSON.stringify(arity)};

function recorded(rule: string): (...args: any[]) => any {
  return (...args: unknown[]) => {
    const key = createHash('sha256').update(JSON.stringify(args.slice(0, arity[rule]))).digest('hex').slice(0, 20);
    const answers = table[rule] ?? {};
    if (!(key in answers)) throw new Error('this case is judged by your instructor\\'s grader only');
    return structuredClone(answers[key]);
  };
}

${names.map((n) => `export const ${n} = recorded(${JSON.stringify(n)});`).join('\n')}
`;
}

export interface StudentVersion {
  readonly out: string;
  readonly files: number;
  readonly leftOut: readonly string[];
  /** The answer-bearing sources shipped compiled, and the `.js` and `.d.ts` files written for them. */
  readonly compiled: { readonly sources: readonly string[]; readonly files: readonly string[] };
  /** How many reference lines the leak check looked for. */
  readonly checked: number;
  readonly leaks: readonly Leak[];
}

/**
 * Writes the student version of `project` into `out` (which must not exist or be empty).
 * @example await writeStudentVersion('.', '/tmp/course') // then: cd /tmp/course && npm install && npm test
 */
export async function writeStudentVersion(project: string, out: string): Promise<StudentVersion> {
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty: give a new or empty folder`);
  if (!existsSync(join(project, 'solutions')))
    throw new Error("no solutions/ here: the student version is written from the instructor's repository");
  const files = projectFiles(project);
  const leftOut = instructorSide(project, files);
  const kept = (f: string) => existsSync(join(project, f)) && !leftOut.has(normalize(f));
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), text);
  };
  const exercises = stubs(project);
  const scripts = (JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const hasBench = 'bench' in learnerScripts(scripts, kept);
  const bearing = answerBearingFiles(project, files.filter((f) => !leftOut.has(f)));
  const compiled = compileAnswerBearing(project, bearing);
  let count = 0;
  for (const f of files) {
    if (leftOut.has(f) || f.startsWith('exercises/') || bearing.includes(f)) continue;
    if (compiled.has(f)) throw new Error(`${f} is both a project file and the compiled form of an answer-bearing source`);
    let text: string | Buffer = readFileSync(join(project, f));
    if (f === 'README.md') text = learnerReadme(text.toString('utf8'), hasBench);
    if (f === 'package.json') {
      const pkg = JSON.parse(text.toString('utf8')) as { scripts: Record<string, string> };
      text = `${JSON.stringify({ ...pkg, scripts: learnerScripts(pkg.scripts, kept) }, null, 2)}\n`;
    }
    write(f, text);
    count++;
  }
  for (const [file, text] of exercises) {
    write(join('exercises', file), text);
    count++;
  }
  for (const [file, text] of compiled) {
    write(file, text);
    count++;
  }
  const { names, answers, arity } = await visibleAnswers(project);
  write(join('grader', 'reference.ts'), answerTable(names, answers, arity));
  const lines = referenceLines(project);
  const found = leaks(out, lines);
  const shipped = { sources: bearing, files: [...compiled.keys()].sort() };
  return { out, files: count, leftOut: [...leftOut].sort(), compiled: shipped, checked: lines.length, leaks: found };
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('student-version.ts')) {
  const project = resolve(__dirname, '..');
  const dir = process.argv[2];
  if (!dir || dir.startsWith('-')) {
    console.error('student-version: give a new or empty folder: npm run student-version -- DIR');
    process.exit(2);
  }
  writeStudentVersion(project, resolve(dir)).then(
    (v) => {
      console.log(
        `wrote ${v.files} files to ${v.out}; left out ${v.leftOut.length} of the instructor's (solutions/, instructor/, and the tests and tools that need them)`,
      );
      const bytes = v.compiled.files.filter((f) => f.endsWith('.js')).reduce((n, f) => n + statSync(join(v.out, f)).size, 0);
      console.log(`compiled ${v.compiled.sources.length} answer-bearing library files (${bytes} bytes of minified JavaScript, with declarations)`);
      const { fresh, known, gone } = sortLeaks(v.leaks);
      if (report(v.out, v.checked, fresh, known, gone) !== 0) process.exit(1);
      console.log(`no reference line reached it. Next: cd ${relative(process.cwd(), v.out) || '.'} && git init && npm install && npm test`);
    },
    (e: Error) => {
      console.error(`student-version: ${e.message}`);
      process.exit(2);
    },
  );
}
