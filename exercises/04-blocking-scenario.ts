// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 8932df06ba254ebd: once you edit this file, the build leaves it alone.)
// Puzzle 04-blocking-scenario, 3 points, +1 hidden (lesson 04, 2PC under failure; DDIA ch. 9 "coordinator failure").
//
// Find the run: give, as scenario data, a fault placement that leaves textbook 2PC blocked:
// three voters, all voting yes, no message loss, at most two faults, each a crash or a
// recovery. Use the builders (crash, recover, at, afterSend, afterReceive, onEnter); the
// grader simulates what you return, with the horizon stretched ten times.
//
// Questions to answer first: who knows the outcome at each moment of a 2PC run? When may a
// voter no longer decide alone? Rerun lesson 04's cells that crash the coordinator and read
// where each node stands when the crash strikes.
import { afterSend, crash, twoPhaseCommit, type Scenario } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export function blockingScenario(): Scenario {
  throw new NotDoneYet('04-blocking-scenario', 'pick the moment when the voters can no longer decide alone and nobody who is still up knows the outcome');
}
