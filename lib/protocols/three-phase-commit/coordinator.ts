import {
  cancelTimer,
  decide,
  nothing,
  setTimer,
  type Decision,
  type NodeContext,
  type NodeId,
  type Output,
  type Role,
  type Step,
} from '../role';
import { logWrite, send, type ThreePhaseCommitMessage, type ThreePhaseCommitRecord } from './messages';
import { VoterSet } from '../voter-set';

export type CoordinatorStateName = 'init' | 'waiting' | 'precommitted' | 'committed' | 'aborted';

/** What the coordinator does when a preCommitAck is still missing at its timeout. */
export type PreCommitAckTimeout = 'abort' | 'commit';

/** The 3PC coordinator's state. Built only by this constructor, so every state has one shape. */
export class Coordinator {
  constructor(
    readonly name: CoordinatorStateName,
    readonly ctx: NodeContext,
    /** Voters whose yes vote has arrived. */
    readonly yes: VoterSet,
    /** Voters that acknowledged preCommit. */
    readonly precommitted: VoterSet,
    /** Voters that acknowledged the decision: they need no more resends. */
    readonly acked: VoterSet,
    /** Back from a crash after a preCommit may have left, asking the voters for the outcome. */
    readonly asking = false,
  ) {}
}

/**
 * The 3PC coordinator (article fig. 4; the lecture's CanCommit, PreCommit, DoCommit).
 *
 * Phase one (`canCommit`): ask every voter whether it can commit; a no, or a vote
 * still missing after `timeout` ticks, aborts. Phase two (`preCommit`): every voter
 * said yes, so tell them all; a voter that acknowledges has logged its prepare record
 * and knows that everyone voted yes. Phase three (`doCommit`): with every
 * preCommitAck in, log commit and tell everyone. A preCommitAck missing at the
 * timeout does what `onAckTimeout` says: `abort` (the lecture's rule) or `commit`
 * (Skeen's: the silent voter has failed, and every live one is precommitted).
 *
 * The log: before its first preCommit leaves, the coordinator force-logs a precommit
 * record; before its first doCommit or abort, the decision (Bernstein, Hadzilacos and
 * Goodman, sec. 7.5; Skeen 1981). Recovering with a decision, it tells it again. With
 * neither record, no preCommit ever left, so no voter can be precommitted and nobody can
 * have committed: it aborts and tells everyone. With a precommit record and no decision,
 * the voters may have terminated without it, either way: it asks them (`ask`) every
 * `timeout` ticks and takes the first outcome it hears, and never decides alone.
 *
 * What no recovery rule fixes is a coordinator that never crashed but was only slow or
 * paused, and resumes its old round after the voters have terminated (the article's
 * "fail-recover" story; `3pc/fail-recover` in the catalog).
 */
/** The record the coordinator forces before its first preCommit: from here on, a commit may happen without it. */
export const precommitRecord: Extract<ThreePhaseCommitRecord, { type: 'precommit' }> = { type: 'precommit', tx: 'T1' };

