import { electDecision } from '../../exercises/05-elect';
import { probe } from '../../grader/worker/probe';
import { reachable } from '../../grader/worker/fixtures/three-phase';

probe('decides for every reachable combination of two, four and five voters', () => [2, 4, 5].map((n) => reachable(n).map((s) => electDecision(s))));
