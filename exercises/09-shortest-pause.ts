// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp c64ddb8f485ac2ee: once you edit this file, the build leaves it alone.)
// Exercise 09-shortest-pause (lesson 09, leases and fencing; DDIA ch. 8, fig. 8-4).
//
// Find the run: give, as scenario data, a run of the unfenced lease lock,
// leaseLock({ lease: 20, fencing: false }), with two clients, that ends unsafe
// with one fault: c1 paused right after it receives its grant,
// pause('c1', afterReceive('c1', 'granted'), ticks), for as few ticks as
// possible. The grader simulates what you return, and the same run with the
// pause one tick shorter, which must be safe.
// Check it in lesson 09's notebook: simulate(shortestPause()).verdict.
import { afterReceive, leaseLock, pause, type Scenario } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export function shortestPause(): Scenario {
  throw new NotDoneYet('09-shortest-pause', 'follow c2 in lease/pause-past-lease: c1 must write after c2, not merely after its lease');
}
