// answer-bearing: 05-voter (the student version ships this file compiled, not as source: lib/exercise/README.md)
import { cancelTimer, decide, type Decision, type NodeContext, type NodeId, type Output, type Step } from '../role';
import { logWrite, send, type ThreePhaseCommitMessage, type ThreePhaseCommitRecord } from './messages';
import type { VoterSet } from '../voter-set';
import type { ReportedState } from './skeen';

export type VoterStateName = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

/** Where an elected coordinator is in its work: not leading, gathering states, or bringing everyone to precommitted. */
export type Leading = 'no' | 'gathering' | 'precommitting';

/**
 * The 3PC voter's state. Built only by this constructor, so every state has one shape.
 * Besides its name, it carries what the `elect` termination rule needs.
 */
export class Voter {
  constructor(
    readonly name: VoterStateName,
    readonly ctx: NodeContext,
    /** The elected coordinator this voter waits on (itself when it leads); null while it trusts the original one. */
    readonly leader: NodeId | null,
    /** Voters it asked or followed as coordinator that then fell silent: never elected again. */
    readonly suspects: VoterSet,
    readonly leading: Leading,
    /** As elected coordinator: the voters that reported, and every state gathered (its own first). */
    readonly reported: VoterSet,
    readonly states: readonly ReportedState[],
    /** As elected coordinator: the voters that acknowledged its preCommit. */
    readonly acks: VoterSet,
    /**
     * It crashed after voting yes and came back without an outcome: it may have missed a decision
     * the others took while it was down, so it asks and never decides alone (Skeen 1981, sec. 5;
     * Bernstein, Hadzilacos and Goodman, sec. 7.5, "recovery": a recovering process that is
     * uncertain must ask; only operational processes run the termination protocol's decision).
     */
    readonly recovered: boolean,
  ) {}

  /** The same voter in another state. */
  named(name: VoterStateName): Voter {
    return new Voter(name, this.ctx, this.leader, this.suspects, this.leading, this.reported, this.states, this.acks, this.recovered);
  }

  /** The same voter, following `leader` and no longer leading itself. */
  following(leader: NodeId | null, suspects: VoterSet): Voter {
    return new Voter(this.name, this.ctx, leader, suspects, 'no', this.reported, this.states, this.acks, this.recovered);
  }

  /** The same voter leading, with what it has gathered so far. */
  leadingWith(name: VoterStateName, leading: Leading, reported: VoterSet, states: readonly ReportedState[], acks: VoterSet): Voter {
    return new Voter(name, this.ctx, this.ctx.id, this.suspects, leading, reported, states, acks, this.recovered);
  }
}

/**
 * The prepare record: enough to redo the transaction's writes after a crash, or to undo them.
 * In 3PC a voter writes it at preCommit, not at canCommit (the lecture): a transaction that
 * aborts at canCommit never pays for it.
 */
export const prepareRecord: Extract<ThreePhaseCommitRecord, { type: 'prepare' }> = { type: 'prepare', tx: 'T1', redo: 'apply the writes of T1', undo: 'restore the values T1 overwrote' };

/**
 * The vote record: a yes is a promise, and a promise that a reboot could erase is no promise.
 * Skeen (1981) and Bernstein, Hadzilacos and Goodman (sec. 7.5) force it to the log before the
 * vote leaves, so a voter that crashes after voting yes knows, on recovery, that it may not abort
 * alone. It is small (no redo or undo data): the lecture's saving, that the prepare record waits
 * for preCommit, is kept. A no vote writes nothing: whoever says no may abort alone at any time.
 */
export const voteRecord: Extract<ThreePhaseCommitRecord, { type: 'vote' }> = { type: 'vote', tx: 'T1', vote: 'yes' };

/** Every timer a voter may have running, cancelled together once it has decided. */
const TIMERS = ['canCommit', 'preCommit', 'doCommit', 'leader', 'reports', 'preCommitAcks', 'ask'];
export const CANCEL_ALL: readonly Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord>[] = Object.freeze(TIMERS.map(cancelTimer));

/** Decides for good: cancels every wait, logs the decision (unless told not to), and acknowledges to `from` if it came from someone. */
export function settle(
  s: Voter,
  decision: Decision,
  from: NodeId | null,
  log = true,
): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
  const decided = new Voter(
    decision === 'commit' ? 'committed' : 'aborted',
    s.ctx,
    s.leader,
    s.suspects,
    'no',
    s.reported,
    s.states,
    s.acks,
    s.recovered,
  );
  const out: Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord>[] = log
    ? [...CANCEL_ALL, logWrite({ type: decision }), decide(decision)]
    : [...CANCEL_ALL, decide(decision)];
  if (from !== null) out.push(send(from, { type: 'ack' }));
  return [decided, out];
}

export function report(to: NodeId, state: ReportedState): Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
  return send(to, { type: 'stateReport', state });
}
