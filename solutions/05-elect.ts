// Warm-up 05-elect, 3 points, +1 hidden (lesson 05, 3PC; Skeen's termination protocol; the lecture on 3PC).
//
// When the 3PC coordinator is lost, the voters that are still up elect one of them, which
// gathers their states and decides for all. Write its rule: given the states of the voters
// it can reach ('init', 'uncertain', 'precommitted', 'committed' or 'aborted'), return
// 'commit' or 'abort'.
//
// Questions to answer first: for each state, what does it prove about the votes? What may
// the lost coordinator have done before it went away, if some reachable voter is in that
// state? Which decision could contradict a voter that already decided? Rerun lesson 05's
// exercise cell, and the cells where the coordinator crashes before and after precommit.
import type { Decision } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export type ThreePhaseVoterState = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

export function electDecision(states: readonly ThreePhaseVoterState[]): Decision {
  // BEGIN SOLUTION
  // HINT: for each state a reachable voter may be in, ask what it proves about the votes and what the lost coordinator may already have told someone
  return states.some((s) => s === 'precommitted' || s === 'committed') ? 'commit' : 'abort';
  // END SOLUTION
}
