import { safeFenced } from '../../grader/exercises/09-shortest-pause';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '09-shortest-pause',
  tests: [{ name: 'is safe with fencing: the store rejects the stale token (DDIA fig. 8-5)', points: 1, judge: safeFenced }],
};
