// Grading a class draws each learner's failing lab runs in that learner's own folder (issue 17,
// item 1: "writes its space-time diagram as an SVG file under grade/ that the learner can open"):
// two learners whose voters break the same stage get two diagrams, each named in their own feedback,
// instead of the second overwriting the first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeClass, learnerFolder, type LearnerRow } from '../../grader/class';
import { project } from './support';

const CHECK = '05-voter: keeps agreement and validity in every order';
const learners = { ada: 'yes-not-logged', bob: 'uncertain-commits' } as const;
const submissions = mkdtempSync(join(tmpdir(), 'class-drawings-'));
// Inside the project, where the default grade/ is, so the feedback names the file as a learner's editor shows it.
const out = join(project, 'grade', `.class-drawings-${process.pid}`);
let rows: LearnerRow[];

beforeAll(async () => {
  for (const [learner, variant] of Object.entries(learners)) {
    mkdirSync(join(submissions, learner));
    cpSync(join(project, 'test', 'grader', 'variants', '05-voter', `${variant}.ts`), join(submissions, learner, '05-voter.ts'));
  }
  rows = await gradeClass({ project, folder: submissions, hidden: null, only: ['05-voter'], out, jobs: 2, timeoutMs: 30_000 });
}, 180_000);

afterAll(() => {
  rmSync(submissions, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('a class grade keeps each learner’s lab diagrams apart', () => {
  it("each learner's check feedback names a diagram in their own folder, beside their results.json, and the file is there", () => {
    const paths = rows.map((r) => {
      const t = r.graded!.results.tests.find((x) => x.name.startsWith(CHECK))!;
      expect(t.status, `${r.learner}: ${t.output}`).toBe('failed');
      const svg = /(grade\/\S+\.svg)/.exec(t.output)?.[1];
      expect(svg, t.output).toBe(relative(project, join(learnerFolder(out, r.learner), '05-voter', 'check-agreement.svg')));
      return svg!;
    });
    expect(new Set(paths).size).toBe(2);
  });

  it('the two diagrams are two different runs: the second learner did not overwrite the first', () => {
    const [ada, bob] = ['ada', 'bob'].map((l) => readFileSync(join(learnerFolder(out, l), '05-voter', 'check-agreement.svg'), 'utf8'));
    expect(ada).toMatch(/^<svg/);
    expect(bob).toMatch(/^<svg/);
    expect(ada).not.toBe(bob);
  });
});
