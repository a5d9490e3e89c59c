import { expectedElect } from '../reference';
import { reachable } from '../worker/fixtures/three-phase';
import type { ExerciseSpec } from '../types';
import { compareAnswers } from './judging';

const over = (n: number) => (o: unknown) => {
  const sets = reachable(n);
  return compareAnswers(o, sets.map(expectedElect), (k) => `electDecision(${JSON.stringify(sets[k])})`);
};

export const exercise: ExerciseSpec = {
  id: '05-elect',
  lesson: '05',
  title: "3PC's elect termination rule",
  tests: [
    { name: 'decides for one reachable voter in each state it may be in', points: 1, judge: over(1) },
    { name: 'decides for every reachable combination of three voters', points: 2, judge: over(3) },
  ],
};
