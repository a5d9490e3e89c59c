/**
 * The lists the kit finds in its folders instead of keeping by hand: the grader's exercises
 * (`grader/exercises/NN-*.ts`, each exporting `exercise`), the catalog's case files
 * (`lib/catalog/NN-*.ts`, each exporting one `...Cases: readonly CatalogEntry[]`) and, on the
 * instructor's side, the reference rules the judges compare answers with (`instructor/reference/*.ts`,
 * each rule an `export function expectedX` or `export const expectedX`).
 *
 * Each list is written out as a file of static imports, `grader/exercises/index.ts`,
 * `lib/catalog/cases.ts` and `grader/reference-rules.ts`, rather than read from the folder at run
 * time: the notebooks import the catalog through the compiled kit (tools/jupyter/kit.mjs) under
 * tslab, and a bundler or a Gradescope image should see every module a plain import names.
 * `npm run build-exercises` writes them, `build-exercises --check` fails when one is out of date,
 * and `npm run new-lesson` writes its new files and then these, so that no tool edits a
 * hand-written file. Order is the file names': lesson, then id. The rules' list exists only where
 * instructor/reference/ does: the student version has neither (its grader/reference.ts is a table).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file named for its lesson: two digits, a dash, lower-case words. */
const LESSON_FILE = /^(\d\d-[a-z0-9-]+)\.ts$/;

/** One generated list: where it goes and the folder it lists. */
export interface GeneratedIndex {
  /** The generated file, relative to the project. */
  readonly file: string;
  /** What it lists, relative to the project. */
  readonly folder: string;
}

export const EXERCISE_INDEX: GeneratedIndex = { file: 'grader/exercises/index.ts', folder: 'grader/exercises' };
export const CATALOG_INDEX: GeneratedIndex = { file: 'lib/catalog/cases.ts', folder: 'lib/catalog' };
export const REFERENCE_INDEX: GeneratedIndex = { file: 'grader/reference-rules.ts', folder: 'instructor/reference' };

/** A list that cannot be written: which file, and what to fix. */
export class IndexError extends Error {
  override readonly name = 'IndexError';
}

