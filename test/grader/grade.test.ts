// The grader proves itself (issue 8; STYLE.md point 10, after fast-check's tutorial
// tested against deliberately wrong versions): the reference scores full marks, the
// untouched stubs score zero, and each plausible wrong answer loses exactly the
// points of the tests it should fail.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
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

  it('there are at least ten exercises, at least one for each of lessons 01 to 07', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(10);
    for (const lesson of ['01', '02', '03', '04', '05', '06', '07']) expect(exercises.some((e) => e.lesson === lesson)).toBe(true);
  });

  it('the reference solutions score full marks, hidden tests included', () => {
    const max = reference.results.tests.reduce((s, t) => s + t.max_score, 0);
    expect(reference.results.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.output}`)).toEqual([]);
    expect(reference.results.score).toBe(max);
    expect(reference.results.tests.some((t) => t.visibility === 'after_published')).toBe(true);
  });

  it('the untouched exercises score zero, and every test says which exercise is not done yet', () => {
    expect(stubs.results.score).toBe(0);
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

/** Each wrong answer, and exactly the tests (visible and hidden) it must fail. */
const variants: Record<string, Record<string, string[]>> = {
  '01-duplicate': {
    'copies-lost-messages': ['an envelope already dropped by loss is never copied'],
    'copy-too-late': ['with p = 1 every envelope is followed by its copy, which shares its id and arrives 0 to 2 ticks later'],
  },
  '02-tally': {
    'ignores-timeout': ['aborts when the votes timer expires with a vote missing, and waits before it expires', 'holds for one to five voters'],
    majority: [
      'commits when all three voters voted yes, and only then',
      'aborts when the votes timer expires with a vote missing, and waits before it expires',
      'holds for one to five voters',
    ],
  },
  '03-agreement': {
    'skips-crashed': ["counts a crashed node's decision: it was taken, and may have been seen", 'agrees with the rule on 200 random traces'],
  },
  '04-voter-recovery': {
    'prepared-means-commit': [
      'reads each kind of log: nothing, a prepare record, then the outcome',
      'over every crash-and-recover of one voter, runs end as textbook 2PC does',
      'with the coordinator crashing too, runs end as textbook 2PC does',
    ],
    // Reading the first record resumes prepared instead of committed; asking the coordinator then repairs every run.
    'reads-first-record': ['reads each kind of log: nothing, a prepare record, then the outcome'],
  },
  '04-cooperative': {
    'prepared-says-abort': [
      'answers a peer from each state: the outcome if known, abort if it never voted, nothing if prepared',
      'over every placement that loses the coordinator, runs end as cooperative 2PC does',
      'with a voter crashing and recovering too, runs end as cooperative 2PC does',
    ],
  },
  '04-blocking-scenario': {
    'voter-crash-before-vote': ['ends blocked, with at most two faults, each a crash or a recovery', 'stays blocked with ten times the horizon: blocked, not merely slow'],
  },
  '04-predict': {
    'timeouts-abort-everything': ['predicts the verdict when the coordinator crashes right after its last prepare'],
  },
  '05-elect': {
    'majority-precommitted': ['decides for every reachable combination of three voters', 'decides for every reachable combination of two, four and five voters'],
  },
  '06-split-brain': {
    'differing-states': ['calls a split inconsistent exactly when one side commits and another aborts'],
  },
  '07-availability': {
    'committed-only': [
      'counts committed and aborted runs as available, blocked and inconsistent ones as not',
      'groups a real 2PC sweep by protocol and loss, in order',
      'groups 500 shuffled rows of three protocols and four loss rates',
    ],
    unsorted: ['groups a real 2PC sweep by protocol and loss, in order', 'groups 500 shuffled rows of three protocols and four loss rates'],
  },
};

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

  it('every exercise has at least one', () => {
    for (const e of exercises) expect(Object.keys(variants[e.id] ?? {}).length, e.id).toBeGreaterThan(0);
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
