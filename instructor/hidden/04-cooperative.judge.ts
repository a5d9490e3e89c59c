import { judgeRuns } from '../../grader/exercises/protocol-judge';
import { coordinatorAndVoterCrashes } from '../../grader/worker/fixtures/placements';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '04-cooperative',
  tests: [{
    name: 'with a voter crashing and recovering too, runs end as cooperative 2PC does',
    points: 1,
    judge: judgeRuns({ key: 'coordinator-and-voter-cooperative', termination: 'cooperative', placements: coordinatorAndVoterCrashes, lesson: '04', rule: 'your answers' }),
  }],
};
