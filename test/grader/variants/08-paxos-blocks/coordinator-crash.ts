// @ts-nocheck (graded as exercises/08-paxos-blocks.ts, where ../lib resolves)
// A plausible wrong answer to puzzle 08-paxos-blocks: the fault that blocks 2PC, which Paxos Commit survives.
// loses: ends blocked, and stays blocked with ten times the horizon
// loses: uses the fewest crashes and recoveries that can block Paxos Commit
import { afterSend, crash, paxosCommit, type Scenario } from '../lib/index';

export function paxosBlocks(): Scenario {
  return { protocol: paxosCommit(), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))] };
}
