import { queueModel } from '../../exercises/10-queue';
import { probe } from '../../grader/worker/probe';
import { randomQueueHistories } from '../../grader/worker/fixtures/queue';
import { linearizable } from '../../lib/linearizability/index';

probe('agrees with the reference queue on 150 random histories of up to seven operations', () =>
  randomQueueHistories(150, 10).map((h) => linearizable(h, queueModel(), { maxSteps: 100_000 }).verdict),
);
