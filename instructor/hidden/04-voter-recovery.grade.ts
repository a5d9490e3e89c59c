import { recoverVoter } from '../../exercises/04-voter-recovery';
import { probe } from '../../grader/worker/probe';
import { coordinatorAndVoterCrashes, learnerRuns } from '../../grader/worker/fixtures/placements';

probe('with the coordinator crashing too, runs end as textbook 2PC does', () => learnerRuns({ recoverVoter }, 'wait', coordinatorAndVoterCrashes()));
