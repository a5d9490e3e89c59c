import {
  cancelTimer, decide, logWrite, nothing, send, setTimer,
  type Decision, type Input, type Message, type NodeContext, type NodeId, type Output, type Role, type Step,
} from '../role';
import { VoterSet, voterIndex } from '../voter-set';
import { skeen, type ReportedState } from './skeen';

export type VoterStateName = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

/**
 * What a voter does when the coordinator falls silent:
 * `timeouts` (the lecture) decides alone from its own state, uncertain -> abort and
 * precommitted -> commit; `elect` (the article, after Skeen) elects a new
 * coordinator among the voters, which gathers their states and decides.
 */
export type Termination = 'timeouts' | 'elect';

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
export const prepareRecord = { type: 'prepare', tx: 'T1', redo: 'apply the writes of T1', undo: 'restore the values T1 overwrote' };

/**
 * The vote record: a yes is a promise, and a promise that a reboot could erase is no promise.
 * Skeen (1981) and Bernstein, Hadzilacos and Goodman (sec. 7.5) force it to the log before the
 * vote leaves, so a voter that crashes after voting yes knows, on recovery, that it may not abort
 * alone. It is small (no redo or undo data): the lecture's saving, that the prepare record waits
 * for preCommit, is kept. A no vote writes nothing: whoever says no may abort alone at any time.
 */
export const voteRecord = { type: 'vote', tx: 'T1', vote: 'yes' };

/** Every timer a voter may have running, cancelled together once it has decided. */
const TIMERS = ['canCommit', 'preCommit', 'doCommit', 'leader', 'reports', 'preCommitAcks', 'ask'];
const CANCEL_ALL: readonly Output[] = Object.freeze(TIMERS.map(cancelTimer));

/**
 * The 3PC voter (article fig. 4 and its termination protocol; the lecture).
 *
 * `canCommit`: it answers whether it can commit; a yes is force-logged first as a small
 * vote record. `preCommit`: everyone said yes; it writes its prepare record (redo and
 * undo) and acknowledges. `doCommit` or `abort`: it decides. A voter still waiting for
 * `canCommit` after `2 * timeout` aborts alone, since it has promised nothing.
 *
 * When the coordinator falls silent for `2 * timeout` ticks, `termination` says what
 * to do. `timeouts`: an uncertain voter aborts and a precommitted one commits.
 * `elect`: it asks the lowest-id voter it has not given up on to take over (`elect`;
 * itself, if that is the lowest). The elected voter asks every voter for its state
 * (`stateReq` / `stateReport`), decides by Skeen's rule (`skeen.ts`), and, if that
 * says commit after a precommitted report, first sends `preCommit` to everyone and
 * waits for the acks. A voter that hears nothing from the voter it elected or
 * follows for `3 * timeout` ticks gives up on it and elects the next one.
 *
 * Recovery: a decision in the log is kept; no vote in the log means it never promised, so
 * it aborts alone; a vote (and perhaps a prepare record) without an outcome means the others
 * may have decided while it was down, so it asks everyone (`ask`) every `2 * timeout` ticks
 * until someone who knows answers, answers state requests like any voter, and never leads
 * or decides by a timeout (Skeen 1981; Bernstein, Hadzilacos and Goodman sec. 7.5). If every
 * other node is down too, it waits for one to come back: that is the price of safety.
 */
