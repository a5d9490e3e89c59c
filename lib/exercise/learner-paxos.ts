import { defineProtocol, protocolDefinition } from '../protocols/protocol';
import type { Decision } from '../protocols/role';
// Loaded for its registration of paxosCommit, whose definition the learner's version copies.
import '../protocols/paxos-commit/index';
import type { PaxosCommitSpec } from '../protocols/paxos-commit/index';
import { acceptor } from '../protocols/paxos-commit/acceptor';
import { coordinator } from '../protocols/paxos-commit/coordinator';
import { voter } from '../protocols/paxos-commit/voter';
import { paperRules, type InstanceValue, type LeaderRules, type Promise1b } from '../protocols/paxos-commit/decision';

/** What a leader does with the instances it has learned: `learned[i]` is voter i's chosen value, or null if unknown. */
export type DecideFromInstances = (learned: readonly (InstanceValue | null)[]) => 'commit' | 'abort' | 'wait';

/** The value a new ballot may propose for an instance, from the promises of a majority of acceptors. */
export type ProposeSafely = (promises: readonly Promise1b[]) => InstanceValue;

/** The learner's rules of a Paxos Commit leader; a rule left out follows the paper. */
export interface LearnerLeaderRules {
  readonly leaderDecision?: DecideFromInstances;
  readonly safeValue?: ProposeSafely;
}

/** The protocol name under which the learner's Paxos Commit runs. */
export const LEARNER_PAXOS = 'paxosCommit/learner';

/**
 * Runs Paxos Commit with the learner's leader rules in place of the paper's, in the
 * coordinator and in every backup leader, so the simulator, the checkers and the charts
 * can judge them. Returns the protocol spec to put in a scenario; the last call's rules run.
 *
 * @example
 * const protocol = paxosCommitWith({ leaderDecision });
 * simulate({ protocol, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))] });
 */
export function paxosCommitWith(rules: LearnerLeaderRules, options: { acceptors?: number; timeout?: number } = {}) {
  const decide = rules.leaderDecision;
  const leader: LeaderRules = {
    // The paper's leader waits by deciding nothing; the exercise says 'wait' out loud.
    leaderDecision: decide ? (learned) => waitAsUndefined(decide(Array.from(learned))) : paperRules.leaderDecision,
    safeValue: rules.safeValue ?? paperRules.safeValue,
  };
  // The same options, vocabulary and nodes as paxosCommit; only the leaders' rules differ.
  defineProtocol({
    ...protocolDefinition('paxosCommit')!,
    name: LEARNER_PAXOS,
    role(spec, _node, kind) {
      const s = spec as unknown as PaxosCommitSpec;
      if (kind === 'coordinator') return coordinator(s.timeout, leader);
      return kind === 'voter' ? voter(s.timeout, leader) : acceptor(s.timeout);
    },
  });
  return Object.freeze({ name: LEARNER_PAXOS, acceptors: options.acceptors ?? 3, timeout: options.timeout ?? 10 });
}

function waitAsUndefined(d: 'commit' | 'abort' | 'wait'): Decision | undefined {
  if (d === 'commit' || d === 'abort') return d;
  if (d === 'wait') return undefined;
  throw new Error(`leaderDecision returned ${JSON.stringify(d)}: it must return 'commit', 'abort' or 'wait'`);
}
