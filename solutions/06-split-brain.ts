// Warm-up 06-split-brain, 4 points (lesson 06, 3PC under partitions; article fig. 5).
//
// A partition cuts the voters into sides that cannot reach each other. Each side elects a
// coordinator, which applies 3PC's termination rule (lesson 05) to the states it can see.
// Given the states on each side, return what each side decides, in order, and whether the
// run ends inconsistent.
//
// Questions to answer first: what does a side know about the other sides? When the sides
// decide on their own, when can their decisions differ? Compare your answer for the
// article's fig. 5 with the run lesson 06's exercise cell prints.
import type { Decision } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export type ThreePhaseVoterState = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

export interface SplitOutcome {
  readonly decisions: readonly Decision[];
  readonly inconsistent: boolean;
}

export function splitBrain(sides: readonly (readonly ThreePhaseVoterState[])[]): SplitOutcome {
  // BEGIN SOLUTION
  // HINT: decide each side from its own states only, as lesson 05's elected coordinator would, then compare the sides
  const decisions: Decision[] = sides.map((side) => (side.some((s) => s === 'precommitted' || s === 'committed') ? 'commit' : 'abort'));
  return { decisions, inconsistent: decisions.includes('commit') && decisions.includes('abort') };
  // END SOLUTION
}
