// answer-bearing: 04-voter 04-voter-recovery 04-cooperative (the student version ships this file compiled, not as source: lib/exercise/README.md)
import {
  cancelTimer, decide, nothing, setTimer,
  type Decision, type Input, type NodeContext, type NodeId, type Output, type Role, type Step,
} from '../role';
import { logWrite, send, type PrepareRecord, type TwoPhaseCommitMessage, type TwoPhaseCommitRecord } from './messages';
import { decisionRecord, mustForceAndAck, survivingRecords, type Presumption } from './presumption';

export type VoterStateName = 'init' | 'prepared' | 'committed' | 'aborted';

/** How a prepared voter that hears nothing finds out: ask the coordinator, or everyone. */
export type Termination = 'wait' | 'cooperative';

/** The 2PC voter's state: only its name changes; what it knows of the world rides along. */
export class Voter {
  constructor(readonly name: VoterStateName, readonly ctx: NodeContext) {}
}

/** The prepare record: enough to redo the transaction's writes after a crash, or to undo them. */
export const prepareRecord: PrepareRecord = { type: 'prepare', tx: 'T1', redo: 'apply the writes of T1', undo: 'restore the values T1 overwrote' };

/**
 * The 2PC voter (article fig. 1 and 2; the lecture; DDIA ch. 9).
 *
 * On `prepare` it votes. A yes is a promise: the prepare record goes to the log
 * first, and from then on the voter may neither commit nor abort on its own:
 * it is prepared, and waits for the decision. A voter that never hears `prepare`
 * may abort alone, because it has promised nothing.
 *
 * Under a presumption (Mohan et al. 1986, §3 and §4) the presumed outcome is logged lazily and not
 * acknowledged: presumed abort spares the voter a forced write and an ack for every
 * abort, presumed commit for every commit. The prepare record is forced in every variant:
 * it is the promise.
 */
export function voter(timeout: number, termination: Termination, presumption: Presumption = 'none'): Role<Voter, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
  const ask = (s: Voter): Output<TwoPhaseCommitMessage, TwoPhaseCommitRecord>[] => {
    const out: Output<TwoPhaseCommitMessage, TwoPhaseCommitRecord>[] = [setTimer('ask', timeout), send(s.ctx.coordinator, { type: 'ask' })];
    if (termination === 'cooperative') for (const v of s.ctx.voters) if (v !== s.ctx.id) out.push(send(v, { type: 'ask' }));
    return out;
  };

  return {
    init: (ctx) => new Voter('init', ctx),
    stateName: (s) => s.name,
    step(s, input: Input<TwoPhaseCommitMessage, TwoPhaseCommitRecord>): Step<Voter, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
      switch (input.kind) {
        case 'start':
          return [s, [setTimer('prepare', 2 * timeout)]];
        case 'receive':
          return receive(s, input.from, input.message);
        case 'timeout':
          if (input.timer === 'prepare' && s.name === 'init') return abortAlone(s);
          if (input.timer === 'ask' && s.name === 'prepared') return [s, ask(s)];
          return [s, nothing];
        case 'recover': {
          // A lazy decision record may have died in the buffer; then the voter is prepared
          // again and asks, and the coordinator's answer (its record or its presumption) is the same.
          const log = survivingRecords(input.log);
          const last = log[log.length - 1];
          if (!last) return abortAlone(s); // it never voted yes, so it may still abort
          if (last.type === 'commit') return [new Voter('committed', s.ctx), nothing];
          if (last.type === 'abort') return [new Voter('aborted', s.ctx), nothing];
          // Prepared: the promise holds across the crash; only the outcome can release it.
          const prepared = new Voter('prepared', s.ctx);
          return [prepared, ask(prepared)];
        }
      }
    },
  };

  function receive(s: Voter, from: NodeId, message: TwoPhaseCommitMessage): Step<Voter, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
    switch (message.type) {
      case 'prepare':
        if (s.name === 'init') {
          if (s.ctx.vote === 'no') {
            return [new Voter('aborted', s.ctx), [cancelTimer('prepare'), abortRecord(), decide('abort'), send(from, { type: 'vote', vote: 'no' })]];
          }
          return [
            new Voter('prepared', s.ctx),
            [cancelTimer('prepare'), logWrite(prepareRecord), setTimer('ask', timeout), send(from, { type: 'vote', vote: 'yes' })],
          ];
        }
        // A repeated prepare (a duplicate, or a retry) gets the same answer again.
        if (s.name === 'prepared') return [s, [send(from, { type: 'vote', vote: 'yes' })]];
        if (s.name === 'aborted') return [s, [send(from, { type: 'vote', vote: 'no' })]];
        return [s, nothing];
      case 'commit':
        if (s.name === 'prepared') return settle(s, 'commit', from);
        return s.name === 'committed' && mustForceAndAck(presumption, 'commit') ? [s, [send(from, { type: 'ack' })]] : [s, nothing];
      case 'abort':
        if (s.name === 'prepared' || s.name === 'init') return settle(s, 'abort', from);
        return s.name === 'aborted' && mustForceAndAck(presumption, 'abort') ? [s, [send(from, { type: 'ack' })]] : [s, nothing];
      case 'ask':
        // A peer in doubt (cooperative termination): tell it what we know, if we know.
        if (s.name === 'committed') return [s, [send(from, { type: 'commit' })]];
        if (s.name === 'aborted') return [s, [send(from, { type: 'abort' })]];
        if (s.name === 'init') {
          // Not having voted, we can still refuse, which settles the peer's doubt too.
          const [aborted, out] = abortAlone(s);
          return [aborted, [...out, send(from, { type: 'abort' })]];
        }
        return [s, nothing];
      default:
        return [s, nothing];
    }
  }

  function settle(s: Voter, decision: Decision, from: NodeId): Step<Voter, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
    const next = new Voter(decision === 'commit' ? 'committed' : 'aborted', s.ctx);
    const out: Output<TwoPhaseCommitMessage, TwoPhaseCommitRecord>[] = [cancelTimer('prepare'), cancelTimer('ask'), logWrite(decisionRecord(decision, mustForceAndAck(presumption, decision))), decide(decision)];
    if (mustForceAndAck(presumption, decision)) out.push(send(from, { type: 'ack' }));
    return [next, out];
  }

  /** An abort record: lazy under presumed abort, forced otherwise (as plain 2PC writes it). */
  function abortRecord(): Output<TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
    return logWrite(decisionRecord('abort', mustForceAndAck(presumption, 'abort')));
  }

  function abortAlone(s: Voter): Step<Voter, TwoPhaseCommitMessage, TwoPhaseCommitRecord> {
    return [new Voter('aborted', s.ctx), [cancelTimer('prepare'), abortRecord(), decide('abort')]];
  }
}
