// Lesson 09's lab feedback is something a learner can act on, as every other lab's is (issue 21;
// COURSE.md "Exercises and grading"; DDIA ch. 8, fig. 8-5): 09-fenced-store is judged by the
// shared protocol judge (grader/exercises/protocol-judge.ts), and a lost run test gives one line,
// `simulate(...)` through the lesson's own helper, that pasted after lesson 09's exercise cell
// (which imports storeStep and leaseLockWith) replays a run where the learner's store answers
// otherwise than the library's fenced store. Judged here in-process, on the observation the probe
// builds; test/grader/grade.test.ts grades the same wrong answers through the sandbox.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaseLock, simulate, type Run } from '../../lib';
import { leaseLockWith, type StoreStep } from '../../lib/exercise';
import { exercise } from '../../grader/exercises/09-fenced-store';
import { preview } from '../../grader/exercises/judging';
import { holderFaults, learnerLeaseRuns, resultOf, storeCrashes, type LeaseRun } from '../../grader/worker/fixtures/lease';
import { hidden } from '../../instructor/hidden/09-fenced-store.judge';
import { project } from './support';

const variantsDir = join(project, 'test', 'grader', 'variants', '09-fenced-store');
const variants = readdirSync(variantsDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));

/** The tests that replay runs, each with the runs its probe makes: the visible one and the hidden one. */
const runTests: { name: string; judge: (o: unknown) => string | null; runs: () => LeaseRun[] }[] = [
  { ...exercise.tests[1], runs: holderFaults },
  { ...hidden.tests[0], runs: storeCrashes },
];

// The variants import '../lib' as learners' files do: load them from a folder where that resolves.
const scratch = join(project, 'test', 'grader', `.fenced-${process.pid}`);
beforeAll(() => {
  mkdirSync(join(scratch, 'exercises'), { recursive: true });
  symlinkSync(join(project, 'lib'), join(scratch, 'lib'), 'junction');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("09-fenced-store's feedback replays the first run the learner's store answers otherwise", () => {
  it('judges the run tests with the shared protocol judge, and the reference earns them', async () => {
    expect(readFileSync(join(project, 'grader', 'exercises', '09-fenced-store.ts'), 'utf8')).toMatch(/judgeRunsAgainst/);
    const { storeStep } = await import('../../solutions/09-fenced-store');
    for (const t of runTests) expect(t.judge(learnerLeaseRuns(storeStep, t.runs())), t.name).toBeNull();
  });

  for (const name of variants) {
    it(`${name}: each lost run test gives one simulate(...) line that, pasted after the exercise cell, replays a run answered otherwise`, async () => {
      const source = readFileSync(join(variantsDir, `${name}.ts`), 'utf8');
      const loses = [...source.matchAll(/^\/\/ loses: (.+)$/gm)].map((m) => m[1].trim());
      const file = join(scratch, 'exercises', `09-fenced-store-${name}.ts`);
      writeFileSync(file, source);
      const { storeStep } = (await import(file)) as { storeStep: StoreStep };
      for (const t of runTests) {
        const feedback = t.judge(learnerLeaseRuns(storeStep, t.runs()));
        expect(feedback !== null, `${t.name}: lost ${feedback !== null}, '// loses:' says ${loses.includes(t.name)}`).toBe(loses.includes(t.name));
        if (feedback === null) continue;
        // One replay form only: the helper's line, second in the feedback; never the protocol's registered name.
        const lines = feedback.split('\n').filter((l) => l.startsWith('simulate('));
        expect(lines, feedback).toEqual([feedback.split('\n')[1]]);
        expect(feedback).not.toContain('leaseLock/learner');
        expect(feedback).toContain("Draw it in lesson 09's notebook: run the exercise cell");
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the line runs as a learner pastes it into a notebook cell
        const replay = new Function('simulate', 'leaseLockWith', 'storeStep', `return ${lines[0]};`) as (
          s: typeof simulate,
          l: typeof leaseLockWith,
          step: StoreStep,
        ) => Run;
        const run = replay(simulate, leaseLockWith, storeStep);
        const mine = resultOf(run);
        expect(feedback).toContain(`with your store: verdict ${mine.verdict}, the store answered ${preview(mine.answers)}`);
        const work = run.scenario.protocol.work as number;
        const fenced = resultOf(simulate({ ...run.scenario, protocol: leaseLock({ lease: 20, work, fencing: true }) }));
        expect(mine).not.toEqual(fenced);
      }
    });
  }
});
