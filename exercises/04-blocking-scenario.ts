// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 3be1a5743647affc: once you edit this file, the build leaves it alone.)
// Exercise 04-blocking-scenario (lesson 04, 2PC under failure; DDIA ch. 9 "coordinator failure").
//
// Give, as scenario data, a fault placement that leaves textbook 2PC blocked:
// three voters, all voting yes, no message loss, at most two faults, each a
// crash or a recovery. Use the builders (crash, recover, at, afterSend,
// afterReceive, onEnter); the grader simulates what you return.
// Check it in lesson 04's notebook: simulate(blockingScenario()).verdict.
import { afterSend, crash, twoPhaseCommit, type Scenario } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export function blockingScenario(): Scenario {
  throw new NotDoneYet('04-blocking-scenario', 'every voter must be prepared (it voted yes) when the only node that knows the outcome goes away for good');
}
