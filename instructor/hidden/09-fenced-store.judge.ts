import { judgeRuns } from '../../grader/exercises/09-fenced-store';
import { storeCrashes } from '../../grader/worker/fixtures/lease';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '09-fenced-store',
  tests: [
    {
      name: 'after a crash, recovers the highest token from its log and still rejects the stale write',
      points: 2,
      judge: judgeRuns('store-crashes', storeCrashes),
    },
  ],
};
