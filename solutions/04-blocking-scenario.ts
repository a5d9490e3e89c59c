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
  // BEGIN SOLUTION
  // HINT: every voter must be prepared (it voted yes) when the only node that knows the outcome goes away for good
  return {
    protocol: twoPhaseCommit(),
    voters: 3,
    faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))],
  };
  // END SOLUTION
}
