// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 796e4cce15274630: once you edit this file, the build leaves it alone.)
// Exercise 05-elect (lesson 05, 3PC; the article's termination protocol; the lecture on 3PC).
//
// When the 3PC coordinator is lost, the voters that are still up elect one of
// them, which gathers their states and decides for all. Write its rule.
// Given the states of the voters it can reach, return 'commit' if any of them
// is precommitted or committed (so every voter voted yes, and the old
// coordinator may already have told someone to commit), and 'abort' otherwise
// (nobody can have committed yet). States: 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted'.
import type { Decision } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export type ThreePhaseVoterState = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

export function electDecision(states: readonly ThreePhaseVoterState[]): Decision {
  throw new NotDoneYet('05-elect', 'return \'commit\' if some state is \'precommitted\' or \'committed\', else \'abort\'');
}
