// Probes for exercise 04-cooperative (the lecture's cooperative termination). Judged by grader/exercises/04-cooperative.ts.
import { answerPeer } from '../../exercises/04-cooperative';
import { probe } from '../../grader/worker/probe';
import { coordinatorLosses, learnerRuns } from '../../grader/worker/fixtures/placements';

const states = ['init', 'prepared', 'committed', 'aborted'] as const;

probe('answers a peer in doubt from each state a voter may be in', () =>
  states.map((s) => { const a = answerPeer(s); return { reply: a.reply, abortFirst: a.abortFirst }; }));
probe('over every placement that loses the coordinator, runs end as cooperative 2PC does', () => learnerRuns({ answerPeer }, 'cooperative', coordinatorLosses()));
