import { judgeRuns } from '../../grader/exercises/protocol-judge';
import { coordinatorAndVoterCrashes } from '../../grader/worker/fixtures/placements';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '04-voter-recovery',
  tests: [{
    name: 'with the coordinator crashing too, runs end as textbook 2PC does',
    points: 1,
    judge: judgeRuns({ key: 'coordinator-and-voter', termination: 'wait', placements: coordinatorAndVoterCrashes, lesson: '04', rule: 'your recovery rule' }),
  }],
};
