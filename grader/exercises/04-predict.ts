import { simulate } from '../../lib';
import { puzzles, type PuzzleName } from '../../lib/exercise';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';

// The grader's own copy of the truth: the puzzles run here, never in the learner's process.
const truth = (name: PuzzleName) => simulate(puzzles[name], { trace: 'none' }).verdict;
const predicted = (name: PuzzleName) => (o: unknown) => {
  const want = truth(name);
  return o === want ? null : `you predicted ${preview(o)}; the run ends ${want}. Run simulate(puzzles['${name}']) in lesson 04's notebook and draw its space-time diagram to see why.`;
};

export const exercise: ExerciseSpec = {
  id: '04-predict',
  lesson: '04',
  title: 'predict a verdict, then check it',
  tests: [
    { name: 'predicts the verdict when v2 votes no', points: 1, judge: predicted('v2-votes-no') },
    { name: 'predicts the verdict when the coordinator crashes right after its last prepare', points: 1, judge: predicted('coordinator-crash-after-prepare') },
    { name: 'predicts the verdict when v3 is down for good before prepare', points: 1, judge: predicted('v3-down-for-good-before-prepare') },
    { name: 'predicts the verdict when the coordinator crashes in the commit phase and comes back', points: 1, judge: predicted('coordinator-crash-in-commit-then-back') },
    { name: "predicts the verdict when the coordinator's link to v1 is cut for 30 ticks", points: 1, judge: predicted('prepare-to-v1-cut-for-a-while') },
  ],
};
