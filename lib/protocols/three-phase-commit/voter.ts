// answer-bearing: 05-voter (the student version ships this file compiled, not as source: lib/exercise/README.md)
import { cancelTimer, nothing, setTimer, type Input, type NodeId, type Output, type Role, type Step } from '../role';
import { logWrite, send, type ThreePhaseCommitMessage, type ThreePhaseCommitRecord } from './messages';
import { VoterSet, voterIndex } from '../voter-set';
import { election } from './termination';
import { prepareRecord, report, settle, Voter, voteRecord } from './voter-state';

export { Voter, prepareRecord, voteRecord, type Leading, type VoterStateName } from './voter-state';

/**
 * What a voter does when the coordinator falls silent:
 * `timeouts` (the lecture) decides alone from its own state, uncertain -> abort and
 * precommitted -> commit; `elect` (the article, after Skeen) elects a new
 * coordinator among the voters, which gathers their states and decides.
 */
export type Termination = 'timeouts' | 'elect';

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
export function voter(timeout: number, termination: Termination): Role<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
  const wait = 2 * timeout;
  const leaderWait = 3 * timeout;
  const elect = termination === 'elect';
  const terminate = election(timeout);

  return {
    init: (ctx) => {
      const none = VoterSet.empty(ctx.voters.length);
      return new Voter('init', ctx, null, none, 'no', none, [], none, false);
    },
    stateName: (s) => s.name,
    step(s, input: Input<ThreePhaseCommitMessage, ThreePhaseCommitRecord>): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
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
  function ask(s: Voter): Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord>[] {
    const out: Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord>[] = [setTimer('ask', wait), send(s.ctx.coordinator, { type: 'ask' })];
    for (const v of s.ctx.voters) if (v !== s.ctx.id) out.push(send(v, { type: 'ask' }));
    return out;
  }

  function timedOut(s: Voter, timer: string): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
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
        return terminate.next(s, s.suspects);
      case 'leader':
        if (!undecided || !elect || s.recovered) return [s, nothing];
        return terminate.next(s, s.leader === null || s.leader === s.ctx.id ? s.suspects : s.suspects.with(s.leader));
      case 'reports':
        return s.leading === 'gathering' && undecided ? terminate.conclude(s) : [s, nothing];
      case 'preCommitAcks':
        // Skeen: a voter that did not acknowledge has failed; every live one is precommitted.
        return s.leading === 'precommitting' && undecided ? terminate.commit(s) : [s, nothing];
      default:
        return [s, nothing];
    }
  }

  function receive(s: Voter, from: NodeId, message: ThreePhaseCommitMessage): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
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
        return s.leading === 'no' && !s.recovered ? terminate.lead(s) : [s, nothing];
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
      case 'stateReport':
        return terminate.reported(s, from, message.state);
      case 'preCommitAck':
        return terminate.acknowledged(s, from);
      default:
        return [s, nothing];
    }
  }
}

