// Probe for exercise 09-shortest-pause (DDIA ch. 8, fig. 8-4).
// The grader simulates the scenario itself: grader/exercises/09-shortest-pause.ts.
import { shortestPause } from '../../exercises/09-shortest-pause';
import { probe } from '../../grader/worker/probe';

probe('is a run of the unfenced lease lock (lease 20, two clients) whose one fault pauses c1 right after its grant', () => shortestPause());
probe("ends unsafe: the store takes c1's stale write on top of c2's", () => shortestPause());
probe('pauses no longer than it must: one tick less is safe', () => shortestPause());
