import { defineProtocol, type ProtocolSpec } from '../protocol';
import { acceptor } from './acceptor';
import { coordinator } from './coordinator';
import { voter } from './voter';

export { Coordinator, coordinator } from './coordinator';
export { Voter, voter } from './voter';
export { Acceptor, acceptor } from './acceptor';
export { leaderDecision, safeValue, majority, paperRules, type InstanceValue, type Promise1b, type LeaderRules } from './decision';
export { Topology, Leadership } from './leader';

/** The acceptor counts allowed: 2F + 1 for F = 0 to 7. */
export const ACCEPTOR_COUNTS: readonly number[] = [1, 3, 5, 7, 9, 11, 13, 15];

/** The options of `paxosCommit`. */
export interface PaxosCommitOptions {
  /**
   * How many acceptors (`a1`..`aN`): 2F + 1 to survive F of them failing. With 1 (F = 0)
   * no voter takes over from the coordinator, and the protocol behaves like 2PC.
   * @defaultValue 3
   */
  readonly acceptors?: number;
  /** Ticks a node waits before it acts on silence (open instances, a late outcome). @defaultValue 10 */
  readonly timeout?: number;
}

export interface PaxosCommitSpec extends ProtocolSpec {
  readonly name: 'paxosCommit';
  readonly acceptors: number;
  readonly timeout: number;
}

/**
 * Paxos Commit (Gray and Lamport, "Consensus on Transaction Commit", 2006): each voter's
 * prepared/aborted is chosen by its own instance of Paxos among `acceptors` acceptors, and
 * the leader commits only if every instance chose prepared. Nodes: the coordinator (the
 * first leader), the voters (backup leaders, in id order), and acceptors `a1`..`aN`.
 *
 * @example
 * simulate({ protocol: paxosCommit(), voters: 3 }).verdict; // 'committed'
 * simulate({ protocol: paxosCommit({ acceptors: 5 }), voters: 3, faults: [crash('coordinator', at(2))] }).verdict; // 'committed'
 */
export function paxosCommit(options: PaxosCommitOptions = {}): PaxosCommitSpec {
  return Object.freeze({ ...options, name: 'paxosCommit', acceptors: options.acceptors ?? 3, timeout: options.timeout ?? 10 });
}

/** The acceptors' ids of a spec: `a1`..`aN`. */
export function acceptorIds(spec: ProtocolSpec): string[] {
  const n = typeof spec.acceptors === 'number' ? spec.acceptors : 3;
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) ids.push(`a${i}`);
  return ids;
}

defineProtocol({
  name: 'paxosCommit',
  options: { acceptors: { oneOf: ACCEPTOR_COUNTS }, timeout: { integer: { min: 1, max: 1_000_000 } } },
  messages: ['prepare', 'phase2a', 'phase2b', 'commit', 'abort', 'phase1a', 'phase1b'],
  states: ['init', 'waiting', 'prepared', 'committed', 'aborted', 'accepting', 'accepted'],
  others: acceptorIds,
  role(spec, _node, kind) {
    const s = spec as PaxosCommitSpec;
    if (kind === 'coordinator') return coordinator(s.timeout);
    return kind === 'voter' ? voter(s.timeout) : acceptor(s.timeout);
  },
});
