// Probes for exercise 05-elect (the article's 3PC termination protocol). Judged by grader/exercises/05-elect.ts.
import { electDecision } from '../../exercises/05-elect';
import { probe } from '../../grader/worker/probe';
import { reachable } from '../../grader/worker/fixtures/three-phase';

probe('decides for one reachable voter in each state it may be in', () => reachable(1).map((s) => electDecision(s)));
probe('decides for every reachable combination of three voters', () => reachable(3).map((s) => electDecision(s)));
