/**
 * Grading a class (issue 9): 30 copies of the reference graded with `--class` (learners side
 * by side, one per core) against the same 30 graded one after another with `--submission`,
 * as a shell loop over the learners would, each its own grader process: once fully
 * sequential (`--jobs 1`, one exercise at a time: the target's baseline, at most 0.65x on
 * 2 cores), and once as `npm run grade` does by default, where a single learner's exercises
 * already share the cores (there the class saves only each grading's start-up, and the
 * exercises' uneven split over the cores). All run here as child processes, one after another.
 *
 *   BENCH_CLASS_SIZE        learners (default 30)
 *   BENCH_CLASS_EXERCISES   the exercises graded, comma-separated (default 02-tally,05-elect,08-leader:
 *                           a whole class of every exercise takes over half an hour one by one)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fmt } from './measure';

const project = resolve(__dirname, '..');
const cli = join(project, 'grader', 'cli.ts');

function grader(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  if (run.status !== 0) throw new Error(`grade ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function benchClass(
  size = Number(process.env.BENCH_CLASS_SIZE ?? 30),
  only = process.env.BENCH_CLASS_EXERCISES ?? '02-tally,05-elect,08-leader',
): void {
  const root = mkdtempSync(join(tmpdir(), 'bench-class-'));
  try {
    const learners = join(root, 'class');
    const names = Array.from({ length: size }, (_, i) => `learner-${String(i + 1).padStart(2, '0')}`);
    for (const name of names) {
      for (const id of only.split(',')) cpSync(join(project, 'solutions', `${id}.ts`), join(learners, name, `${id}.ts`));
    }
    const one = grader(['--submission', join(learners, names[0]), '--only', only, '--out', join(root, 'warm.json')]);

    const loop = (jobs: string[]) => {
      let total = 0;
      for (const name of names) {
        total += grader([
          '--submission',
          join(learners, name),
          '--only',
          only,
          ...jobs,
          '--out',
          join(root, 'single', `${name}.json`),
          '--expect',
          'full',
        ]);
      }
      return total;
    };
    const sequential = loop(['--jobs', '1']);
    const defaults = loop([]);
    const together = grader(['--class', learners, '--only', only, '--out', join(root, 'out')]);

    // The class must have graded what the singles did: every learner the reference's score.
    const score = String((JSON.parse(readFileSync(join(root, 'warm.json'), 'utf8')) as { score: number }).score);
    const rows = readFileSync(join(root, 'out', 'gradebook.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    if (rows.length !== size || rows.some((line) => line.split(',').at(-2) !== score))
      throw new Error(`the class gradebook is incomplete:\n${rows.join('\n')}`);

    console.log(`grading a class: ${size} copies of the reference (${only}), ${availableParallelism()} cores`);
    console.log(`  one learner ${fmt(one / 1000)} s; --class ${fmt(together / 1000)} s`);
    console.log(
      `  against ${size} one after another, one exercise at a time (--jobs 1): ` +
        `${fmt(sequential / 1000)} s: ${fmt(together / sequential)}x (target: at most 0.65x)`,
    );
    console.log(
      `  against ${size} one after another, each on all cores (the default): ${fmt(defaults / 1000)} s: ${fmt(together / defaults)}x`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('class.ts')) benchClass();
