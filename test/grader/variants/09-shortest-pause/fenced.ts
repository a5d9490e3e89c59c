// @ts-nocheck (graded as exercises/09-shortest-pause.ts, where ../lib resolves)
// A plausible wrong answer to 09-shortest-pause: the shortest pause, but with fencing on (then no pause is unsafe).
// loses: is a run of the unfenced lease lock (lease 20, two clients) whose one fault pauses c1 right after its grant
// loses: ends unsafe: the store takes c1's stale write on top of c2's
// loses: pauses no longer than it must: one tick less is safe
// loses: is safe with fencing: the store rejects the stale token (DDIA fig. 8-5)
// Exercise 09-shortest-pause (lesson 09, leases and fencing; DDIA ch. 8, fig. 8-4).
//
// Find the run: give, as scenario data, a run of the unfenced lease lock,
// leaseLock({ lease: 20, fencing: false }), with two clients, that ends unsafe
// with one fault: c1 paused right after it receives its grant,
// pause('c1', afterReceive('c1', 'granted'), ticks), for as few ticks as
// possible. The grader simulates what you return, and the same run with the
// pause one tick shorter, which must be safe.
// Check it in lesson 09's notebook: simulate(shortestPause()).verdict.
import { afterReceive, leaseLock, pause, type Scenario } from '../lib';
import { NotDoneYet } from '../lib/exercise';

export function shortestPause(): Scenario {
  return {
    protocol: leaseLock({ lease: 20, fencing: true }),
    clients: 2,
    faults: [pause('c1', afterReceive('c1', 'granted'), 26)],
  };
}
