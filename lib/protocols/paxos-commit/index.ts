import { defineProtocol, type ProtocolSpec } from '../protocol';
import type { Role } from '../role';
import { voterIndex } from '../voter-set';
import { acceptor } from './acceptor';
import { coordinator } from './coordinator';
import { paperRules } from './decision';
import { colocationProblem, faultsTolerated, flowOf, standaloneAcceptors } from './flow';
import { hosting } from './host';
import type { PaxosCommitMessage, PaxosCommitRecord } from './messages';
import { voter } from './voter';

export { Coordinator, coordinator } from './coordinator';
export { Voter, voter } from './voter';
export { Acceptor, acceptor } from './acceptor';
export { leaderDecision, safeValue, majority, paperRules, type InstanceValue, type Promise1b, type LeaderRules } from './decision';
export { Topology, Leadership } from './leader';
export { KIT_FLOW, PAPER_FLOW, flowOf, type PaxosFlow } from './flow';
export { Hosted, hosting } from './host';
export type { PaxosCommitMessage, Phase1a, Phase1b, Phase2a, Phase2b, BundledPhase2b } from './messages';
export type { PaxosCommitRecord, PromiseRecord, AcceptRecord, BundledAcceptRecord } from './messages';

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
  /**
   * The paper's co-location (Gray and Lamport, section 4.3): acceptor a1 runs on the
   * coordinator's machine and a2..a(F+1) on voters v1..vF, so that messages between them
   * are not network messages and a crash of the machine takes both. Needs at least F voters.
   * With one acceptor this is the paper's reading of 2PC: the coordinator holds the votes.
   * @defaultValue false
   */
  readonly colocate?: boolean;
  /**
   * Each acceptor answers the ballot-0 votes of all instances with one phase 2b message and one log
   * write (section 4.3). @defaultValue false
   */
  readonly bundle?: boolean;
  /**
   * Where a voter's first vote goes: `'all'` 2F + 1 acceptors, or `'majority'`, the first F + 1
   * (section 4.3; a re-sent vote goes to all). @defaultValue 'all'
   */
  readonly phase2a?: 'all' | 'majority';
  /**
   * Gray and Lamport's Faster Paxos Commit (sections 4.3 and 5): the acceptors send their ballot-0
   * phase 2b to the voters too, who learn the outcome one message delay sooner. @defaultValue false
   */
  readonly fast?: boolean;
}

export interface PaxosCommitSpec extends ProtocolSpec {
  readonly name: 'paxosCommit';
  readonly acceptors: number;
  readonly timeout: number;
  readonly colocate: boolean;
  readonly bundle: boolean;
  readonly phase2a: 'all' | 'majority';
  readonly fast: boolean;
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
 * // The flow the paper's cost table counts: 3 voters, F = 1, N(F + 3) = 12 messages.
 * simulate({ protocol: paxosCommit({ colocate: true, bundle: true, phase2a: 'majority' }), voters: 3 }).stats.messagesSent; // 12
 *
 * The defaults keep the plain flow (every vote to every acceptor, one phase 2b per vote,
 * every acceptor a machine of its own): it shows each Paxos message on the chart, and the
 * lessons' fault scripts name acceptors `a1`..`aN` as nodes of their own.
 */
export function paxosCommit(options: PaxosCommitOptions = {}): PaxosCommitSpec {
  return Object.freeze({
    ...options,
    name: 'paxosCommit',
    acceptors: options.acceptors ?? 3,
    timeout: options.timeout ?? 10,
    colocate: options.colocate ?? false,
    bundle: options.bundle ?? false,
    phase2a: options.phase2a ?? 'all',
    fast: options.fast ?? false,
  });
}

/** The acceptors that are nodes of their own: `a1`..`aN`, or with `colocate` only those not on the coordinator's or a voter's machine. */
export function acceptorIds(spec: ProtocolSpec): string[] {
  const n = typeof spec.acceptors === 'number' ? spec.acceptors : 3;
  return standaloneAcceptors(n, flowOf(spec));
}

defineProtocol({
  name: 'paxosCommit',
  options: {
    acceptors: { oneOf: ACCEPTOR_COUNTS },
    timeout: { integer: { min: 1, max: 1_000_000 } },
    colocate: { oneOf: [false, true] },
    bundle: { oneOf: [false, true] },
    phase2a: { oneOf: ['all', 'majority'] },
    fast: { oneOf: [false, true] },
  },
  messages: ['prepare', 'phase2a', 'phase2b', 'commit', 'abort', 'phase1a', 'phase1b'],
  states: ['init', 'waiting', 'prepared', 'committed', 'aborted', 'accepting', 'accepted'],
  others: acceptorIds,
  needs(spec, voters) {
    if (!flowOf(spec).colocate) return null;
    const problem = colocationProblem(faultsTolerated(typeof spec.acceptors === 'number' ? spec.acceptors : 3), voters);
    return problem === null ? null : { option: 'colocate', problem };
  },
  role(s: PaxosCommitSpec, node, kind) {
    const flow = flowOf(s);
    const timeout = typeof s.timeout === 'number' ? s.timeout : 10;
    const own: Role<unknown, PaxosCommitMessage, PaxosCommitRecord> =
      kind === 'coordinator'
        ? coordinator(timeout, paperRules, flow)
        : kind === 'voter'
          ? voter(timeout, paperRules, flow)
          : acceptor(timeout, flow);
    if (kind === 'other' || !flow.colocate) return own;
    // Co-location: the coordinator's machine holds a1, voter vi's holds a(i+1) for i <= F.
    const f = faultsTolerated(typeof s.acceptors === 'number' ? s.acceptors : 3);
    if (kind === 'voter' && voterIndex(node) >= f) return own;
    return hosting(node, own, acceptor(timeout, flow));
  },
});
