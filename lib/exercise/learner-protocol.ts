import { defineProtocol, protocolDefinition } from '../protocols/protocol';
// Loaded for its registration of twoPhaseCommit, whose definition the learner's version copies.
import '../protocols/two-phase-commit/index';
import { cancelTimer, decide, logWrite, nothing, send, setTimer, type LogRecord, type Output, type Role, type Step } from '../protocols/role';
import { coordinator } from '../protocols/two-phase-commit/coordinator';
import { Voter, voter, type Termination, type VoterStateName } from '../protocols/two-phase-commit/voter';
import type { TwoPhaseCommitMessage, TwoPhaseCommitRecord } from '../protocols/two-phase-commit/messages';

/** A 2PC voter's recovery rule: from its durable log alone, the state it resumes in. */
export type RecoverVoter = (log: readonly LogRecord[]) => 'prepared' | 'committed' | 'aborted';

/** What a voter does when a peer in doubt asks it for the outcome (cooperative termination). */
export interface PeerAnswer {
  /** The outcome to tell the peer, or null to stay silent. */
  readonly reply: 'commit' | 'abort' | null;
  /** Abort first, for good (only a voter that has not voted may). */
  readonly abortFirst: boolean;
}
export type AnswerPeer = (state: VoterStateName) => PeerAnswer;

/** The learner's pieces of a 2PC voter; what is left out follows the textbook. */
export interface LearnerRules {
  readonly recoverVoter?: RecoverVoter;
  readonly answerPeer?: AnswerPeer;
}

/** The protocol name under which the learner's 2PC runs. */
export const LEARNER_2PC = 'twoPhaseCommit/learner';

/**
 * Runs 2PC with the learner's recovery rule and peer answers in place of the library's,
 * so the simulator, the checkers and the charts can judge them. Returns the protocol
 * spec to put in a scenario; the last call's rules are the ones that run.
 *
 * @example
 * const protocol = twoPhaseCommitWith({ recoverVoter }, { termination: 'wait' });
 * simulate({ protocol, faults: [crash('v1', afterSend('v1', 'vote')), recover('v1', at(30))] });
 */
export function twoPhaseCommitWith(rules: LearnerRules, options: { termination?: Termination; timeout?: number } = {}) {
  // The same options and vocabulary as twoPhaseCommit; only the voter's rules differ.
  defineProtocol({
    ...protocolDefinition('twoPhaseCommit')!,
    name: LEARNER_2PC,
    role(spec, _node, kind) {
      const timeout = spec.timeout as number;
      return kind === 'coordinator' ? coordinator(timeout) : learnerVoter(timeout, spec.termination as Termination, rules);
    },
  });
  return Object.freeze({ name: LEARNER_2PC, termination: options.termination ?? 'wait', timeout: options.timeout ?? 10 });
}

function learnerVoter(
  timeout: number,
  termination: Termination,
  rules: LearnerRules,
): Role<Voter, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
  const textbook = voter(timeout, termination);
  const asking = (s: Voter): Output<TwoPhaseCommitMessage, TwoPhaseCommitRecord>[] => {
    const to = termination === 'cooperative' ? [s.ctx.coordinator, ...s.ctx.voters.filter((v) => v !== s.ctx.id)] : [s.ctx.coordinator];
    return [setTimer('ask', timeout), ...to.map((n) => send(n, { type: 'ask' }))];
  };
  return {
    init: textbook.init.bind(textbook),
    stateName: textbook.stateName.bind(textbook),
    step(s, input): Step<Voter, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
      if (input.kind === 'recover' && rules.recoverVoter) {
        const resumed = rules.recoverVoter(input.log);
        const logged = input.log.some((r) => r.type === (resumed === 'committed' ? 'commit' : 'abort'));
        if (resumed === 'prepared') {
          const prepared = new Voter('prepared', s.ctx);
          return [prepared, asking(prepared)];
        }
        const decision = resumed === 'committed' ? 'commit' : 'abort';
        // A decision already in the log was taken before the crash; a new one is taken now, and logged first.
        return [new Voter(resumed, s.ctx), logged ? nothing : [logWrite({ type: decision }), decide(decision)]];
      }
      if (input.kind === 'receive' && input.message.type === 'ask' && input.from !== s.ctx.coordinator && rules.answerPeer) {
        const answer = rules.answerPeer(s.name);
        const out: Output<TwoPhaseCommitMessage, TwoPhaseCommitRecord>[] = [];
        let next = s;
        if (answer.abortFirst && s.name !== 'aborted') {
          next = new Voter('aborted', s.ctx);
          out.push(cancelTimer('prepare'), cancelTimer('ask'), logWrite({ type: 'abort' }), decide('abort'));
        }
        if (answer.reply) out.push(send(input.from, { type: answer.reply }));
        return [next, out];
      }
      return textbook.step(s, input);
    },
  };
}
