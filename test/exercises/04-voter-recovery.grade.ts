// Probes for exercise 04-voter-recovery (the lecture; DDIA ch. 9). Judged by grader/exercises/04-voter-recovery.ts.
import { recoverVoter } from '../../exercises/04-voter-recovery';
import { probe } from '../../grader/worker/probe';
import { learnerRuns, voterCrashes } from '../../grader/worker/fixtures/placements';
import { recoveryLogs } from '../../grader/worker/fixtures/logs';

probe('reads each kind of log: nothing, a prepare record, then the outcome', () => recoveryLogs.map((c) => recoverVoter(c.log)));
probe('over every crash-and-recover of one voter, runs end as textbook 2PC does', () => learnerRuns({ recoverVoter }, 'wait', voterCrashes()));
