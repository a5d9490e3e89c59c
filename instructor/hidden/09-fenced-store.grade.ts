import { storeStep } from '../../exercises/09-fenced-store';
import { probe } from '../../grader/worker/probe';
import { learnerLeaseRuns, storeCrashes } from '../../grader/worker/fixtures/lease';

probe('after a crash, recovers the highest token from its log and still rejects the stale write', () =>
  learnerLeaseRuns(storeStep, storeCrashes()),
);
