import { compareAnswers } from '../../grader/exercises/judging';
import { reachable } from '../../grader/worker/fixtures/three-phase';
import { expectedElect } from '../reference/rules';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '05-elect',
  tests: [{
    name: 'decides for every reachable combination of two, four and five voters',
    points: 1,
    judge: (o) => {
      if (!Array.isArray(o) || o.length !== 3) return 'expected three lists of decisions';
      for (const [i, n] of [2, 4, 5].entries()) {
        const sets = reachable(n);
        const why = compareAnswers(o[i], sets.map(expectedElect), (k) => `electDecision(${JSON.stringify(sets[k])})`);
        if (why) return why;
      }
      return null;
    },
  }],
};
