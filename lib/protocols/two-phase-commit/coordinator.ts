import {
  cancelTimer, decide, logWrite, nothing, send, setTimer,
  type Decision, type Input, type Message, type NodeContext, type NodeId, type Output, type Role, type Step,
} from '../role';
import { VoterSet } from '../voter-set';

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
  ) {}
}

/**
 * The 2PC coordinator (article fig. 1 and 2; DDIA ch. 9 "Two-Phase Commit").
 *
 * Phase one: send `prepare` to every voter and collect votes; any `no`, or a vote
 * missing when the `votes` timer expires, decides abort. Phase two: log the decision
 * first (the commit point), then tell every voter, and keep telling the ones that
 * have not acknowledged, every `timeout` ticks, for as long as it takes.
 */
export function coordinator(timeout: number): Role<Coordinator> {
  return {
    init: (ctx) => new Coordinator('init', ctx, VoterSet.empty(ctx.voters.length), VoterSet.empty(ctx.voters.length)),
    stateName: (s) => s.name,
    step(s, input: Input): Step<Coordinator> {
      switch (input.kind) {
        case 'start':
          return [
            new Coordinator('waiting', s.ctx, s.yes, s.acked),
            [setTimer('votes', timeout), ...s.ctx.voters.map((v) => send(v, { type: 'prepare' }))],
          ];
        case 'receive':
          return receive(s, input.from, input.message);
        case 'timeout':
          if (input.timer === 'votes' && s.name === 'waiting') return decideAndAnnounce(s, 'abort');
          if (input.timer === 'resend' && isDecided(s)) return announce(s, s.name === 'committed' ? 'commit' : 'abort');
          return [s, nothing];
        case 'recover': {
          // Presumed abort: a decision that never reached the log was never taken.
          const logged = input.log.find((r) => r.type === 'commit' || r.type === 'abort');
          if (!logged) return decideAndAnnounce(s, 'abort');
          const decided = new Coordinator(logged.type === 'commit' ? 'committed' : 'aborted', s.ctx, s.yes, s.acked);
          return announce(decided, logged.type as Decision);
        }
      }
    },
  };

  function receive(s: Coordinator, from: NodeId, message: Message): Step<Coordinator> {
    switch (message.type) {
      case 'vote':
        if (s.name !== 'waiting') {
          // A late yes after an abort: that voter is prepared and waits, so answer it now.
          return s.name === 'aborted' && message.vote === 'yes' ? [s, [send(from, { type: 'abort' })]] : [s, nothing];
        }
        if (message.vote === 'no') return decideAndAnnounce(s, 'abort');
        {
          const yes = s.yes.with(from);
          const counted = new Coordinator('waiting', s.ctx, yes, s.acked);
          return yes.size === s.ctx.voters.length ? decideAndAnnounce(counted, 'commit') : [counted, nothing];
        }
      case 'ack': {
        const acked = s.acked.with(from);
        const next = new Coordinator(s.name, s.ctx, s.yes, acked);
        return [next, acked.size === s.ctx.voters.length ? [cancelTimer('resend')] : nothing];
      }
      case 'ask':
        // A prepared voter asking for the outcome; before a decision there is nothing to tell.
        if (!isDecided(s)) return [s, nothing];
        return [s, [send(from, { type: s.name === 'committed' ? 'commit' : 'abort' })]];
      default:
        return [s, nothing];
    }
  }

  function decideAndAnnounce(s: Coordinator, decision: Decision): Step<Coordinator> {
    const decided = new Coordinator(decision === 'commit' ? 'committed' : 'aborted', s.ctx, s.yes, s.acked);
    const [next, sends] = announce(decided, decision);
    // Log before telling anyone: once a voter may have heard the decision, it must survive a crash.
    return [next, [cancelTimer('votes'), logWrite({ type: decision }), decide(decision), ...sends]];
  }

  function announce(s: Coordinator, decision: Decision): Step<Coordinator> {
    const out: Output[] = [setTimer('resend', timeout)];
    for (const v of s.ctx.voters) if (!s.acked.has(v)) out.push(send(v, { type: decision }));
    return [s, out];
  }
}

function isDecided(s: Coordinator): boolean {
  return s.name === 'committed' || s.name === 'aborted';
}
