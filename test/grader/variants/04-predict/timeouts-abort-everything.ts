// @ts-nocheck (graded as exercises/04-predict.ts, where ../lib resolves)
// A plausible wrong answer to 04-predict: a lost coordinator is taken to mean abort.
// loses: predicts the verdict when the coordinator crashes right after its last prepare
// Exercise 04-predict (lesson 04, 2PC under failure; the lecture; DDIA ch. 9).
//
// `puzzles` (in lib/exercise/puzzles.ts) holds five 2PC runs. For each, first
// predict its verdict on paper ('committed', 'aborted', 'blocked' or
// 'inconsistent'), write the prediction here, and only then check it in lesson
// 04's notebook with simulate(puzzles[name]) and its space-time diagram.
// Where you were wrong, the diagram shows which rule you missed.
import type { Verdict } from '../lib/index';
import { NotDoneYet, type PuzzleName } from '../lib/index';

export function predictions(): Record<PuzzleName, Verdict> {
  return {
    'v2-votes-no': 'aborted',
    'coordinator-crash-after-prepare': 'aborted',
    'v3-down-for-good-before-prepare': 'aborted',
    'coordinator-crash-in-commit-then-back': 'committed',
    'prepare-to-v1-cut-for-a-while': 'aborted',
  };
}
