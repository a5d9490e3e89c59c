// @ts-nocheck (graded as exercises/04-peers.ts, where ../lib resolves)
// A plausible wrong answer to puzzle 04-peers: the right moments, but runs of textbook 2PC, whose voters never ask each other.
// loses: both are runs of 2PC with cooperative termination: three voters voting yes, a lossless network, at most two crashes or recoveries
// loses: the first ends blocked under textbook 2PC, and aborted once the voters ask each other
// loses: the second ends blocked even when the voters ask each other, with the fewest faults that can do that
import { afterSend, crash, twoPhaseCommit, type Scenario } from '../lib/index';

export function savedByAPeer(): Scenario {
  return { protocol: twoPhaseCommit(), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v2' }))] };
}

export function beyondAnyPeer(): Scenario {
  return { protocol: twoPhaseCommit(), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))] };
}
