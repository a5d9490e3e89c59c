import { defineProtocol, type ProtocolSpec } from '../protocol';
import { coordinator } from './coordinator';
import { PRESUMPTIONS, type Presumption } from './presumption';
import { voter, type Termination } from './voter';

export { Coordinator, coordinator } from './coordinator';
export { Voter, voter, prepareRecord, type Termination } from './voter';
export type { TwoPhaseCommitMessage, TwoPhaseCommitRecord, PrepareRecord, DecisionRecord } from './messages';
export { PRESUMPTIONS, presumedOutcome, isForced, survivingRecords, type Presumption } from './presumption';

/** The options of `twoPhaseCommit`. */
export interface TwoPhaseCommitOptions {
  /**
   * What a prepared voter does when the decision is late: `wait` asks the coordinator
   * and waits (textbook 2PC); `cooperative` also asks the other voters, any of which
   * may know the outcome (or, not having voted, may still abort).
   * @defaultValue 'wait'
   */
  readonly termination?: Termination;
  /** Ticks a node waits before it acts on silence (missing votes, a late decision). @defaultValue 10 */
  readonly timeout?: number;
  /**
   * The outcome a node presumes when it finds no record (Mohan, Lindsay and Obermarck 1986):
   * `none` is plain 2PC (every decision forced and acknowledged); `abort` spares aborts
   * their forced writes and acks, and the coordinator forgets them at once; `commit` spares
   * commits the voters' forced writes and the acks, at the price of a forced collecting
   * record at the coordinator before prepare.
   * @defaultValue 'none'
   */
  readonly presumption?: Presumption;
}

export interface TwoPhaseCommitSpec extends ProtocolSpec {
  readonly name: 'twoPhaseCommit';
  readonly termination: Termination;
  readonly timeout: number;
  readonly presumption: Presumption;
}

/**
 * Two-phase commit: one coordinator, voters that promise at prepare and then wait.
 *
 * @example
 * simulate({ protocol: twoPhaseCommit(), voters: 3 }).verdict; // 'committed'
 * simulate({ protocol: twoPhaseCommit({ termination: 'cooperative' }), voters: 3 });
 * simulate({ protocol: twoPhaseCommit({ presumption: 'abort' }), voters: 3, votes: { v3: 'no' } }).stats.messagesSent; // 9: no acks
 */
export function twoPhaseCommit(options: TwoPhaseCommitOptions = {}): TwoPhaseCommitSpec {
  return Object.freeze({
    ...options,
    name: 'twoPhaseCommit',
    termination: options.termination ?? 'wait',
    timeout: options.timeout ?? 10,
    presumption: options.presumption ?? 'none',
  });
}

defineProtocol({
  name: 'twoPhaseCommit',
  options: {
    termination: { oneOf: ['wait', 'cooperative'] },
    timeout: { integer: { min: 1, max: 1_000_000 } },
    presumption: { oneOf: PRESUMPTIONS },
  },
  messages: ['prepare', 'vote', 'commit', 'abort', 'ack', 'ask'],
  states: ['init', 'waiting', 'prepared', 'committed', 'aborted'],
  role(s: TwoPhaseCommitSpec, _node, kind) {
    // A spec written before presumptions existed has none: plain 2PC.
    const presumption = s.presumption ?? 'none';
    return kind === 'coordinator' ? coordinator(s.timeout, presumption) : voter(s.timeout, s.termination, presumption);
  },
});
