/**
 * `npm run grade [-- options]`: grades the learner's exercises and writes
 * `grade/results.json` (Gradescope's schema). `USAGE` below lists the options;
 * `--help` prints it. A mistake on the command line exits 2 with one line naming the option.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gradeClass, writeClass } from './class';
import { grade, submissionFolder } from './grade';
import { exercises } from './manifest';
import { summary } from './report';

export const USAGE = `Usage: npm run grade [-- options]

Grades your exercises/ and writes grade/results.json (Gradescope's format).

  --target exercises|solutions|DIR   what to grade (default exercises)
  --submission DIR                   a learner's upload: the files, an exercises/ folder, or one folder around either
  --class DIR                        every subfolder of DIR is one learner: grade/gradebook.csv
  --only ID[,ID]                     some exercises only (a subset: written to grade/results.subset.json)
  --hidden DIR | --no-hidden         the instructor's hidden tests (default instructor/hidden when present) or none
  --timeout SECONDS                  wall-clock limit per exercise (default 10)
  --jobs N                           exercises graded at once (default: the number of cores)
  --out PATH                         where results.json goes; with --class, the folder for gradebook.csv (default grade/)
  --expect full|zero                 exit 1 unless the score is full marks (or zero): for CI
  --help                             this text

Exercises: ${exercises.map((e) => e.id).join(', ')}`;

/** Options that take a value, and those that do not. */
const VALUED = ['--target', '--submission', '--class', '--only', '--hidden', '--timeout', '--jobs', '--out', '--expect'] as const;
const FLAGS = ['--no-hidden', '--help'] as const;

type Parsed = Partial<Record<(typeof VALUED)[number], string>> & Partial<Record<(typeof FLAGS)[number], true>>;

/** A mistake on the command line: exit code 2 with one line naming the option. */
export class UsageError extends Error {}

/**
 * Reads the arguments; both `--only ID` and `--only=ID` work. An unknown option, a
 * missing value or a stray word is refused by name.
 * @example parseArgs(['--only=02-tally', '--no-hidden']) // { '--only': '02-tally', '--no-hidden': true }
 */
export function parseArgs(args: readonly string[]): Parsed {
  const parsed: Parsed = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if ((FLAGS as readonly string[]).includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      parsed[name as (typeof FLAGS)[number]] = true;
    } else if ((VALUED as readonly string[]).includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      if (parsed[name as (typeof VALUED)[number]] !== undefined) throw new UsageError(`${name} is given twice`);
      parsed[name as (typeof VALUED)[number]] = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${name}; npm run grade -- --help lists them`);
    } else {
      throw new UsageError(`unexpected argument ${JSON.stringify(arg)}; to grade a folder, use --submission ${arg}`);
    }
  }
  if (parsed['--submission'] && parsed['--target']) throw new UsageError('--submission and --target name the same thing: give one');
  if (parsed['--class'] && (parsed['--submission'] || parsed['--target'])) throw new UsageError('--class grades a folder of learners: give it without --submission or --target');
  if (parsed['--hidden'] && parsed['--no-hidden']) throw new UsageError('--hidden and --no-hidden contradict each other');
  if (parsed['--expect'] && !['full', 'zero'].includes(parsed['--expect'])) throw new UsageError('--expect: full or zero');
  return parsed;
}

async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (options['--help']) {
    console.log(USAGE);
    return 0;
  }
  const project = resolve(__dirname, '..');
  const classDir = options['--class'];
  const named = options['--submission'] ?? options['--target'] ?? 'exercises';
  const target = named === 'exercises' || named === 'solutions' ? resolve(project, named) : resolve(named);
  if (!classDir && !existsSync(target)) throw new UsageError(`--target: no folder ${named}; use exercises, solutions or a folder laid out like exercises/`);
  const defaultHidden = resolve(project, 'instructor', 'hidden');
  const hidden = options['--no-hidden'] ? null : options['--hidden'] ? resolve(options['--hidden']) : existsSync(defaultHidden) ? defaultHidden : null;
  const timeout = Number(options['--timeout'] ?? 10);
  if (!(timeout > 0)) throw new UsageError('--timeout: a number of seconds above 0');
  const jobs = options['--jobs'] === undefined ? undefined : Number(options['--jobs']);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw new UsageError('--jobs: a whole number above 0');
  const only = options['--only']?.split(',').map((id) => id.trim().replace(/\.ts$/, ''));
  if (classDir) {
    if (!existsSync(classDir)) throw new UsageError(`--class: no folder ${classDir}`);
    const out = resolve(options['--out'] ?? resolve(project, 'grade'));
    const rows = await gradeClass({ project, folder: resolve(classDir), hidden, timeoutMs: timeout * 1000, jobs, only, out });
    const csv = writeClass(rows, out, only);
    for (const r of rows) console.log(`${r.learner.padEnd(24)} ${String(r.total).padStart(6)}  ${r.note}`);
    console.log(`\ngradebook: ${csv}`);
    return 0;
  }
  // A subset is not a grade: unless told where, it goes beside the full results.json, never over it.
  const subset = only !== undefined && only.length < exercises.length;
  const out = resolve(options['--out'] ?? resolve(project, 'grade', subset ? 'results.subset.json' : 'results.json'));
  const graded = await grade({ project, target: submissionFolder(target), hidden, timeoutMs: timeout * 1000, only, jobs });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(graded.results, null, 2)}\n`);
  console.log(summary(graded));
  if (subset) console.log(`\nThis is a subset: ${only.join(', ')} of the ${exercises.length} exercises. grade/results.json (a full grade) is not touched.`);
  console.log(`\nresults: ${out}`);
  const expected = options['--expect'];
  if (expected === undefined) return 0;
  const max = graded.results.tests.reduce((sum, t) => sum + t.max_score, 0);
  const wanted = expected === 'full' ? max : 0;
  if (graded.results.score === wanted) return 0;
  console.error(`grade: expected ${expected} marks (${wanted}), got ${graded.results.score}`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('cli.ts')) main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`grade: ${e.message}`);
    process.exit(e instanceof UsageError || /^--\w+/.test(e.message) ? 2 : 1);
  },
);
