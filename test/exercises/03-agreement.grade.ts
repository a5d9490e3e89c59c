// Probes for exercise 03-agreement (DDIA ch. 9). Judged by grader/exercises/03-agreement.ts.
import { agreement } from '../../exercises/03-agreement';
import { probe } from '../../grader/worker/probe';
import { catalogTraces, crashedDeciders, disagreements } from '../../grader/worker/fixtures/agreement';

probe("finds every 2PC run of the catalog in agreement (2PC never disagrees: it blocks instead)", () => catalogTraces().map((c) => agreement(c)));
probe('finds the disagreement in hand-made traces and names every node against the first decision', () => disagreements.map((c) => agreement(c)));
probe("counts a crashed node's decision: it was taken, and may have been seen", () => crashedDeciders.map((c) => agreement(c)));