export function voter(timeout: number, termination: Termination): Role<Voter> {
  const wait = 2 * timeout;
  const leaderWait = 3 * timeout;
  const elect = termination === 'elect';

  return {
    init: (ctx) => {
      const none = VoterSet.empty(ctx.voters.length);
      return new Voter('init', ctx, null, none, 'no', none, [], none, false);
    },
    stateName: (s) => s.name,
    step(s, input: Input): Step<Voter> {
      switch (input.kind) {
        case 'start':
          return [s, [setTimer('canCommit', wait)]];
        case 'receive':
          return receive(s, input.from, input.message);
        case 'timeout':
          return timedOut(s, input.timer);
        case 'recover': {
          const last = input.log[input.log.length - 1];
          // No vote in the log: it never promised anything, so it may abort alone.
          if (!last) return settle(s, 'abort', null);
          if (last.type === 'commit') return [s.named('committed'), nothing];
          if (last.type === 'abort') return [s.named('aborted'), nothing];
          // It voted yes (and, with a prepare record, was precommitted): it asks, and waits to be told.
          const back = new Voter(last.type === 'prepare' ? 'precommitted' : 'uncertain', s.ctx, null, s.suspects, 'no', s.reported, s.states, s.acks, true);
          return [back, ask(back)];
        }
      }
    },
  };

  /** A recovered voter's question to everyone, repeated until someone who knows answers. */
  function ask(s: Voter): Output[] {
    const out: Output[] = [setTimer('ask', wait), send(s.ctx.coordinator, { type: 'ask' })];
    for (const v of s.ctx.voters) if (v !== s.ctx.id) out.push(send(v, { type: 'ask' }));
    return out;
  }

  function timedOut(s: Voter, timer: string): Step<Voter> {
    const undecided = s.name === 'uncertain' || s.name === 'precommitted';
    switch (timer) {
      case 'ask':
        return undecided && s.recovered ? [s, ask(s)] : [s, nothing];
      case 'canCommit':
        return s.name === 'init' ? settle(s, 'abort', null) : [s, nothing];
      case 'preCommit':
      case 'doCommit':
        // A recovered voter sets neither timer; it never decides by a timeout, whatever fires.
        if (!undecided || s.recovered) return [s, nothing];
        if (!elect) return settle(s, s.name === 'precommitted' ? 'commit' : 'abort', null);
        return electNext(s, s.suspects);
      case 'leader':
        if (!undecided || !elect || s.recovered) return [s, nothing];
        return electNext(s, s.leader === null || s.leader === s.ctx.id ? s.suspects : s.suspects.with(s.leader));
      case 'reports':
        return s.leading === 'gathering' && undecided ? conclude(s) : [s, nothing];
      case 'preCommitAcks':
        // Skeen: a voter that did not acknowledge has failed; every live one is precommitted.
        return s.leading === 'precommitting' && undecided ? commitAsLeader(s) : [s, nothing];
      default:
        return [s, nothing];
    }
  }

  function receive(s: Voter, from: NodeId, message: Message): Step<Voter> {
    switch (message.type) {
      case 'canCommit':
        if (s.name === 'init') {
          if (s.ctx.vote === 'no') {
            // Nothing to log: a voter that said no may abort alone whenever it comes back.
            const [aborted, out] = settle(s, 'abort', null, false);
            return [aborted, [...out, send(from, { type: 'vote', vote: 'no' })]];
          }
          return [s.named('uncertain'), [cancelTimer('canCommit'), logWrite(voteRecord), setTimer('preCommit', wait), send(from, { type: 'vote', vote: 'yes' })]];
        }
        // A repeated canCommit (a duplicate) gets the same answer again.
        if (s.name === 'uncertain' || s.name === 'precommitted') return [s, [send(from, { type: 'vote', vote: 'yes' })]];
        if (s.name === 'aborted') return [s, [send(from, { type: 'vote', vote: 'no' })]];
        return [s, nothing];
      case 'preCommit': {
        if (s.name !== 'uncertain' && s.name !== 'precommitted') return [s, nothing];
        // From the coordinator: wait for doCommit. From an elected voter: keep following it.
        // A recovered voter keeps asking instead: it never decides by a timeout.
        const waitFor = s.recovered ? setTimer('ask', wait) : from === s.ctx.coordinator ? setTimer('doCommit', wait) : setTimer('leader', leaderWait);
        if (s.name === 'precommitted') return [s, [waitFor, send(from, { type: 'preCommitAck' })]];
        return [s.named('precommitted'), [cancelTimer('preCommit'), logWrite(prepareRecord), waitFor, send(from, { type: 'preCommitAck' })]];
      }
      case 'doCommit':
        if (s.name === 'uncertain' || s.name === 'precommitted') return settle(s, 'commit', from);
        // Decided already (the same way, or, after a split brain, the other way): the ack only
        // says "it arrived, stop resending"; a decision is never taken back.
        return s.name === 'init' ? [s, nothing] : [s, [send(from, { type: 'ack' })]];
      case 'abort':
        if (s.name === 'init' || s.name === 'uncertain' || s.name === 'precommitted') return settle(s, 'abort', from);
        return [s, [send(from, { type: 'ack' })]];
      case 'ask':
        // Someone who was down asks for the outcome: only an outcome is an answer.
        if (s.name === 'committed') return [s, [send(from, { type: 'doCommit' })]];
        if (s.name === 'aborted') return [s, [send(from, { type: 'abort' })]];
        return [s, nothing];
      case 'elect':
        if (!elect) return [s, nothing];
        // Decided already: the one asking only needs the outcome.
        if (s.name === 'committed') return [s, [send(from, { type: 'doCommit' })]];
        if (s.name === 'aborted') return [s, [send(from, { type: 'abort' })]];
        if (s.name === 'init') {
          // It never voted, so no one can have committed: it refuses, which decides for everyone.
          const [aborted, out] = settle(s, 'abort', null);
          return [aborted, [...out, send(from, { type: 'abort' })]];
        }
        // A recovered voter does not lead: it may have missed what the others decided.
        return s.leading === 'no' && !s.recovered ? lead(s) : [s, nothing];
      case 'stateReq':
        if (!elect) return [s, nothing];
        if (s.name === 'init') {
          const [aborted, out] = settle(s, 'abort', null);
          return [aborted, [...out, report(from, 'aborted')]];
        }
        if (s.name === 'committed' || s.name === 'aborted') return [s, [report(from, s.name)]];
        // Two elected voters: the lower id leads on, the higher one steps down and follows.
        if (s.leading !== 'no' && voterIndex(from) > voterIndex(s.ctx.id)) return [s, [report(from, s.name)]];
        return [
          s.following(from, s.suspects),
          [
            cancelTimer('preCommit'), cancelTimer('doCommit'), cancelTimer('reports'), cancelTimer('preCommitAcks'),
            s.recovered ? setTimer('ask', wait) : setTimer('leader', leaderWait), report(from, s.name),
          ],
        ];
      case 'stateReport': {
        if (s.leading !== 'gathering' || s.reported.has(from)) return [s, nothing];
        const reported = s.reported.with(from);
        const gathered = s.leadingWith(s.name, 'gathering', reported, [...s.states, message.state as ReportedState], s.acks);
        return reported.size === s.ctx.voters.length - 1 ? conclude(gathered) : [gathered, nothing];
      }
      case 'preCommitAck': {
        if (s.leading !== 'precommitting' || s.name !== 'precommitted') return [s, nothing];
        const acks = s.acks.with(from);
        const counted = s.leadingWith(s.name, 'precommitting', s.reported, s.states, acks);
        return acks.size === s.ctx.voters.length - 1 ? commitAsLeader(counted) : [counted, nothing];
      }
      default:
        return [s, nothing];
    }
  }

  /** Asks the lowest-id voter not given up on to take over; if that is this voter, it takes over. */
  function electNext(s: Voter, suspects: VoterSet): Step<Voter> {
    const candidate = s.ctx.voters.find((v) => !suspects.has(v) || v === s.ctx.id)!;
    if (candidate === s.ctx.id) return lead(s.following(null, suspects));
    return [s.following(candidate, suspects), [setTimer('leader', leaderWait), send(candidate, { type: 'elect' })]];
  }

  /** Becomes the new coordinator: asks every other voter for its state, its own counted first. */
  function lead(s: Voter): Step<Voter> {
    const none = VoterSet.empty(s.ctx.voters.length);
    const leader = s.leadingWith(s.name, 'gathering', none, [s.name as ReportedState], none);
    const others = s.ctx.voters.filter((v) => v !== s.ctx.id);
    if (others.length === 0) return conclude(leader);
    const out: Output[] = [cancelTimer('preCommit'), cancelTimer('doCommit'), cancelTimer('leader'), setTimer('reports', timeout)];
    for (const v of others) out.push(send(v, { type: 'stateReq' }));
    return [leader, out];
  }

  /** Decides by Skeen's rule on the states gathered (silent voters are taken for failed). */
  function conclude(s: Voter): Step<Voter> {
    const step = skeen(s.states);
    if (step !== 'preCommit') return decideAsLeader(s, step);
    const others = s.ctx.voters.filter((v) => v !== s.ctx.id);
    const precommitting = s.leadingWith('precommitted', 'precommitting', s.reported, s.states, VoterSet.empty(s.ctx.voters.length));
    if (others.length === 0) return commitAsLeader(precommitting);
    const out: Output[] = [cancelTimer('reports')];
    if (s.name === 'uncertain') out.push(logWrite(prepareRecord));
    out.push(setTimer('preCommitAcks', timeout));
    for (const v of others) out.push(send(v, { type: 'preCommit' }));
    return [precommitting, out];
  }

  function commitAsLeader(s: Voter): Step<Voter> {
    return decideAsLeader(s, 'commit');
  }

  function decideAsLeader(s: Voter, decision: Decision): Step<Voter> {
    const [decided, out] = settle(s, decision, null);
    const type = decision === 'commit' ? 'doCommit' : 'abort';
    const sends = s.ctx.voters.filter((v) => v !== s.ctx.id).map((v) => send(v, { type }));
    return [decided, [...out, ...sends]];
  }
}

/** Decides for good: cancels every wait, logs the decision (unless told not to), and acknowledges to `from` if it came from someone. */
function settle(s: Voter, decision: Decision, from: NodeId | null, log = true): Step<Voter> {
  const decided = new Voter(decision === 'commit' ? 'committed' : 'aborted', s.ctx, s.leader, s.suspects, 'no', s.reported, s.states, s.acks, s.recovered);
  const out: Output[] = log ? [...CANCEL_ALL, logWrite({ type: decision }), decide(decision)] : [...CANCEL_ALL, decide(decision)];
  if (from !== null) out.push(send(from, { type: 'ack' }));
  return [decided, out];
}

function report(to: NodeId, state: ReportedState): Output {
  return send(to, { type: 'stateReport', state });
}
