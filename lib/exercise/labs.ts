import { defineProtocol, protocolDefinition, type ProtocolSpec } from '../protocols/protocol';
import type { NodeContext, NodeId, Role } from '../protocols/role';
import type { Scenario } from '../scenario/types';
// Loaded for their registrations, whose definitions the labs copy.
import '../protocols/two-phase-commit/index';
import '../protocols/paxos-commit/index';
import '../protocols/three-phase-commit/index';
import { coordinator as threePhaseCoordinator } from '../protocols/three-phase-commit/coordinator';
import { coordinator as twoPhaseCoordinator } from '../protocols/two-phase-commit/coordinator';
import { coordinator as paxosCoordinator } from '../protocols/paxos-commit/coordinator';
import { voter as paxosVoter } from '../protocols/paxos-commit/voter';

/** The protocol names under which a lab runs the learner's role among the library's others. */
export const LAB_2PC = 'twoPhaseCommit/lab';
export const LAB_PAXOS = 'paxosCommit/lab';
export const LAB_3PC = 'threePhaseCommit/lab';

/** A scenario without its protocol: the lab supplies it (a protocol given is replaced; Paxos keeps its `acceptors`). */
export type LabScenario = Omit<Scenario, 'protocol'> & { readonly protocol?: Partial<ProtocolSpec> };

/** What `voterLab` and `acceptorLab` return: a scenario in, the same scenario running your role out. */
export type WithMyRole = (scenario: LabScenario) => Scenario;

/**
 * Plugs your 2PC voter (lab 04-voter) into 2PC with the textbook coordinator, and returns the
 * function that turns a scenario into one that runs it. Every voter of the run is yours; the
 * coordinator is the library's, with cooperative termination's `ask` answered from its log.
 * The last call's role is the one that runs.
 *
 * @example
 * const withMyVoter = voterLab(voter);
 * simulate(withMyVoter({ voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' }))] })).verdict;
 */
export function voterLab(voter: Role): WithMyRole {
  defineProtocol({
    ...protocolDefinition('twoPhaseCommit')!,
    name: LAB_2PC,
    role(spec, _node, kind) {
      // Plain 2PC (presumption 'none'): the lab's voter answers for itself, as the textbook's does.
      return kind === 'coordinator' ? twoPhaseCoordinator(spec.timeout as number, 'none') : voter;
    },
  });
  const protocol = Object.freeze({ name: LAB_2PC, termination: 'cooperative', timeout: 10, presumption: 'none' });
  return (scenario) => ({ ...scenario, protocol });
}

/**
 * Plugs your 3PC voter with Skeen's termination protocol (lab 05-voter) into 3PC with the
 * library's coordinator (`termination: 'elect'`), and returns the function that turns a scenario
 * into one that runs it. A scenario may keep its `preCommitAckTimeout` (`protocol: { preCommitAckTimeout: 'commit' }`).
 * The last call's role runs.
 *
 * @example
 * const withMy3pcVoter = threePhaseVoterLab(voter);
 * simulate(withMy3pcVoter({ voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'preCommit', { to: 'v1' }))] })).verdict;
 */
export function threePhaseVoterLab(voter: Role): WithMyRole {
  defineProtocol({
    ...protocolDefinition('threePhaseCommit')!,
    name: LAB_3PC,
    role(spec, _node, kind) {
      return kind === 'coordinator' ? threePhaseCoordinator(spec.timeout as number, spec.preCommitAckTimeout as 'abort' | 'commit') : voter;
    },
  });
  return (scenario) => {
    const ack = scenario.protocol?.preCommitAckTimeout === 'commit' ? 'commit' : 'abort';
    return { ...scenario, protocol: Object.freeze({ name: LAB_3PC, termination: 'elect', preCommitAckTimeout: ack, timeout: 10 }) };
  };
}

/**
 * Plugs your Paxos Commit acceptor (lab 08-acceptor) into Paxos Commit with the paper's
 * coordinator and voters, and returns the function that turns a scenario into one that runs
 * it. Every acceptor of the run (`a1`..`aN`, three by default) is yours. The last call's role runs.
 *
 * @example
 * const withMyAcceptor = acceptorLab(acceptor);
 * simulate(withMyAcceptor({ voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))] })).verdict;
 */
export function acceptorLab(acceptor: Role, options: { acceptors?: number } = {}): WithMyRole {
  defineProtocol({
    ...protocolDefinition('paxosCommit')!,
    name: LAB_PAXOS,
    role(spec, _node, kind) {
      const timeout = spec.timeout as number;
      // The kit's flow (KIT_FLOW): acceptors on machines of their own, no bundling, no fast path.
      if (kind === 'coordinator') return paxosCoordinator(timeout);
      return kind === 'voter' ? paxosVoter(timeout) : acceptor;
    },
  });
  // A scenario may keep its own acceptor count (`protocol: { acceptors: 1 }`): the catalog has runs with one.
  return (scenario) => {
    const acceptors = typeof scenario.protocol?.acceptors === 'number' ? scenario.protocol.acceptors : options.acceptors ?? 3;
    return { ...scenario, protocol: Object.freeze({ name: LAB_PAXOS, acceptors, timeout: 10 }) };
  };
}

/**
 * The leaders of a Paxos Commit run, in ballot order: the coordinator owns ballot 0; with
 * three or more acceptors the voters stand in, in id order, so ballot `b` belongs to
 * `leaders[b % leaders.length]`. A phase 2b goes to the owner of its ballot.
 *
 * @example ballotOwner(ctx, 0) // 'coordinator'
 */
export function ballotOwner(ctx: NodeContext, ballot: number): NodeId {
  const leaders = ctx.others.length >= 3 ? [ctx.coordinator, ...ctx.voters] : [ctx.coordinator];
  return leaders[ballot % leaders.length];
}
