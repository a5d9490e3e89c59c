import {
  cancelTimer, decide, logWrite, nothing, send, setTimer,
  type Decision, type Input, type Message, type NodeContext, type NodeId, type Output, type Role, type Step,
} from '../role';
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
 * Only the decision is logged. Recovering without one, the coordinator aborts and
 * tells everyone, as the article tells it, whatever the voters did meanwhile.
 */
export function coordinator(timeout: number, onAckTimeout: PreCommitAckTimeout): Role<Coordinator> {
  return {
    init: (ctx) => {
      const none = VoterSet.empty(ctx.voters.length);
      return new Coordinator('init', ctx, none, none, none);
    },
    stateName: (s) => s.name,
    step(s, input: Input): Step<Coordinator> {
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
          return [s, nothing];
        case 'recover': {
          const logged = input.log.find((r) => r.type === 'commit' || r.type === 'abort');
          // No decision in the log: it never committed, so it may abort, and says so to everyone.
          if (!logged) return decideAndAnnounce(s, 'abort');
          return announce(new Coordinator(logged.type === 'commit' ? 'committed' : 'aborted', s.ctx, s.yes, s.precommitted, s.acked));
        }
      }
    },
  };

  function receive(s: Coordinator, from: NodeId, message: Message): Step<Coordinator> {
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
            [cancelTimer('votes'), setTimer('preCommitAcks', timeout), ...s.ctx.voters.map((v) => send(v, { type: 'preCommit' }))],
          ];
        }
      case 'preCommitAck': {
        if (s.name !== 'precommitted') return [s, nothing];
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

  function decideAndAnnounce(s: Coordinator, decision: Decision): Step<Coordinator> {
    const decided = new Coordinator(decision === 'commit' ? 'committed' : 'aborted', s.ctx, s.yes, s.precommitted, s.acked);
    const [next, sends] = announce(decided);
    // Log before telling anyone: once a voter may have heard the decision, it must survive a crash.
    return [next, [cancelTimer('votes'), cancelTimer('preCommitAcks'), logWrite({ type: decision }), decide(decision), ...sends]];
  }

  /** Tells every voter that has not acknowledged the decision, and keeps telling them every `timeout` ticks. */
  function announce(s: Coordinator): Step<Coordinator> {
    const type = s.name === 'committed' ? 'doCommit' : 'abort';
    const out: Output[] = [setTimer('resend', timeout)];
    for (const v of s.ctx.voters) if (!s.acked.has(v)) out.push(send(v, { type }));
    return [s, out];
  }
}

function isDecided(s: Coordinator): boolean {
  return s.name === 'committed' || s.name === 'aborted';
}
