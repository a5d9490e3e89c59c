/**
 * Grades a class: every subfolder of a folder is one learner's submission, laid
 * out like `exercises/`. Learners are graded side by side, one core each; each
 * exercise of each learner has its own sandbox, so one learner's hostile file
 * never reaches another's grade. Writes a gradebook: one row per learner, one
 * column per exercise, and the total.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { checkOnly, grade, submissionFolder, type Graded } from './grade';
import { exercises } from './manifest';

export interface LearnerRow {
  readonly learner: string;
  /** Points per exercise id; empty when the folder could not be graded. */
  readonly points: Readonly<Record<string, number>>;
  readonly total: number;
  /** Why the folder was not graded, or notes; empty when all went well. */
  readonly note: string;
  readonly graded: Graded | null;
}

export interface ClassOptions {
  readonly project: string;
  readonly folder: string;
  readonly hidden: string | null;
  readonly timeoutMs?: number;
  /** Learners graded at once. @defaultValue the number of cores */
  readonly jobs?: number;
  /** Some exercises only (the gradebook then has their columns only). */
  readonly only?: readonly string[];
  /**
   * Where the gradebook goes: each learner's lab diagrams go to `<out>/class/<learner>/<lab>/`,
   * beside their results.json. @defaultValue `<project>/grade`
   */
  readonly out?: string;
}

/** A learner's own folder under `<out>/class/`: their results.json and their labs' diagrams. */
export function learnerFolder(out: string, learner: string): string {
  return join(out, 'class', learner.replace(/[^\w.-]/g, '_'));
}

/** Why a learner's folder cannot be graded, or null. The folder may hold the files, an `exercises/` folder, or one folder around either. */
export function malformed(path: string): string | null {
  if (!statSync(path).isDirectory()) return 'not a folder: each learner needs a folder laid out like exercises/';
  const files = readdirSync(submissionFolder(path));
  const known = new Set(exercises.map((e) => `${e.id}.ts`));
  if (!files.some((f) => known.has(f))) {
    return `no exercise file in it (expected files named like ${exercises[0].id}.ts${files.length ? `; found ${files.slice(0, 3).join(', ')}` : '; it is empty'})`;
  }
  return null;
}

/**
 * Grades every learner of `folder`, in name order.
 * @example await gradeClass({ project: '.', folder: 'submissions', hidden: 'instructor/hidden' })
 */
export async function gradeClass(options: ClassOptions): Promise<LearnerRow[]> {
  checkOnly(options.only);
  const learners = readdirSync(options.folder).filter((n) => !n.startsWith('.')).sort();
  const rows: LearnerRow[] = new Array(learners.length);
  let next = 0;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), learners.length));
  await Promise.all(Array.from({ length: jobs }, async () => {
    while (next < learners.length) {
      const i = next++;
      const path = join(options.folder, learners[i]);
      const why = malformed(path);
      if (why) {
        rows[i] = { learner: learners[i], points: {}, total: 0, note: why, graded: null };
        continue;
      }
      const drawings = learnerFolder(options.out ?? join(options.project, 'grade'), learners[i]);
      const { project, hidden, timeoutMs, only } = options;
      const graded = await grade({ project, target: submissionFolder(path), hidden, timeoutMs, only, jobs: 1, drawings });
      const points: Record<string, number> = {};
      for (const o of graded.outcomes) points[o.id] = o.tests.reduce((s, t) => s + t.score, 0);
      rows[i] = { learner: learners[i], points, total: graded.results.score, note: noteOf(graded), graded };
    }
  }));
  return rows;
}

/**
 * The gradebook's note for one learner: the files that are missing, that do not compile,
 * that ran out of time or crashed, then anything else the grader noticed.
 * @example noteOf(graded) // 'missing: 01-duplicate.ts, 03-agreement.ts; does not compile: 05-elect.ts'
 */
export function noteOf(graded: Graded): string {
  const parts: string[] = [];
  for (const problem of ['missing', 'does not compile', 'does not load', 'timed out', 'crashed'] as const) {
    const files = graded.outcomes.filter((o) => o.problem === problem).map((o) => `${o.id}.ts`);
    if (files.length) parts.push(`${problem}: ${files.join(', ')}`);
  }
  // Timeouts are named above; other notes (tests the grader does not know, a slow start) follow.
  const timedOut = new Set(graded.outcomes.filter((o) => o.problem === 'timed out').map((o) => o.id));
  parts.push(...graded.outcomes.flatMap((o) => o.notes.filter(() => !timedOut.has(o.id)).map((n) => `${o.id}: ${n}`)));
  return parts.join('; ');
}

/** The gradebook as CSV: learner, one column per exercise (its maximum in the header), total, note. */
export function gradebookCsv(rows: readonly LearnerRow[], only?: readonly string[]): string {
  const columns = exercises.filter((e) => !only || only.includes(e.id));
  // Hidden tests count: the maximum is what a graded learner could have earned, visible and hidden.
  const graded = rows.find((r) => r.graded)?.graded;
  const max = (id: string) =>
    graded
      ? graded.results.tests.filter((t) => t.extra_data?.exercise === id).reduce((s, t) => s + t.max_score, 0)
      : exercises.find((e) => e.id === id)!.tests.reduce((s, t) => s + t.points, 0);
  const header = ['learner', ...columns.map((e) => `${e.id} (/${max(e.id)})`), 'total', 'note'];
  const lines = [header, ...rows.map((r) => [r.learner, ...columns.map((e) => (r.graded ? String(r.points[e.id] ?? 0) : '')), String(r.total), r.note])];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\n')}\n`;
}

/** Writes `gradebook.csv` and each learner's `results.json` under `out`. */
export function writeClass(rows: readonly LearnerRow[], out: string, only?: readonly string[]): string {
  mkdirSync(out, { recursive: true });
  for (const r of rows) {
    if (!r.graded) continue;
    const dir = learnerFolder(out, r.learner);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'results.json'), `${JSON.stringify(r.graded.results, null, 2)}\n`);
  }
  const csv = join(out, 'gradebook.csv');
  writeFileSync(csv, gradebookCsv(rows, only));
  return csv;
}

function csvCell(text: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
