import { blockingScenario } from '../../exercises/04-blocking-scenario';
import { probe } from '../../grader/worker/probe';

probe('stays blocked with ten times the horizon: blocked, not merely slow', () => blockingScenario());
