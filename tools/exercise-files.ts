/**
 * `npm run exercise-files -- 05-elect`: when an exercise's reference (`solutions/<id>.ts`)
 * changes, every other file that must follow, with file and line: the stub, the probes and
 * the hidden probe (they call the learner's functions), the judges (visible and hidden), the
 * fixtures they share, the reference rule the judges compare with, the notebook cells that
 * load the exercise, the wrong answers that copy it, and any other test that names it.
 *
 * It reads the files, so an exercise added tomorrow is found the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { REFERENCE_INDEX, referenceRules } from './indexes';

/** One place to look at: a file, a line (1-based; for a notebook, the line of its JSON), and why. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly why: string;
}

/** The names an exercise file exports: the functions and constants a learner writes. */
export function exportedNames(source: string): string[] {
  return [...source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+(\w+)/gm)].map((m) => m[1]);
}

function lines(project: string, file: string): string[] {
  return readFileSync(join(project, file), 'utf8').split('\n');
}

/** Lines of `file` that match `test`, as places with `why`. */
function matching(project: string, file: string, test: (line: string) => boolean, why: string): Place[] {
  if (!existsSync(join(project, file))) return [];
  return lines(project, file).flatMap((text, i) => (test(text) ? [{ file, line: i + 1, why }] : []));
}

const word = (names: readonly string[]) => new RegExp(`\\b(${names.join('|')})\\b`);

/** The project files a TypeScript file imports from `folder` (relative imports), with the names it takes. */
function importsFrom(project: string, file: string, folder: string): { file: string; names: string[] }[] {
  if (!existsSync(join(project, file))) return [];
  const out: { file: string; names: string[] }[] = [];
  for (const m of readFileSync(join(project, file), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = `${normalize(join(dirname(file), m[2]))}.ts`;
    if (!target.startsWith(folder) || !existsSync(join(project, target))) continue;
    const names = m[1]
      .split(',')
      .map(
        (n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0],
      )
      .filter(Boolean);
    out.push({ file: target, names });
  }
  return out;
}

function listFiles(project: string, dir: string, ext: string): string[] {
  const full = join(project, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(project, join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
}

/**
 * Every place that must follow when `solutions/<id>.ts` changes.
 * @example
 * exerciseFiles('.', '05-elect').map((p) => `${p.file}:${p.line}`)
 * // ['exercises/05-elect.ts:1', 'test/exercises/05-elect.grade.ts:2', ...]
 */
export function exerciseFiles(project: string, id: string): Place[] {
  const solution = `solutions/${id}.ts`;
  if (!existsSync(join(project, solution))) {
    const known = listFiles(project, 'solutions', '.ts').map((f) => f.replace(/^solutions\/|\.ts$/g, ''));
    throw new Error(`no exercise ${JSON.stringify(id)}; the exercises are ${known.join(', ')}`);
  }
  const names = exportedNames(readFileSync(join(project, solution), 'utf8'));
  const calls = names.length ? word(names) : /$^/;
  const places: Place[] = [
    { file: `exercises/${id}.ts`, line: 1, why: 'the stub: npm run build-exercises rewrites it (a learner-edited copy is left alone)' },
  ];

  const probes = [`test/exercises/${id}.grade.ts`, `instructor/hidden/${id}.grade.ts`];
  const judges = [`grader/exercises/${id}.ts`, `instructor/hidden/${id}.judge.ts`];
  places.push(
    ...matching(project, probes[0], (l) => calls.test(l) || l.includes(`exercises/${id}`), "visible probe: calls the learner's code"),
  );
  places.push(
    ...matching(project, probes[1], (l) => calls.test(l) || l.includes(`exercises/${id}`), "hidden probe: calls the learner's code"),
  );
  places.push(
    ...matching(project, judges[0], (l) => /\bname:|\bjudge:/.test(l), "judge: a test's name (must match its probe) or its judgement"),
  );
  places.push(...matching(project, judges[1], (l) => /\bname:|\bjudge:/.test(l), "hidden judge: a test's name or its judgement"));

  // The fixtures and reference rules the probes and judges use, where each name is defined.
  const defined = (file: string, used: readonly string[], why: string) =>
    matching(project, file, (l) => new RegExp(`^export\\s+(?:const|function|interface|type)\\s+(${used.join('|')})\\b`).test(l), why);
  for (const f of [...probes, ...judges]) {
    for (const imp of importsFrom(project, f, 'grader/worker/fixtures/'))
      places.push(...defined(imp.file, imp.names, `fixture used by ${f}`));
    for (const imp of [...importsFrom(project, f, 'instructor/reference/'), ...importsFrom(project, f, 'grader/reference')]) {
      if (imp.file === 'grader/reference.ts') {
        // The door re-exports every `expected...` rule of instructor/reference/ under its own name (tools/indexes.ts).
        for (const rules of referenceRules(project)) {
          const used = imp.names.filter((n) => rules.rules.includes(n));
          const file = `${REFERENCE_INDEX.folder}/${rules.stem}.ts`;
          if (used.length) places.push(...defined(file, used, `the reference rule ${f} compares with: it is the answer, keep it in step`));
        }
      } else places.push(...defined(imp.file, imp.names, `the reference rule ${f} compares with: it is the answer, keep it in step`));
    }
  }

  // Notebook cells that load or call the exercise.
  for (const nb of listFiles(project, 'notebooks', '.ipynb')) {
    places.push(
      ...matching(
        project,
        nb,
        (l) => l.includes(`exercises/${id}`) || (l.includes('"') && calls.test(l) && /[(]/.test(l)),
        'notebook cell that loads or calls the exercise',
      ),
    );
  }
  // Wrong answers: copies of the reference one line off, and the tests each says it loses.
  for (const v of listFiles(project, join('test', 'grader', 'variants', id), '.ts')) {
    places.push(
      ...matching(
        project,
        v,
        (l) => l.startsWith('// loses:'),
        'wrong answer: a copy of the reference one mistake off; its loses: lines name the tests it fails',
      ),
    );
  }
  // Any other test or tool that names the exercise's files.
  const seen = new Set(places.map((p) => p.file));
  for (const f of [...listFiles(project, 'test', '.ts'), ...listFiles(project, 'bench', '.ts')]) {
    if (seen.has(f) || f.startsWith(`test/grader/variants/${id}/`)) continue;
    places.push(
      ...matching(project, f, (l) => l.includes(`'${id}'`) || l.includes(`/${id}'`) || l.includes(`${id}.ts`), 'names the exercise'),
    );
  }
  const unique = new Map<string, Place>();
  for (const p of places) if (!unique.has(`${p.file}:${p.line}`)) unique.set(`${p.file}:${p.line}`, p);
  return [...unique.values()];
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('exercise-files.ts')) {
  const project = resolve(__dirname, '..');
  const id = process.argv[2]?.replace(/^solutions\//, '').replace(/\.ts$/, '');
  if (!id || id.startsWith('-')) {
    console.error('exercise-files: name an exercise: npm run exercise-files -- 05-elect');
    process.exit(2);
  }
  try {
    const places = exerciseFiles(project, id);
    for (const p of places) console.log(`${relative(project, join(project, p.file))}:${p.line}: ${p.why}`);
    console.log(
      `\n${new Set(places.map((p) => p.file)).size} files follow solutions/${id}.ts. Then: npm run build-exercises, npm run grade -- --target solutions --only ${id} --expect full, and the grader's tests.`,
    );
  } catch (e) {
    console.error(`exercise-files: ${(e as Error).message}`);
    process.exit(2);
  }
}
