// Probe for exercise 04-blocking-scenario (DDIA ch. 9). The grader simulates the scenario itself: grader/exercises/04-blocking-scenario.ts.
import { blockingScenario } from '../../exercises/04-blocking-scenario';
import { probe } from '../../grader/worker/probe';

probe('is a scenario of textbook 2PC with three voters who all vote yes, on a lossless network', () => blockingScenario());
probe('ends blocked, with at most two faults, each a crash or a recovery', () => blockingScenario());
