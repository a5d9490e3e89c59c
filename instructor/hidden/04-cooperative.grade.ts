import { answerPeer } from '../../exercises/04-cooperative';
import { probe } from '../../grader/worker/probe';
import { coordinatorAndVoterCrashes, learnerRuns } from '../../grader/worker/fixtures/placements';

probe('with a voter crashing and recovering too, runs end as cooperative 2PC does', () => learnerRuns({ answerPeer }, 'cooperative', coordinatorAndVoterCrashes()));
