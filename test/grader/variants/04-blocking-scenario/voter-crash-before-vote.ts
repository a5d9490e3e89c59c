// @ts-nocheck (graded as exercises/04-blocking-scenario.ts, where ../lib resolves)
// A plausible wrong answer to 04-blocking-scenario: a voter crashes before it votes (the coordinator then aborts).
// loses: ends blocked, with at most two faults, each a crash or a recovery
// loses: stays blocked with ten times the horizon: blocked, not merely slow
// Exercise 04-blocking-scenario (lesson 04, 2PC under failure; DDIA ch. 9 "coordinator failure").
//
// Give, as scenario data, a fault placement that leaves textbook 2PC blocked:
// three voters, all voting yes, no message loss, at most two faults, each a
// crash or a recovery. Use the builders (crash, recover, at, afterSend,
// afterReceive, onEnter); the grader simulates what you return.
// Check it in lesson 04's notebook: simulate(blockingScenario()).verdict.
import { afterSend, crash, twoPhaseCommit, type Scenario } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export function blockingScenario(): Scenario {
  return {
    protocol: twoPhaseCommit(),
    voters: 3,
    faults: [crash('v2', afterSend('coordinator', 'prepare', { to: 'v1' }))],
  };
}
