/**
 * `npm run build-exercises`: writes `exercises/` (the student version) from
 * `solutions/` (the reference with solution markers). `--check` writes nothing
 * and lists the files that are out of date instead (exit code 1 if any).
 *
 * It also writes the two lists the kit finds in its folders (tools/indexes.ts): the grader's
 * exercises (grader/exercises/index.ts) and the catalog's case files (lib/catalog/cases.ts).
 *
 * It never loses a learner's work. Without `solutions/` (the student version) it
 * refuses, saying why. Each file it writes carries a stamp, a hash of what it wrote:
 * it overwrites or removes only a file whose stamp still matches (or that holds
 * exactly what it would write now); a file anyone edited is left as it is, and named.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { indexDrift, IndexError, writeIndexes } from './indexes';
import { clearSolutions, MarkerError } from './markers';

const FIRST_LINE = '// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.';
const WRITTEN_BY = "// (Written by `npm run build-exercises` from the instructor's solutions/";

/** A short hash of a file's body: the stamp that says the file is still as the build wrote it. */
function stampOf(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

function header(body: string): string {
  return `${FIRST_LINE}\n${WRITTEN_BY}; stamp ${stampOf(body)}: once you edit this file, the build leaves it alone.)\n`;
}

/** The file's body (after the build's header) and its stamp, or null when the build did not write it. */
function builtParts(text: string): { body: string; stamp: string | null } | null {
  const lines = text.split('\n');
  if (lines[0] !== FIRST_LINE || !lines[1]?.startsWith(WRITTEN_BY)) return null;
  return { body: lines.slice(2).join('\n'), stamp: /stamp ([0-9a-f]{16})/.exec(lines[1])?.[1] ?? null };
}

/**
 * True when the build may replace `text` with `wanted`: the build wrote it and no one changed it
 * since (its stamp matches), or it holds the same code the build would write now.
 */
export function replaceable(text: string, wanted: string | null): boolean {
  const parts = builtParts(text);
  if (!parts) return false;
  if (parts.stamp !== null && parts.stamp === stampOf(parts.body)) return true;
  const next = wanted === null ? null : builtParts(wanted);
  return next !== null && next.body === parts.body;
}

/** Why the build cannot run here, or null. */
export function refusal(root: string): string | null {
  return existsSync(join(root, 'solutions'))
    ? null
    : "no solutions/ here (this is the student version): exercises/ holds your own work, so nothing was written";
}

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
    const body = clearSolutions(readFileSync(path, 'utf8'), relative(root, path));
    files.set(file, header(body) + body);
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

/** What a build did: files written, files it removed (their solution is gone), and files it left alone because someone edited them. */
export interface Built {
  readonly written: string[];
  readonly removed: string[];
  readonly kept: string[];
}

/**
 * Writes `exercises/` from `solutions/`; removes an exercise whose solution is gone. Touches
 * only files it wrote and no one changed since; throws (with `refusal`'s reason) without `solutions/`.
 */
export function buildExercises(root: string): Built {
  const why = refusal(root);
  if (why) throw new Error(why);
  const wanted = studentVersion(root);
  const dir = join(root, 'exercises');
  mkdirSync(dir, { recursive: true });
  const built: Built = { written: [], removed: [], kept: [] };
  for (const file of listTs(dir)) {
    if (wanted.has(file)) continue;
    if (replaceable(readFileSync(join(dir, file), 'utf8'), null)) {
      rmSync(join(dir, file));
      built.removed.push(`exercises/${file}`);
    } else built.kept.push(`exercises/${file}`);
  }
  for (const [file, text] of wanted) {
    const path = join(dir, file);
    if (existsSync(path)) {
      const now = readFileSync(path, 'utf8');
      if (now === text) continue;
      if (!replaceable(now, text)) {
        built.kept.push(`exercises/${file}`);
        continue;
      }
    }
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    built.written.push(`exercises/${file}`);
  }
  return built;
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
  const why = refusal(root);
  if (why) {
    console.error(`build-exercises: ${why}`);
    process.exit(2);
  }
  try {
    if (process.argv.includes('--check')) {
      const drift = driftOf(root);
      for (const d of drift) console.log(`${d.file}: ${d.why === 'missing' ? 'missing' : d.why === 'different' ? 'out of date' : 'has no solution'}; run npm run build-exercises`);
      const lists = indexDrift(root);
      for (const f of lists) console.log(`${f}: out of date with the files of its folder; run npm run build-exercises`);
      process.exitCode = drift.length + lists.length ? 1 : 0;
    } else {
      const { written, removed, kept } = buildExercises(root);
      console.log(written.length ? `wrote ${written.length} exercise(s): ${written.join(', ')}` : 'exercises/ is up to date with solutions/');
      if (removed.length) console.log(`removed ${removed.join(', ')}: their solution is gone`);
      for (const f of kept) console.log(`${f}: edited since the build wrote it, so left as it is (move it away and run again to take the new version)`);
      for (const f of writeIndexes(root)) console.log(`wrote ${f}: the files of its folder changed`);
    }
  } catch (e) {
    if (!(e instanceof MarkerError) && !(e instanceof IndexError)) throw e;
    console.error(e.message);
    process.exitCode = 1;
  }
}