export function coordinator(
  timeout: number,
  onAckTimeout: PreCommitAckTimeout,
): Role<Coordinator, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
  return {
    init: (ctx) => {
      const none = VoterSet.empty(ctx.voters.length);
      return new Coordinator('init', ctx, none, none, none);
    },
    stateName: (s) => s.name,
    step(s, input): Step<Coordinator, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
      switch (input.kind) {
        case 'start':
          return [
            new Coordinator('waiting', s.ctx, s.yes, s.precommitted, s.acked),
            [setTimer('votes', timeout), ...s.ctx.voters.map((v) => send(v, { type: 'canCommit' }))],
          ];
        case 'receive':
          return receive(s, input.from, input.message);
        case 'timeout':
          if (input.timer === 'votes' && s.name === 'waiting') return decideAndAnnounce(s, 'abort');
          if (input.timer === 'preCommitAcks' && s.name === 'precommitted') return decideAndAnnounce(s, onAckTimeout);
          if (input.timer === 'resend' && isDecided(s)) return announce(s);
          if (input.timer === 'ask' && s.name === 'precommitted') return [s, ask(s)];
          return [s, nothing];
        case 'recover': {
          const logged = input.log.find((r) => r.type === 'commit' || r.type === 'abort');
          if (logged)
            return announce(new Coordinator(logged.type === 'commit' ? 'committed' : 'aborted', s.ctx, s.yes, s.precommitted, s.acked));
          // No preCommit ever left: nobody is precommitted, so nobody can have committed.
          if (!input.log.some((r) => r.type === precommitRecord.type)) return decideAndAnnounce(s, 'abort');
          // A preCommit may have left: the voters may have terminated without it. Ask, never guess.
          const asking = new Coordinator('precommitted', s.ctx, s.yes, s.precommitted, s.acked, true);
          return [asking, ask(asking)];
        }
      }
    },
  };

  function receive(
    s: Coordinator,
    from: NodeId,
    message: ThreePhaseCommitMessage,
  ): Step<Coordinator, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    switch (message.type) {
      case 'vote':
        if (s.name !== 'waiting') {
          // A late yes after an abort: that voter is uncertain and waits, so answer it now.
          return s.name === 'aborted' && message.vote === 'yes' ? [s, [send(from, { type: 'abort' })]] : [s, nothing];
        }
        if (message.vote === 'no') return decideAndAnnounce(s, 'abort');
        {
          const yes = s.yes.with(from);
          if (yes.size < s.ctx.voters.length) return [new Coordinator('waiting', s.ctx, yes, s.precommitted, s.acked), nothing];
          // Everyone can commit: tell them so, and wait for each to say it has prepared.
          return [
            new Coordinator('precommitted', s.ctx, yes, s.precommitted, s.acked),
            [
              cancelTimer('votes'),
              logWrite(precommitRecord),
              setTimer('preCommitAcks', timeout),
              ...s.ctx.voters.map((v) => send(v, { type: 'preCommit' })),
            ],
          ];
        }
      case 'doCommit':
      case 'abort':
        // A voter's answer to a recovered coordinator's question: the outcome the voters reached.
        return s.asking ? decideAndAnnounce(s, message.type === 'doCommit' ? 'commit' : 'abort') : [s, nothing];
      case 'ask':
        // A voter back from a crash asks for the outcome; undecided, there is nothing to tell yet.
        return isDecided(s) ? [s, [send(from, { type: s.name === 'committed' ? 'doCommit' : 'abort' })]] : [s, nothing];
      case 'preCommitAck': {
        if (s.name !== 'precommitted' || s.asking) return [s, nothing];
        const precommitted = s.precommitted.with(from);
        const counted = new Coordinator('precommitted', s.ctx, s.yes, precommitted, s.acked);
        return precommitted.size === s.ctx.voters.length ? decideAndAnnounce(counted, 'commit') : [counted, nothing];
      }
      case 'ack': {
        const acked = s.acked.with(from);
        const next = new Coordinator(s.name, s.ctx, s.yes, s.precommitted, acked);
        return [next, acked.size === s.ctx.voters.length ? [cancelTimer('resend')] : nothing];
      }
      default:
        return [s, nothing];
    }
  }

  function decideAndAnnounce(s: Coordinator, decision: Decision): Step<Coordinator, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    const decided = new Coordinator(decision === 'commit' ? 'committed' : 'aborted', s.ctx, s.yes, s.precommitted, s.acked);
    const [next, sends] = announce(decided);
    // Log before telling anyone: once a voter may have heard the decision, it must survive a crash.
    return [
      next,
      [cancelTimer('votes'), cancelTimer('preCommitAcks'), cancelTimer('ask'), logWrite({ type: decision }), decide(decision), ...sends],
    ];
  }

  /** A recovered coordinator's question to every voter, repeated until one that knows answers. */
  function ask(s: Coordinator): Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord>[] {
    return [setTimer('ask', timeout), ...s.ctx.voters.map((v) => send(v, { type: 'ask' }))];
  }

  /** Tells every voter that has not acknowledged the decision, and keeps telling them every `timeout` ticks. */
  function announce(s: Coordinator): Step<Coordinator, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    const type = s.name === 'committed' ? 'doCommit' : 'abort';
    const out: Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord>[] = [setTimer('resend', timeout)];
    for (const v of s.ctx.voters) if (!s.acked.has(v)) out.push(send(v, { type }));
    return [s, out];
  }
}

function isDecided(s: Coordinator): boolean {
  return s.name === 'committed' || s.name === 'aborted';
}
