/**
 * `npm run leak-check -- DIR`: fails when any distinctive line of a reference solution
 * (the code between `// BEGIN SOLUTION` and `// END SOLUTION` in `solutions/*.ts`)
 * appears in any file under DIR: the student version, its built site included.
 *
 * A line is distinctive when, with its spaces collapsed, it is at least 20 characters of
 * code (not a comment, not the HINT, which the stub shows on purpose). A short solution (a
 * rule of a few lines) is looked for line by line; a longer one (a lab's whole role, whose
 * lines one by one are the shape every role shares: `case 'receive':`, a state's fields) by
 * every run of three consecutive code lines with two distinctive ones among them, at least 60
 * characters together. Files are compared with their spaces collapsed too, and an HTML page
 * by its text (tags removed, entities decoded), so a line split by syntax highlighting or
 * re-indented still counts.
 *
 * A library file whose first line says `// answer-bearing: <exercise ids>` holds those
 * exercises' answers by design (a lab's reference role runs the lessons): the student version
 * ships it compiled (tools/answer-bearing.ts). Such a source in DIR fails the check, and so does
 * a readable copy of one without its header: its code is looked for as a long solution is.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ANSWER_BEARING_HEADER, answerBearingFiles, declarations } from './answer-bearing';

/** One distinctive line of a reference solution. */
export interface SolutionLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** A solution line found in a file of the student version. */
export interface Leak {
  readonly file: string;
  readonly solution: SolutionLine;
}

const MIN_LENGTH = 20;
/** A solution region of this many code lines or more is looked for by runs of WINDOW lines. */
const LONG_REGION = 12;
const WINDOW = 3;
const MIN_WINDOW_LENGTH = 60;

/** Lines of a solution too common in the kit to tell anything: the way every lesson builds a scenario or walks a trace. */
export const IDIOMS: readonly string[] = [
  'protocol: twoPhaseCommit(),',
  'for (const e of run.trace) {',
  'for (const r of rows) {',
  "if (e.kind !== 'decide') continue;",
  // The last item of a list: lib's textbook 2PC voter reads its log so too (its rule is written differently).
  'const last = log[log.length - 1];',
  // The signature of every linearizability model's step (lib/linearizability/models.ts): the shape, not an answer.
  'step(state, input, output) {',
  // The skeleton every role's step shares (the roles of lib/protocols read so, as the lessons show).
  'switch (input.kind) {',
  'const { from, message } = input;',
  'switch (message.type) {',
];

/** A scenario's protocol line, `protocol: paxosCommit(),`: how every lesson names its protocol. */
const PROTOCOL_LINE = /^protocol: \w+\(\),$/;

/**
 * Leaks known and not yet fixed, outside this tool's reach: each is printed on every run,
 * and the check fails once one is gone, so that this list only ever shrinks.
 */
export const KNOWN: readonly { readonly file: string; readonly solution: string; readonly why: string }[] = [
  // lib/faults/duplicate.ts (01-duplicate) and lib/protocols/paxos-commit/decision.ts (08-leader) were
  // here: the student version now ships them compiled, and the grader's import policy refuses them.
];

/** Splits leaks into those known (KNOWN) and new ones; lists known leaks that no longer occur. */
export function sortLeaks(found: readonly Leak[]): { fresh: Leak[]; known: Leak[]; gone: (typeof KNOWN)[number][] } {
  const isKnown = (l: Leak) => KNOWN.some((k) => k.file === l.file && k.solution === l.solution.file);
  return {
    fresh: found.filter((l) => !isKnown(l)),
    known: found.filter(isKnown),
    gone: KNOWN.filter((k) => !found.some((l) => l.file === k.file && l.solution.file === k.solution)),
  };
}
// build/ (the notebooks' kit, compiled from lib/) is read like the rest: a readable copy of an
// answer-bearing file must not reach it either.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.venv']);

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The distinctive lines of every solution in `solutionsDir`, with file and line.
 * @example solutionLines('solutions')[0] // { file: 'solutions/01-duplicate.ts', line: 14, text: 'return (source) =>' ... }
 */
export function solutionLines(solutionsDir: string, root = resolve(solutionsDir, '..')): SolutionLine[] {
  const out: SolutionLine[] = [];
  for (const name of readdirSync(solutionsDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const path = join(solutionsDir, name);
    const file = relative(root, path);
    const regions: { line: number; text: string }[][] = [];
    let region: { line: number; text: string }[] | null = null;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (/\/\/\s*BEGIN SOLUTION/.test(raw)) regions.push((region = []));
        else if (/\/\/\s*END SOLUTION/.test(raw)) region = null;
        else if (region !== null) {
          const text = collapse(raw);
          if (text !== '' && !text.startsWith('//')) region.push({ line: i + 1, text });
        }
      });
    const seen = new Set<string>();
    const add = (line: number, text: string) => {
      if (seen.has(text)) return;
      seen.add(text);
      out.push({ file, line, text });
    };
    for (const code of regions) {
      if (code.length < LONG_REGION) {
        for (const l of code) if (distinctive(l.text)) add(l.line, l.text);
        continue;
      }
      for (const run of runs(code)) add(run.line, run.text);
    }
  }
  return out;
}

function distinctive(text: string): boolean {
  return text.length >= MIN_LENGTH && /[A-Za-z]/.test(text) && !IDIOMS.includes(text) && !PROTOCOL_LINE.test(text);
}

/** The runs of WINDOW consecutive code lines of a long piece of code that tell it apart: how a lab's whole role is looked for. */
function runs(code: readonly { line: number; text: string }[]): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (let i = 0; i + WINDOW <= code.length; i++) {
    const run = code.slice(i, i + WINDOW);
    const text = run.map((l) => l.text).join(' ');
    if (text.length >= MIN_WINDOW_LENGTH && run.filter((l) => distinctive(l.text)).length >= 2) out.push({ line: run[0].line, text });
  }
  return out;
}

