/**
 * The library files that carry an exercise's answer (issue 17, item 3): a lesson runs on them,
 * so the student version holds them, but compiled, as a course ships a reference binary.
 *
 * Such a file says so on its first line, `// answer-bearing: <exercise ids> (...)`
 * (lib/exercise/README.md lists them). `compileAnswerBearing` turns each `lib/.../X.ts` into
 *   - `X.js`: ES module, transpiled and minified by esbuild (local names mangled, comments
 *     dropped, no source map: a map would carry the source back);
 *   - `X.d.ts`: TypeScript's declarations with every comment removed, so that `tsc`, the
 *     editor and tslab still see the exported names and types, and no doc comment states a rule.
 * Imports stay extensionless (`from './voter'`): tsc resolves them to `X.d.ts`, and tsx, vitest
 * and the notebook kit (tools/jupyter/kit.mjs) to `X.js`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import ts from 'typescript';

/** The header an answer-bearing source starts with. */
export const ANSWER_BEARING_HEADER = /^\/\/ answer-bearing: /;

/** The first line of a compiled file: what it is, without naming the exercises it answers. */
export const COMPILED_BANNER = "// Compiled by the instructor's npm run student-version, on purpose: lib/exercise/README.md says why.";

/** True when `text` is the source of an answer-bearing file (its first line is the header). */
export function isAnswerBearing(text: string): boolean {
  return ANSWER_BEARING_HEADER.test(text);
}

/**
 * The answer-bearing sources among `files` (project paths): TypeScript files of `lib/` whose
 * first line is the header.
 * @example answerBearingFiles('.', ['lib/faults/duplicate.ts', 'lib/faults/drop.ts']) // ['lib/faults/duplicate.ts']
 */
export function answerBearingFiles(project: string, files: readonly string[]): string[] {
  return files
    .filter((f) => f.startsWith('lib/') && f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .filter((f) => isAnswerBearing(readFileSync(join(project, f), 'utf8')))
    .sort();
}

/**
 * The compiled form of each answer-bearing file: project path of the `.js` and the `.d.ts`
 * mapped to their text. Throws, naming the file, if one does not compile.
 * @example compileAnswerBearing('.', ['lib/faults/duplicate.ts'])
 * // Map { 'lib/faults/duplicate.js' => '...', 'lib/faults/duplicate.d.ts' => '...' }
 */
export function compileAnswerBearing(project: string, files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    const source = readFileSync(join(project, file), 'utf8');
    const { code } = transformSync(source, {
      loader: 'ts',
      format: 'esm',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      sourcemap: false,
      sourcefile: file,
    });
    out.set(file.replace(/\.ts$/, '.js'), `${COMPILED_BANNER}\n${code}`);
    out.set(file.replace(/\.ts$/, '.d.ts'), `${COMPILED_BANNER}\n${declarations(file, source)}`);
  }
  return out;
}

/**
 * TypeScript's declarations for one file, comments removed. Written file by file from the syntax
 * alone (`transpileDeclaration`, TypeScript's isolated declarations), which takes well under a
 * second where a whole program of lib takes ten: an export whose type only the checker could
 * infer stops it, with the file and line, and wants its type written out.
 * @example declarations('lib/faults/duplicate.ts', source) // 'export declare function duplicate(p: number): ...'
 */
export function declarations(file: string, source: string): string {
  const key = `${file}\0${source}`;
  const known = declared.get(key);
  if (known !== undefined) return known;
  const result = ts.transpileDeclaration(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
  });
  const problems = result.diagnostics ?? [];
  if (problems.length > 0) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => '', getNewLine: () => '\n' };
    throw new Error(`${file} cannot be declared on its own (write the exported types out):\n${ts.formatDiagnostics(problems.slice(0, 10), host)}`);
  }
  declared.set(key, result.outputText);
  return result.outputText;
}

/** Declarations already written, by file and source: the student version and its leak check both ask. */
const declared = new Map<string, string>();
