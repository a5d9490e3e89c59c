/**
 * The two lists the kit finds in its folders instead of keeping by hand: the grader's exercises
 * (`grader/exercises/NN-*.ts`, each exporting `exercise`) and the catalog's case files
 * (`lib/catalog/NN-*.ts`, each exporting one `...Cases: readonly CatalogEntry[]`).
 *
 * Each list is written out as a file of static imports, `grader/exercises/index.ts` and
 * `lib/catalog/cases.ts`, rather than read from the folder at run time: the notebooks import the
 * catalog through the compiled kit (tools/jupyter/kit.mjs) under tslab, and a bundler or a
 * Gradescope image should see every module a plain import names. `npm run build-exercises`
 * writes both files, `build-exercises --check` fails when one is out of date, and
 * `npm run new-lesson` writes its new files and then these two, so that no tool edits a
 * hand-written file. Order is the file names': lesson, then id.
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

/** A list that cannot be written: which file, and what to fix. */
export class IndexError extends Error {
  override readonly name = 'IndexError';
}

/** The stems (`04-voter`) of the lesson files in `folder`, lesson then id, in code-point order (no locale). */
export function lessonFiles(project: string, folder: string): string[] {
  const dir = join(project, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => LESSON_FILE.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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

/** Both generated files as they should be now: path -> text. */
export function indexes(project: string): Map<string, string> {
  return new Map([
    [EXERCISE_INDEX.file, exerciseIndex(project)],
    [CATALOG_INDEX.file, catalogIndex(project)],
  ]);
}

/** The generated files that are missing or out of date; empty when both are current. */
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
