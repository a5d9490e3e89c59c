// Probes for exercise 07-availability (the lecture on CAP). Judged by grader/exercises/07-availability.ts.
import { availability } from '../../exercises/07-availability';
import { probe } from '../../grader/worker/probe';
import { twoPhaseSweep, type Row } from '../../grader/worker/fixtures/sweep';

const few: Row[] = [
  { protocol: '2pc', loss: 0, seed: 1, verdict: 'committed' },
  { protocol: '2pc', loss: 0, seed: 2, verdict: 'blocked' },
  { protocol: '2pc', loss: 0, seed: 3, verdict: 'aborted' },
  { protocol: '2pc', loss: 0, seed: 4, verdict: 'inconsistent' },
];

probe('counts committed and aborted runs as available, blocked and inconsistent ones as not', () => availability(few));
probe('groups a real 2PC sweep by protocol and loss, in order', () => availability(twoPhaseSweep()));
