/**
 * `npm run grade [-- options]`: grades the learner's exercises and writes
 * `grade/results.json` (Gradescope's schema).
 *
 *   --target exercises|solutions|DIR   what to grade (default exercises)
 *   --submission DIR                   a learner's folder laid out like exercises/ (same as --target DIR)
 *   --hidden DIR                       the instructor's hidden tests (default instructor/hidden when present)
 *   --no-hidden                        visible tests only
 *   --timeout SECONDS                  wall-clock limit per exercise (default 10)
 *   --only ID[,ID]                     some exercises only
 *   --jobs N                           exercises graded at once (default: the number of cores)
 *   --out PATH                         where results.json goes (default grade/results.json); with --class, the folder for gradebook.csv (default grade/)
 *   --expect full|zero                 exit 1 unless the score is full marks (or zero): for CI
 *   --class DIR                        grade every subfolder of DIR (one learner each) into grade/gradebook.csv
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gradeClass, writeClass } from './class';
import { grade } from './grade';
import { summary } from './report';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

async function main(args: string[]): Promise<number> {
  const project = resolve(__dirname, '..');
  const classDir = option(args, '--class');
  const named = option(args, '--submission') ?? option(args, '--target') ?? 'exercises';
  const target = named === 'exercises' || named === 'solutions' ? resolve(project, named) : resolve(named);
  if (!classDir && !existsSync(target)) throw new Error(`--target: no folder ${target}; use exercises, solutions or a folder laid out like exercises/`);
  const hiddenArg = option(args, '--hidden');
  const defaultHidden = resolve(project, 'instructor', 'hidden');
  const hidden = args.includes('--no-hidden') ? null : hiddenArg ? resolve(hiddenArg) : existsSync(defaultHidden) ? defaultHidden : null;
  const timeout = Number(option(args, '--timeout') ?? 10);
  if (!(timeout > 0)) throw new Error('--timeout: a number of seconds above 0');
  const jobs = option(args, '--jobs');
  const only = option(args, '--only')?.split(',');
  if (classDir) {
    if (!existsSync(classDir)) throw new Error(`--class: no folder ${classDir}`);
    const rows = await gradeClass({ project, folder: resolve(classDir), hidden, timeoutMs: timeout * 1000, jobs: jobs ? Number(jobs) : undefined, only });
    const csv = writeClass(rows, resolve(option(args, '--out') ?? resolve(project, 'grade')), only);
    for (const r of rows) console.log(`${r.learner.padEnd(24)} ${String(r.total).padStart(6)}  ${r.note}`);
    console.log(`\ngradebook: ${csv}`);
    return 0;
  }
  const out = resolve(option(args, '--out') ?? resolve(project, 'grade', 'results.json'));
  const graded = await grade({
    project,
    target,
    hidden,
    timeoutMs: timeout * 1000,
    only,
    jobs: jobs ? Number(jobs) : undefined,
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(graded.results, null, 2)}\n`);
  console.log(summary(graded));
  console.log(`\nresults: ${out}`);
  const expected = option(args, '--expect');
  if (expected === undefined) return 0;
  const max = graded.results.tests.reduce((sum, t) => sum + t.max_score, 0);
  const wanted = expected === 'full' ? max : expected === 'zero' ? 0 : NaN;
  if (Number.isNaN(wanted)) throw new Error('--expect: full or zero');
  if (graded.results.score === wanted) return 0;
  console.error(`grade: expected ${expected} marks (${wanted}), got ${graded.results.score}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`grade: ${e.message}`);
    process.exit(2);
  },
);
