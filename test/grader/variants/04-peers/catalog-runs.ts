// @ts-nocheck (graded as exercises/04-peers.ts, where ../lib resolves)
// A plausible wrong answer to puzzle 04-peers: the catalog's two runs, copied, which end committed and need two faults.
// loses: the first ends blocked under textbook 2PC, and aborted once the voters ask each other
// loses: the second ends blocked even when the voters ask each other, with the fewest faults that can do that
import { afterReceive, afterSend, crash, twoPhaseCommit, type Scenario } from '../lib/index';

export function savedByAPeer(): Scenario {
  return { protocol: twoPhaseCommit({ termination: 'cooperative' }), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' }))] };
}

export function beyondAnyPeer(): Scenario {
  return {
    protocol: twoPhaseCommit({ termination: 'cooperative' }),
    voters: 3,
    faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })), crash('v1', afterReceive('v1', 'commit'))],
  };
}
