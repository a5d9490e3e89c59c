import { defineProtocol, type ProtocolSpec } from '../protocol';
import { coordinator } from './coordinator';
import { voter, type Termination } from './voter';

export { Coordinator, coordinator } from './coordinator';
export { Voter, voter, prepareRecord, type Termination } from './voter';

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
}

export interface TwoPhaseCommitSpec extends ProtocolSpec {
  readonly name: 'twoPhaseCommit';
  readonly termination: Termination;
  readonly timeout: number;
}

/**
 * Two-phase commit: one coordinator, voters that promise at prepare and then wait.
 *
 * @example
 * simulate({ protocol: twoPhaseCommit(), voters: 3 }).verdict; // 'committed'
 * simulate({ protocol: twoPhaseCommit({ termination: 'cooperative' }), voters: 3 });
 */
export function twoPhaseCommit(options: TwoPhaseCommitOptions = {}): TwoPhaseCommitSpec {
  return Object.freeze({ ...options, name: 'twoPhaseCommit', termination: options.termination ?? 'wait', timeout: options.timeout ?? 10 });
}

defineProtocol({
  name: 'twoPhaseCommit',
  options: { termination: { oneOf: ['wait', 'cooperative'] }, timeout: { integer: { min: 1, max: 1_000_000 } } },
  messages: ['prepare', 'vote', 'commit', 'abort', 'ack', 'ask'],
  states: ['init', 'waiting', 'prepared', 'committed', 'aborted'],
  role(spec, _node, kind) {
    const s = spec as TwoPhaseCommitSpec;
    return kind === 'coordinator' ? coordinator(s.timeout) : voter(s.timeout, s.termination);
  },
});
