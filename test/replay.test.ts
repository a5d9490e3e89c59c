// Replay that pastes (issue 18): `explain`, the grader's feedback and the README give a run
// back as one line, `simulate({...})`, which a learner pastes into a cell as it is. Same
// scenario and seed, same trace (COURSE.md, "Determinism").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogEntry, crash, afterSend, explain, replayLine, simulate, twoPhaseCommit, type Run } from '../lib';
import { blockedRun } from '../grader/exercises/04-blocking-scenario';

/** What a notebook cell does with the pasted line: evaluates it as code, with `simulate` imported. */
function paste(line: string): Run {
  // Evaluating the pasted text is the point: it is what a learner's cell does with it.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('simulate', `return ${line};`)(simulate) as Run;
}

describe('a run given back as a line to paste (issue 18)', () => {
  it("explain's last line is exactly simulate({...}), and pasted it replays the same trace (2pc/coordinator-and-voter-crash-in-commit)", () => {
    const run = simulate({ ...catalogEntry('2pc/coordinator-and-voter-crash-in-commit').scenario, network: { loss: 0.1 }, seed: 7 });
    const last = explain(run).split('\n').pop()!;
    expect(last).toMatch(/^simulate\(\{.*\}\)$/);
    expect(last).toBe(replayLine(run.scenario));
    expect(paste(last).trace).toEqual(run.trace);
  });

  it("the grader's feedback on a scenario that does not block ends with the same line (exercise 04-blocking-scenario)", () => {
    const scenario = { protocol: twoPhaseCommit(), faults: [crash('v1', afterSend('coordinator', 'commit', { to: 'v1' }))] };
    const feedback = blockedRun(scenario)!;
    const last = feedback.split('\n').pop()!;
    expect(last).toBe(replayLine(scenario));
    expect(paste(last).verdict).toBe(simulate(scenario).verdict);
  });

  it('the README tells the learner to paste that line', () => {
    const readme = readFileSync(resolve(__dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain('`explain` ends with one line, `simulate({...})`: paste it into a\ncell as it is');
    expect(readme).not.toContain('JSON.parse(line)');
  });
});