/** Code-point order, the same on every machine (no locale): lesson, then id. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The stems (`04-voter`) of the lesson files in `folder`, lesson then id, in code-point order (no locale). */
export function lessonFiles(project: string, folder: string): string[] {
  const dir = join(project, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => LESSON_FILE.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort(byCodePoint);
}

/** `04-voter-recovery` -> `lesson04VoterRecovery`: a name to import an exercise under. */
function identifier(stem: string): string {
  const [lesson, ...words] = stem.split('-');
  return `lesson${lesson}${words.map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`;
}

const HEADER = (what: string) =>
  `// Written by \`npm run build-exercises\` from ${what}, in lesson order; do not edit.\n` +
  '// `npm run build-exercises -- --check` fails when this file is out of date (tools/indexes.ts).\n';

/** The text of `grader/exercises/index.ts`: every exercise of the grader, lesson then id. */
export function exerciseIndex(project: string): string {
  const stems = lessonFiles(project, EXERCISE_INDEX.folder);
  for (const stem of stems) {
    const text = readFileSync(join(project, EXERCISE_INDEX.folder, `${stem}.ts`), 'utf8');
    if (!/^export const exercise\b/m.test(text)) {
      throw new IndexError(`${EXERCISE_INDEX.folder}/${stem}.ts: a file named for a lesson must export \`const exercise: ExerciseSpec\`; rename a helper so it does not start with two digits`);
    }
  }
  return (
    `${HEADER('the files grader/exercises/NN-*.ts')}import type { ExerciseSpec } from '../types';\n` +
    stems.map((s) => `import { exercise as ${identifier(s)} } from './${s}';\n`).join('') +
    '\n/** Every exercise the grader knows, in lesson order; grader/manifest.ts is its public name. */\n' +
    `export const exercises: readonly ExerciseSpec[] = [\n${stems.map((s) => `  ${identifier(s)},\n`).join('')}];\n`
  );
}

/** The text of `lib/catalog/cases.ts`: every case file's cases, lesson then file name. */
export function catalogIndex(project: string): string {
  const files = lessonFiles(project, CATALOG_INDEX.folder).map((stem) => {
    const text = readFileSync(join(project, CATALOG_INDEX.folder, `${stem}.ts`), 'utf8');
    const names = [...text.matchAll(/^export const (\w+): readonly CatalogEntry\[\] =/gm)].map((m) => m[1]);
    if (names.length !== 1) {
      throw new IndexError(
        `${CATALOG_INDEX.folder}/${stem}.ts: a case file must export exactly one \`const ...Cases: readonly CatalogEntry[]\`; found ${names.length}`,
      );
    }
    return { stem, name: names[0] };
  });
  return (
    `${HEADER('the case files lib/catalog/NN-*.ts')}import type { CatalogEntry } from './entry';\n` +
    files.map((f) => `import { ${f.name} } from './${f.stem}';\n`).join('') +
    "\n/** Every case file's cases, in lesson order; lib/catalog/index.ts publishes them as `catalog`. */\n" +
    `export const cases: readonly CatalogEntry[] = [\n${files.map((f) => `  ...${f.name},\n`).join('')}];\n`
  );
}

/** A rule's name: `expected` and a capital or a digit (`expectedTally`, `expectedLesson11`). */
const RULE_EXPORT = /^export (?:async )?(?:function|const|let) (expected[A-Z0-9]\w*)\b/gm;

/** A file of rules, as the generated list imports it: its stem, the name it is imported under, its rules. */
export interface RuleFile {
  readonly stem: string;
  readonly alias: string;
  readonly rules: readonly string[];
}

/**
 * The rules of `instructor/reference/*.ts`, file by file in code-point order: in each file, every
 * `export function` or `export const` whose name starts with `expected` and a capital or digit.
 * A file with none, a file name that cannot be imported under a name, or a rule name two files
 * share stops it, naming the files.
 */
export function referenceRules(project: string): RuleFile[] {
  const dir = join(project, REFERENCE_INDEX.folder);
  if (!existsSync(dir)) return [];
  const stems = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort(byCodePoint);
  const owner = new Map<string, string>();
  return stems.map((stem) => {
    const where = `${REFERENCE_INDEX.folder}/${stem}.ts`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(stem)) throw new IndexError(`${where}: name a reference file in lower-case words and dashes, e.g. 11-raft-briefly.ts`);
    const rules = [...readFileSync(join(dir, `${stem}.ts`), 'utf8').matchAll(RULE_EXPORT)].map((m) => m[1]);
    if (rules.length === 0) {
      throw new IndexError(`${where}: a reference file must export at least one rule, \`export function expectedX\` or \`export const expectedX\`; keep helpers unexported or elsewhere`);
    }
    for (const rule of rules) {
      const other = owner.get(rule);
      if (other !== undefined) throw new IndexError(`${where}: the rule ${rule} is exported by ${other} too; judges reach rules by name, so give each its own`);
      owner.set(rule, where);
    }
    const alias = LESSON_FILE.test(`${stem}.ts`) ? identifier(stem) : stem.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    if (owner.has(alias)) throw new IndexError(`${where}: its file name reads as the rule ${alias}; rename the file`);
    return { stem, alias, rules };
  });
}

/** The text of `grader/reference-rules.ts`: every reference rule, wrapped so that its calls are recorded. */
export function referenceIndex(project: string): string {
  const files = referenceRules(project);
  return (
    `${HEADER('the rules exported by instructor/reference/*.ts')}` +
    "// grader/reference.ts is the judges' door to these; in the student version neither this file nor the rules exist.\n" +
    "import { recorded } from './recording';\n" +
    files.map((f) => `import * as ${f.alias} from '../${REFERENCE_INDEX.folder}/${f.stem}';\n`).join('') +
    '\n' +
    files.flatMap((f) => f.rules.map((r) => `export const ${r} = recorded('${r}', ${f.alias}.${r});\n`)).join('')
  );
}

/** The generated files as they should be now: path -> text. The rules' list only where instructor/reference/ is. */
export function indexes(project: string): Map<string, string> {
  const lists = new Map([
    [EXERCISE_INDEX.file, exerciseIndex(project)],
    [CATALOG_INDEX.file, catalogIndex(project)],
  ]);
  if (existsSync(join(project, REFERENCE_INDEX.folder))) lists.set(REFERENCE_INDEX.file, referenceIndex(project));
  return lists;
}

/** The generated files that are missing or out of date; empty when all are current. */
export function indexDrift(project: string): string[] {
  return [...indexes(project)].filter(([file, text]) => !existsSync(join(project, file)) || readFileSync(join(project, file), 'utf8') !== text).map(([file]) => file);
}

/** Writes the generated files that are out of date; returns them. */
export function writeIndexes(project: string): string[] {
  const written: string[] = [];
  for (const [file, text] of indexes(project)) {
    const path = join(project, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written.push(file);
  }
  return written;
}
