/**
 * `npm run build-exercises`: writes `exercises/` (the student version) from
 * `solutions/` (the reference with solution markers). `--check` writes nothing
 * and lists the files that are out of date instead (exit code 1 if any).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { clearSolutions, MarkerError } from './markers';

const HEADER =
  '// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.\n' +
  '// (Written by `npm run build-exercises` from the instructor\'s solutions/.)\n';

/** One file that differs between what `solutions/` says and what `exercises/` holds. */
export interface Drift {
  readonly file: string;
  readonly why: 'missing' | 'different' | 'no solution';
}

/** Every exercise file the solutions produce, by path relative to `exercises/`. */
export function studentVersion(root: string): Map<string, string> {
  const solutions = join(root, 'solutions');
  const files = new Map<string, string>();
  for (const file of listTs(solutions)) {
    const path = join(solutions, file);
    files.set(file, HEADER + clearSolutions(readFileSync(path, 'utf8'), relative(root, path)));
  }
  return files;
}

/**
 * The files of `exercises/` that are out of date with `solutions/`; empty when in sync.
 * @example driftOf(process.cwd()) // [{ file: 'exercises/01-duplicate.ts', why: 'different' }]
 */
export function driftOf(root: string): Drift[] {
  const wanted = studentVersion(root);
  const dir = join(root, 'exercises');
  const drift: Drift[] = [];
  for (const [file, text] of wanted) {
    const path = join(dir, file);
    if (!existsSync(path)) drift.push({ file: `exercises/${file}`, why: 'missing' });
    else if (readFileSync(path, 'utf8') !== text) drift.push({ file: `exercises/${file}`, why: 'different' });
  }
  for (const file of existsSync(dir) ? listTs(dir) : []) if (!wanted.has(file)) drift.push({ file: `exercises/${file}`, why: 'no solution' });
  return drift;
}

/** Writes `exercises/` from `solutions/` and removes exercises whose solution is gone; returns the files written. */
export function buildExercises(root: string): string[] {
  const wanted = studentVersion(root);
  const dir = join(root, 'exercises');
  mkdirSync(dir, { recursive: true });
  for (const file of listTs(dir)) if (!wanted.has(file)) rmSync(join(dir, file));
  for (const [file, text] of wanted) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return [...wanted.keys()].map((f) => `exercises/${f}`);
}

function listTs(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) out.push(...listTs(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith('.ts')) out.push(prefix + entry.name);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('build-exercises.ts')) {
  const root = resolve(__dirname, '..');
  try {
    if (process.argv.includes('--check')) {
      const drift = driftOf(root);
      for (const d of drift) console.log(`${d.file}: ${d.why === 'missing' ? 'missing' : d.why === 'different' ? 'out of date' : 'has no solution'}; run npm run build-exercises`);
      process.exitCode = drift.length ? 1 : 0;
    } else {
      const written = buildExercises(root);
      console.log(`wrote ${written.length} exercises: ${written.join(', ')}`);
    }
  } catch (e) {
    if (!(e instanceof MarkerError)) throw e;
    console.error(e.message);
    process.exitCode = 1;
  }
}
