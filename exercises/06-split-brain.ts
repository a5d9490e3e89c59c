// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 035851a36db4f6e3: once you edit this file, the build leaves it alone.)
// Exercise 06-split-brain (lesson 06, 3PC under partitions; article fig. 5).
//
// A partition cuts the voters into sides that cannot reach each other. Each side
// elects a coordinator, which applies 3PC's termination rule to the states it can
// see: commit if anyone on its side is precommitted or committed, else abort.
// Given the states on each side, return what each side decides, in order, and
// whether the run ends inconsistent (some side commits while another aborts).
// Article fig. 5: [['precommitted'], ['uncertain', 'uncertain']] -> commit, abort: inconsistent.
import type { Decision } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export type ThreePhaseVoterState = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

export interface SplitOutcome {
  readonly decisions: readonly Decision[];
  readonly inconsistent: boolean;
}

export function splitBrain(sides: readonly (readonly ThreePhaseVoterState[])[]): SplitOutcome {
  throw new NotDoneYet('06-split-brain', 'apply the termination rule to each side on its own, then compare the sides\' decisions');
}
