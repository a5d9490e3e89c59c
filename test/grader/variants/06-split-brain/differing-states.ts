// @ts-nocheck (graded as exercises/06-split-brain.ts, where ../lib resolves)
// A plausible wrong answer to 06-split-brain: sides in different states are called inconsistent.
// loses: calls a split inconsistent exactly when one side commits and another aborts
// Exercise 06-split-brain (lesson 06, 3PC under partitions; article fig. 5).
//
// A partition cuts the voters into sides that cannot reach each other. Each side
// elects a coordinator, which applies 3PC's termination rule to the states it can
// see: commit if anyone on its side is precommitted or committed, else abort.
// Given the states on each side, return what each side decides, in order, and
// whether the run ends inconsistent (some side commits while another aborts).
// Article fig. 5: [['precommitted'], ['uncertain', 'uncertain']] -> commit, abort: inconsistent.
import type { Decision } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export type ThreePhaseVoterState = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

export interface SplitOutcome {
  readonly decisions: readonly Decision[];
  readonly inconsistent: boolean;
}

export function splitBrain(sides: readonly (readonly ThreePhaseVoterState[])[]): SplitOutcome {
  const decisions: Decision[] = sides.map((side) => (side.some((s) => s === 'precommitted' || s === 'committed') ? 'commit' : 'abort'));
  return { decisions, inconsistent: new Set(sides.map((side) => [...side].sort().join())).size > 1 };
}
