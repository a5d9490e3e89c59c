import { shortestPause } from '../../exercises/09-shortest-pause';
import { probe } from '../../grader/worker/probe';

probe('is safe with fencing: the store rejects the stale token (DDIA fig. 8-5)', () => shortestPause());
