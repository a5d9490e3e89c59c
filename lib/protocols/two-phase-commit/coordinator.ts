// answer-bearing: 02-tally (the student version ships this file compiled, not as source: lib/exercise/README.md)
import {
  cancelTimer, decide, nothing, setTimer,
  type Decision, type Input, type NodeContext, type NodeId, type Output, type Role, type Step,
} from '../role';
import { logWrite, send, type DecisionRecord, type TwoPhaseCommitMessage, type TwoPhaseCommitRecord } from './messages';
import { VoterSet } from '../voter-set';
import { decisionRecord, mustForceAndAck, presumedOutcome, survivingRecords, type Presumption } from './presumption';

export type CoordinatorStateName = 'init' | 'waiting' | 'committed' | 'aborted';

/** The 2PC coordinator's state. Built only by this constructor, so every state has one shape. */
export class Coordinator {
  constructor(
    readonly name: CoordinatorStateName,
    readonly ctx: NodeContext,
    /** Voters whose yes vote has arrived. */
    readonly yes: VoterSet,
    /** Voters that acknowledged the decision: they need no more resends. */
    readonly acked: VoterSet,
    /**
     * Under a presumption, the coordinator has dropped the transaction from memory: at once
     * for the presumed outcome, after the last ack otherwise. It then answers an inquiry with
     * the presumption, which is why voters must force, and acknowledge, the other outcome.
     */
    readonly forgotten: boolean = false,
  ) {}
}

/**
 * The 2PC coordinator (article fig. 1 and 2; DDIA ch. 9 "Two-Phase Commit"; Mohan,
 * Lindsay and Obermarck 1986 for the presumptions).
 *
 * Phase one: send `prepare` to every voter and collect votes; any `no`, or a vote
 * missing when the `votes` timer expires, decides abort. Phase two: log the decision
 * first (the commit point), then tell every voter, and keep telling the ones that
 * have not acknowledged, every `timeout` ticks, for as long as it takes.
 *
 * Under a presumption the presumed outcome is sent once and never acknowledged: a voter
 * that missed it asks, and the answer is the presumption. Presumed abort writes no
 * forced record for an abort (a lazy one only) and forgets the transaction at once;
 * presumed commit force-logs a `collecting` record naming the voters before any prepare,
 * so that a crash before the decision is never mistaken for a commit.
 */
