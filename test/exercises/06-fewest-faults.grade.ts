// Probes for puzzle 06-fewest-faults (Skeen; the lecture). The grader simulates the scenario itself: grader/exercises/06-fewest-faults.ts.
import { splitWithFewestFaults } from '../../exercises/06-fewest-faults';
import { probe } from '../../grader/worker/probe';

probe("is a run of 3PC with the lecture's timeouts: three voters voting yes, a lossless network, at most two crashes, recoveries, cuts or partitions", () => splitWithFewestFaults());
probe('ends inconsistent', () => splitWithFewestFaults());
probe('uses the fewest faults that can make 3PC end inconsistent', () => splitWithFewestFaults());
