// Hidden probes for exercise 03-agreement: seeded random traces.
import { agreement } from '../../exercises/03-agreement';
import { probe } from '../../grader/worker/probe';
import { randomTraces } from '../../grader/worker/fixtures/agreement';

probe('agrees with the rule on 200 random traces', () => randomTraces(200).map((trace) => agreement({ trace })));
