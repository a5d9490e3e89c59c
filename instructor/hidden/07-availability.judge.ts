import { randomRows } from '../../grader/worker/fixtures/sweep';
import { expectedAvailability } from '../reference/rules';
import { compareGroups } from '../../grader/exercises/07-availability';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '07-availability',
  tests: [{ name: 'groups 500 shuffled rows of three protocols and four loss rates', points: 1, judge: (o) => compareGroups(o, expectedAvailability(randomRows(500))) }],
};
