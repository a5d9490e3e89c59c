// The grader proves itself (issue 8; STYLE.md point 10, after fast-check's tutorial
// tested against deliberately wrong versions): the reference scores full marks, the
// untouched stubs score zero, and each plausible wrong answer loses exactly the
// points of the tests it should fail.
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade, type Graded } from '../../grader/grade';
import { exercises } from '../../grader/manifest';
import { failing, gradeSubmission, hiddenDir, project } from './support';

const schema = JSON.parse(readFileSync(join(project, 'grader', 'gradescope.schema.json'), 'utf8'));
const validResults = new Ajv({ allErrors: true }).compile(schema);

describe('the reference and the stubs', () => {
  let reference: Graded;
  let stubs: Graded;
  beforeAll(async () => {
    [reference, stubs] = await Promise.all([
      grade({ project, target: join(project, 'solutions'), hidden: hiddenDir }),
      grade({ project, target: join(project, 'exercises'), hidden: hiddenDir }),
    ]);
  }, 300_000);

  it('there are at least eleven exercises, at least one for each of lessons 01 to 08', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(11);
    for (const lesson of ['01', '02', '03', '04', '05', '06', '07', '08']) expect(exercises.some((e) => e.lesson === lesson)).toBe(true);
  });

  it('the reference solutions score full marks, hidden tests included', () => {
    const max = reference.results.tests.reduce((s, t) => s + t.max_score, 0);
    expect(reference.results.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.output}`)).toEqual([]);
    expect(reference.results.score).toBe(max);
    expect(reference.results.tests.some((t) => t.visibility === 'after_published')).toBe(true);
  });

  it('the untouched exercises score zero, and every test says which exercise is not done yet', () => {
    expect(stubs.results.score).toBe(0);
    expect(stubs.results.tests.length).toBeGreaterThan(0);
    for (const t of stubs.results.tests) expect(t.output).toContain(`not done yet (exercise ${t.extra_data.exercise})`);
  });

  it("both results are valid against Gradescope's schema, hidden tests shown only after publishing", () => {
    for (const g of [reference, stubs]) {
      expect(validResults(g.results), JSON.stringify(validResults.errors)).toBe(true);
      const hiddenNames = new Set(g.outcomes.flatMap((o) => o.tests.filter((t) => t.hidden).map((t) => `${o.id}: ${t.spec.name}`)));
      for (const t of g.results.tests) expect(t.visibility).toBe(hiddenNames.has(t.name) ? 'after_published' : 'visible');
    }
  });

  it('without the instructor folder only the visible tests are graded', async () => {
    const visible = await grade({ project, target: join(project, 'solutions'), hidden: null, only: ['02-tally'] });
    expect(visible.results.tests.every((t) => t.visibility === 'visible')).toBe(true);
    expect(visible.results.tests.length).toBe(exercises.find((e) => e.id === '02-tally')!.tests.length);
  }, 120_000);
});

/**
 * Each wrong answer in test/grader/variants/<exercise>/<name>.ts, and exactly the tests
 * (visible and hidden) it must fail: the file's `// loses: <test name>` lines.
 */
const variants: Record<string, Record<string, string[]>> = Object.fromEntries(
  readdirSync(join(project, 'test', 'grader', 'variants')).map((id) => [
    id,
    Object.fromEntries(
      readdirSync(join(project, 'test', 'grader', 'variants', id)).filter((f) => f.endsWith('.ts')).map((f) => [
        f.replace(/\.ts$/, ''),
        [...readFileSync(join(project, 'test', 'grader', 'variants', id, f), 'utf8').matchAll(/^\/\/ loses: (.+)$/gm)].map((m) => m[1].trim()),
      ]),
    ),
  ]),
);

describe('plausible wrong answers (test/grader/variants/)', () => {
  // Grade the variants in rounds: one file per exercise per round, so each round is one grading of many exercises.
  const rounds: { id: string; name: string }[][] = [];
  for (const [id, named] of Object.entries(variants)) {
    Object.keys(named).forEach((name, k) => (rounds[k] ??= []).push({ id, name }));
  }
  const graded = new Map<string, Graded>();
  beforeAll(async () => {
    for (const round of rounds) {
      const g = await gradeSubmission(Object.fromEntries(round.map((v) => [v.id, { path: join(project, 'test', 'grader', 'variants', v.id, `${v.name}.ts`) }])));
      for (const v of round) graded.set(`${v.id}/${v.name}`, g);
    }
  }, 400_000);

  it('every exercise has at least one, and each names at least one test it loses', () => {
    for (const e of exercises) expect(Object.keys(variants[e.id] ?? {}).length, e.id).toBeGreaterThan(0);
    for (const [id, named] of Object.entries(variants)) {
      for (const [name, loses] of Object.entries(named)) expect(loses.length, `${id}/${name}: no '// loses:' line`).toBeGreaterThan(0);
    }
  });

  for (const [id, named] of Object.entries(variants)) {
    for (const [name, expected] of Object.entries(named)) {
      it(`${id}/${name} loses exactly the points of ${expected.length} test(s), each with feedback`, () => {
        const g = graded.get(`${id}/${name}`)!;
        expect(failing(g, id).sort()).toEqual([...expected].sort());
        const o = g.outcomes.find((x) => x.id === id)!;
        for (const t of o.tests) {
          if (expected.includes(t.spec.name)) expect(t.output.length).toBeGreaterThan(20);
          else expect(t.score).toBe(t.spec.points);
        }
      });
    }
  }
});
