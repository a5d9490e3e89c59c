// A check-stage failure that only the checker's interleaving produces (issue 17, item 1: "or says
// honestly that an interleaving-only failure is replayed with the checker, with the line that
// does it"; after DSLabs, whose model checker hands back the violating trace): the feedback says
// so, and its line, pasted where the lesson's exercise cell defines the helper, finds the property.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../lib';
import { threePhaseVoterLab } from '../../lib/exercise';
import { judgeStage } from '../../grader/exercises/labs';
import { checkStage, threePhaseVoterLabSpec as lab, type StageResult } from '../../grader/worker/fixtures/labs';
import { voter } from '../../solutions/05-voter';
import { project } from './support';

/** A 3PC voter whose elected leader commits on uncertain reports, skipping the precommit round. */
const uncertainCommits = readFileSync(join(project, 'test', 'grader', 'variants', '05-voter', 'uncertain-commits.ts'), 'utf8');

describe("the check stage's feedback when no simulated run reproduces the interleaving", () => {
  it('says only the interleaving breaks the property, and gives a check(...) line that finds it again', async () => {
    // The variant imports '../lib' as a learner's file does: load it from a folder where that resolves.
    const scratch = join(project, 'test', 'grader', `.feedback-${process.pid}`);
    mkdirSync(join(scratch, 'exercises'), { recursive: true });
    symlinkSync(join(project, 'lib'), join(scratch, 'lib'), 'junction');
    const file = join(scratch, 'exercises', '05-voter.ts');
    writeFileSync(file, uncertainCommits);
    try {
      const wrong = (await import(file)) as { voter: typeof voter };
      const withMy3pcVoter = threePhaseVoterLab(wrong.voter);
      const found = checkStage(withMy3pcVoter, lab);
      expect(found.failure?.property).toBe('agreement');
      // As if the simulator had no run breaking it: the judge must fall back on the checker.
      const only: StageResult = { ...found, failure: { ...found.failure!, instead: true, replays: false } };
      const feedback = judgeStage(lab, 'check')(only)!;
      expect(feedback).toMatch(/Only this interleaving breaks it/);
      const line = /^ {2}(check\(.*\)\.violation)$/m.exec(feedback)?.[1];
      expect(line, feedback).toBeDefined();
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the line runs as a learner pastes it into a notebook cell
      const replay = new Function('check', 'withMy3pcVoter', `return ${line};`) as (
        c: typeof check,
        w: typeof withMy3pcVoter,
      ) => { invariant: string } | undefined;
      expect(replay(check, withMy3pcVoter)?.invariant).toBe('agreement');
      // The same line on the reference voter finds nothing: the line tests the role, not the protocol.
      expect(replay(check, threePhaseVoterLab(voter as never))).toBeUndefined();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