/**
 * The code of every answer-bearing library file of `project` (tools/answer-bearing.ts), as runs
 * of lines that tell it apart: a readable copy of one, header or not, is found by them. Left out:
 * comments and imports (the comments are not the answer; a compiled file keeps its imports), and
 * runs that its declarations, the rest of lib/ or the stubs in exercises/ also hold (exported
 * types, a state class's fields, the plumbing a lab shares with its reference role), which
 * ship readable on purpose.
 * @example answerBearingLines('.')[0] // { file: 'lib/checkers/agreement.ts', line: 13, text: 'export function agreement(...' }
 */
export function answerBearingLines(project: string): SolutionLine[] {
  const files = ['lib', 'exercises'].flatMap((dir) =>
    existsSync(join(project, dir)) ? [...filesUnder(join(project, dir))].map((f) => relative(project, f)).filter((f) => f.endsWith('.ts')) : [],
  );
  const bearing = answerBearingFiles(project, files);
  // One text, files apart by a newline (which no collapsed text holds): one search per run.
  const open = [
    ...files.filter((f) => !bearing.includes(f)).map((f) => collapse(readFileSync(join(project, f), 'utf8'))),
    ...bearing.map((f) => collapse(declarations(f, readFileSync(join(project, f), 'utf8')))),
  ].join('\n');
  const out: SolutionLine[] = [];
  const seen = new Set<string>();
  for (const file of bearing) {
    const code: { line: number; text: string }[] = [];
    let inComment = false;
    let inModuleStatement = false;
    readFileSync(join(project, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const text = collapse(raw);
        if (inComment) inComment = !text.includes('*/');
        else if (text.startsWith('/*')) inComment = !text.includes('*/');
        else if (inModuleStatement) inModuleStatement = !MODULE_STATEMENT_END.test(text);
        else if (MODULE_STATEMENT.test(text)) inModuleStatement = !MODULE_STATEMENT_END.test(text);
        else if (text !== '' && !text.startsWith('//')) code.push({ line: i + 1, text });
      });
    for (const run of runs(code)) {
      if (seen.has(run.text) || open.includes(run.text)) continue;
      seen.add(run.text);
      out.push({ file, ...run });
    }
  }
  return out;
}

/** An import or re-export, which may run over several lines until its `from '...'` or `;`. */
const MODULE_STATEMENT = /^(import\b|export (\*|\{|type \{))/;
const MODULE_STATEMENT_END = /from ['"]|;$|^import ['"]/;

/** What the check looks for: the solutions' distinctive lines and the answer-bearing files' code. */
export function referenceLines(project: string): SolutionLine[] {
  return [...solutionLines(join(project, 'solutions'), project), ...answerBearingLines(project)];
}

/** The text of a file as the check reads it: spaces collapsed; for HTML, the text without tags and entities. */
export function comparableText(path: string, raw: string): string {
  if (!/\.html?$/i.test(path)) return collapse(raw);
  const text = raw
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return collapse(text);
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile() && statSync(path).size < 20_000_000) yield path;
  }
}

/**
 * Every place under `dir` where a solution line appears; empty when nothing leaked.
 * @example leaks('/tmp/course', solutionLines('solutions')) // [] when the student version is clean
 */
export function leaks(dir: string, lines: readonly SolutionLine[]): Leak[] {
  const found: Leak[] = [];
  for (const path of filesUnder(dir)) {
    const raw = readFileSync(path);
    if (raw.includes(0)) continue; // binary
    const source = raw.toString('utf8');
    const file = relative(dir, path);
    // An answer-bearing source as it is: the student version must hold it compiled.
    if (ANSWER_BEARING_HEADER.test(source)) found.push({ file, solution: { file, line: 1, text: source.split('\n', 1)[0] } });
    const text = comparableText(path, source);
    for (const solution of lines) if (text.includes(solution.text)) found.push({ file, solution });
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('leak-check.ts')) {
  const project = resolve(__dirname, '..');
  const dir = process.argv[2];
  if (!dir || dir.startsWith('-') || !existsSync(dir)) {
    console.error("leak-check: give the student version's folder: npm run leak-check -- DIR");
    process.exit(2);
  }
  const lines = referenceLines(project);
  const { fresh, known, gone } = sortLeaks(leaks(resolve(dir), lines));
  process.exit(report(dir, lines.length, fresh, known, gone));
}

/** Prints what the check found; returns the exit code (1 when a new leak is found or a known one is gone). */
export function report(
  dir: string,
  checked: number,
  fresh: readonly Leak[],
  known: readonly Leak[],
  gone: readonly (typeof KNOWN)[number][],
): number {
  for (const l of fresh) {
    if (l.solution.file === l.file && l.solution.line === 1 && ANSWER_BEARING_HEADER.test(l.solution.text))
      console.log(`${l.file}: an answer-bearing source (its first line says so); the student version ships it compiled, not readable`);
    else console.log(`${l.file}: holds ${l.solution.file}:${l.solution.line}: ${l.solution.text}`);
  }
  for (const k of KNOWN.filter((k) => known.some((l) => l.file === k.file)))
    console.log(`known, not fixed: ${k.file} holds lines of ${k.solution}: ${k.why}`);
  for (const k of gone) console.log(`${k.file} no longer holds ${k.solution}: remove it from KNOWN in tools/leak-check.ts`);
  console.log(
    fresh.length
      ? `leak-check: ${fresh.length} reference line(s) found in ${dir}`
      : `leak-check: no new reference line among ${checked} appears in ${dir}`,
  );
  return fresh.length || gone.length ? 1 : 0;
}