export function coordinator(timeout: number, presumption: Presumption = 'none'): Role<Coordinator, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
  const presumed = presumedOutcome(presumption);
  return {
    init: (ctx) => new Coordinator('init', ctx, VoterSet.empty(ctx.voters.length), VoterSet.empty(ctx.voters.length)),
    stateName: (s) => s.name,
    step(s, input: Input<TwoPhaseCommitMessage, TwoPhaseCommitRecord>): Step<Coordinator, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
      switch (input.kind) {
        case 'start': {
          const out: Output<TwoPhaseCommitMessage, TwoPhaseCommitRecord>[] = [];
          // Presumed commit: no record will read as commit, so the coordinator's own
          // crash before deciding must leave a trace that says "not decided yet".
          if (presumption === 'commit') out.push(logWrite({ type: 'collecting', voters: s.ctx.voters }));
          out.push(setTimer('votes', timeout));
          for (const v of s.ctx.voters) out.push(send(v, { type: 'prepare' }));
          return [new Coordinator('waiting', s.ctx, s.yes, s.acked, false), out];
        }
        case 'receive':
          return receive(s, input.from, input.message);
        case 'timeout':
          if (input.timer === 'votes' && s.name === 'waiting') return decideAndAnnounce(s, 'abort');
          if (input.timer === 'resend' && isDecided(s)) return announce(s, s.name === 'committed' ? 'commit' : 'abort');
          return [s, nothing];
        case 'recover':
          return recover(s, survivingRecords(input.log));
      }
    },
  };

  function receive(
    s: Coordinator,
    from: NodeId,
    message: TwoPhaseCommitMessage,
  ): Step<Coordinator, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
    switch (message.type) {
      case 'vote':
        if (s.name !== 'waiting') {
          // A late yes after an abort: that voter is prepared and waits, so answer it now
          // (from memory; a forgotten transaction's voter will ask and get the presumption).
          return s.name === 'aborted' && !s.forgotten && message.vote === 'yes' ? [s, [send(from, { type: 'abort' })]] : [s, nothing];
        }
        if (message.vote === 'no') return decideAndAnnounce(s, 'abort');
        {
          const yes = s.yes.with(from);
          const counted = new Coordinator('waiting', s.ctx, yes, s.acked, false);
          return yes.size === s.ctx.voters.length ? decideAndAnnounce(counted, 'commit') : [counted, nothing];
        }
      case 'ack': {
        if (s.forgotten) return [s, nothing];
        const acked = s.acked.with(from);
        if (acked.size < s.ctx.voters.length) return [new Coordinator(s.name, s.ctx, s.yes, acked, false), nothing];
        if (presumption === 'none') return [new Coordinator(s.name, s.ctx, s.yes, acked, false), [cancelTimer('resend')]];
        // Everyone has the outcome. Under a presumption the coordinator now forgets the
        // transaction: a lazy end record (Mohan et al. §2.1, §3). Plain 2PC in this kit keeps it.
        return [new Coordinator(s.name, s.ctx, s.yes, acked, true), [cancelTimer('resend'), logWrite({ type: 'end', forced: false })]];
      }
      case 'ask':
        // A prepared voter asking for the outcome. Before a decision there is nothing to
        // tell; a coordinator that knows of no transaction (forgotten, or none since a
        // crash) answers with its presumption.
        if (presumed !== null && (s.forgotten || s.name === 'init')) return [s, [send(from, { type: presumed })]];
        if (isDecided(s)) return [s, [send(from, { type: s.name === 'committed' ? 'commit' : 'abort' })]];
        return [s, nothing];
      default:
        return [s, nothing];
    }
  }

  /**
   * Plain 2PC's recovery rule (Bernstein, Hadzilacos and Goodman ch. 7; Mohan et al. §2.2):
   * a decision that never reached the log was never taken, and before the decision the
   * coordinator may always abort, so it aborts and tells everyone. This is not presumed
   * abort (§3): plain 2PC keeps a forced record of every decided transaction until all
   * voters have acknowledged it, so an empty log can only mean "never decided".
   */
  function recover(s: Coordinator, log: readonly TwoPhaseCommitRecord[]): Step<Coordinator, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
    const logged = log.find((r): r is DecisionRecord => r.type === 'commit' || r.type === 'abort');
    if (logged) {
      const decision = logged.type;
      const decided = new Coordinator(decision === 'commit' ? 'committed' : 'aborted', s.ctx, s.yes, s.acked, decision === presumed);
      // The presumed outcome was never acknowledged, so there is nobody to chase: voters in doubt ask.
      return decision === presumed ? [decided, nothing] : announce(decided, decision);
    }
    switch (presumption) {
      case 'none':
        return decideAndAnnounce(s, 'abort');
      case 'abort': {
        // No record, no transaction: it was aborted and forgotten, or never decided. The
        // coordinator does not even know the voters; those in doubt will ask.
        return [new Coordinator('aborted', s.ctx, s.yes, s.acked, true), [decide('abort')]];
      }
      case 'commit':
        // A collecting record and no decision: phase one was under way, so abort, force-log
        // it and collect acks, since abort is not the presumed outcome. With no record at
        // all no prepare ever left: there is nothing to do.
        return log.some((r) => r.type === 'collecting') ? decideAndAnnounce(s, 'abort') : [s, nothing];
    }
  }

  function decideAndAnnounce(s: Coordinator, decision: Decision): Step<Coordinator, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
    // The presumed outcome is forgotten at once: nobody will acknowledge it.
    const decided = new Coordinator(decision === 'commit' ? 'committed' : 'aborted', s.ctx, s.yes, s.acked, decision === presumed);
    // Log before telling anyone: once a voter may have heard the decision, it must survive a
    // crash. Only presumed abort's abort may stay in the buffer: lost, it reads as abort anyway.
    // Presumed commit's commit is forced, since its collecting record would otherwise read as abort.
    const forced = !(presumption === 'abort' && decision === 'abort');
    return announce(decided, decision, [cancelTimer('votes'), logWrite(decisionRecord(decision, forced)), decide(decision)]);
  }

  /** Tells every voter that has not acknowledged yet, after the outputs already in `out` (one list a step). */
  function announce(
    s: Coordinator,
    decision: Decision,
    out: Output<TwoPhaseCommitMessage, TwoPhaseCommitRecord>[] = [],
  ): Step<Coordinator, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
    if (mustForceAndAck(presumption, decision)) out.push(setTimer('resend', timeout));
    for (const v of s.ctx.voters) if (!s.acked.has(v)) out.push(send(v, { type: decision }));
    return [s, out];
  }
}

function isDecided(s: Coordinator): boolean {
  return s.name === 'committed' || s.name === 'aborted';
}
