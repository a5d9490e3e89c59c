// Shared by the grader's own tests: grade a folder, or one file as a submission.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grade, type Graded } from '../../grader/grade';

export const project = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
export const hiddenDir = join(project, 'instructor', 'hidden');

/** Grades `files` (exercise id -> path or source text) as one learner's submission folder. */
export async function gradeSubmission(
  files: Record<string, { path: string } | { text: string }>,
  options: { timeoutMs?: number; hidden?: boolean } = {},
): Promise<Graded> {
  const dir = mkdtempSync(join(tmpdir(), 'submission-'));
  try {
    for (const [id, file] of Object.entries(files)) {
      if ('path' in file) cpSync(file.path, join(dir, `${id}.ts`));
      else writeFileSync(join(dir, `${id}.ts`), file.text);
    }
    const hidden = options.hidden === false ? null : hiddenDir;
    return await grade({ project, target: dir, hidden, only: Object.keys(files), timeoutMs: options.timeoutMs });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The names of the tests of exercise `id` that lost points. */
export function failing(g: Graded, id: string): string[] {
  const o = g.outcomes.find((x) => x.id === id);
  if (!o) throw new Error(`exercise ${id} was not graded`);
  return o.tests.filter((t) => t.score < t.spec.points).map((t) => t.spec.name);
}
