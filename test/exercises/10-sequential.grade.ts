// Probes for exercise 10-sequential (Herlihy and Wing 1990; DDIA ch. 9).
// The grader checks the history itself: grader/exercises/10-sequential.ts.
import { sequentialNotLinearizable } from '../../exercises/10-sequential';
import { probe } from '../../grader/worker/probe';

probe("is a register history of two clients and at most eight answered operations, each client's one after another", () =>
  sequentialNotLinearizable(),
);
probe('is not linearizable', () => sequentialNotLinearizable());
probe("is sequentially consistent: one order keeps each client's own order and gives every answer", () => sequentialNotLinearizable());
