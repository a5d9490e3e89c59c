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
  // BEGIN SOLUTION
  // HINT: follow c2 in lease/pause-past-lease: c1 must write after c2, not merely after its lease
  // The unfenced lock, with the pause one tick past the point where c1's write lands after c2's.
  const unfenced = leaseLock({ lease: 20, fencing: false });
  return { protocol: unfenced, clients: 2, faults: [pause('c1', afterReceive('c1', 'granted'), 26)] };
  // END SOLUTION
}
