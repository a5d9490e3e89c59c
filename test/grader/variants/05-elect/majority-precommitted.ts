// @ts-nocheck (graded as exercises/05-elect.ts, where ../lib resolves)
// A plausible wrong answer to 05-elect: commit only when most reachable voters are precommitted or committed.
// loses: decides for every reachable combination of three voters
// loses: decides for every reachable combination of two, four and five voters
// Exercise 05-elect (lesson 05, 3PC; the article's termination protocol; the lecture on 3PC).
//
// When the 3PC coordinator is lost, the voters that are still up elect one of
// them, which gathers their states and decides for all. Write its rule.
// Given the states of the voters it can reach, return 'commit' if any of them
// is precommitted or committed (so every voter voted yes, and the old
// coordinator may already have told someone to commit), and 'abort' otherwise
// (nobody can have committed yet). States: 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted'.
import type { Decision } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export type ThreePhaseVoterState = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

export function electDecision(states: readonly ThreePhaseVoterState[]): Decision {
  return states.filter((s) => s === 'precommitted' || s === 'committed').length * 2 > states.length ? 'commit' : 'abort';
}
