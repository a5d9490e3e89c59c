import { tallyCases } from '../../grader/worker/fixtures/tally';
import { expectedTally } from '../reference/rules';
import type { HiddenSpec } from '../../grader/types';
import { compareAnswers } from '../../grader/exercises/judging';

export const hidden: HiddenSpec = {
  id: '02-tally',
  tests: [{
    name: 'holds for one to five voters',
    points: 1,
    judge: (o) => {
      const sizes = [1, 2, 4, 5];
      if (!Array.isArray(o) || o.length !== sizes.length) return 'expected one list of answers per voter count';
      for (let i = 0; i < sizes.length; i++) {
        const cases = tallyCases(sizes[i]);
        const why = compareAnswers(o[i], cases.map(expectedTally), (k) => describeCase(cases[k]));
        if (why) return `with ${sizes[i]} voter(s): ${why}`;
      }
      return null;
    },
  }],
};

function describeCase(c: ReturnType<typeof tallyCases>[number]): string {
  return `tally(${JSON.stringify(c.voters)}, ${JSON.stringify(c.votes)}, ${c.timedOut})`;
}
