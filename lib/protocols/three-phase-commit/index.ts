import { defineProtocol, type ProtocolSpec } from '../protocol';
import { coordinator, type PreCommitAckTimeout } from './coordinator';
import { voter, type Termination } from './voter';

export { Coordinator, coordinator, type PreCommitAckTimeout } from './coordinator';
export { Voter, voter, prepareRecord, type Termination, type Leading } from './voter';
export type { ThreePhaseCommitMessage, ThreePhaseCommitRecord } from './messages';
export { skeen, type ReportedState, type TerminationStep } from './skeen';

/** The options of `threePhaseCommit`. */
export interface ThreePhaseCommitOptions {
  /**
   * What the coordinator does when a preCommitAck is still missing at its timeout:
   * `abort` (the lecture's rule) or `commit` (Skeen's: the silent voter has failed).
   * @defaultValue 'abort'
   */
  readonly preCommitAckTimeout?: PreCommitAckTimeout;
  /**
   * What a voter does when the coordinator falls silent: `timeouts` (the lecture:
   * uncertain -> abort, precommitted -> commit) or `elect` (the article's termination
   * protocol: elect the lowest-id voter that answers, which gathers states and decides).
   * @defaultValue 'timeouts'
   */
  readonly termination?: Termination;
  /**
   * Ticks the coordinator waits for votes and for preCommitAcks, and an elected voter
   * for states and acks. Voters wait `2 * timeout` for the coordinator and
   * `3 * timeout` for an elected voter.
   * @defaultValue 10
   */
  readonly timeout?: number;
}

export interface ThreePhaseCommitSpec extends ProtocolSpec {
  readonly name: 'threePhaseCommit';
  readonly preCommitAckTimeout: PreCommitAckTimeout;
  readonly termination: Termination;
  readonly timeout: number;
}

/**
 * Three-phase commit: canCommit, preCommit, doCommit; a voter that hears nothing
 * more decides by the lecture's timeouts or by electing a new coordinator.
 *
 * @example
 * simulate({ protocol: threePhaseCommit(), voters: 3 }).verdict; // 'committed'
 * simulate({ protocol: threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'commit' }), voters: 3 });
 */
export function threePhaseCommit(options: ThreePhaseCommitOptions = {}): ThreePhaseCommitSpec {
  return Object.freeze({
    ...options,
    name: 'threePhaseCommit',
    preCommitAckTimeout: options.preCommitAckTimeout ?? 'abort',
    termination: options.termination ?? 'timeouts',
    timeout: options.timeout ?? 10,
  });
}

defineProtocol({
  name: 'threePhaseCommit',
  options: {
    preCommitAckTimeout: { oneOf: ['abort', 'commit'] },
    termination: { oneOf: ['timeouts', 'elect'] },
    timeout: { integer: { min: 1, max: 1_000_000 } },
  },
  messages: ['canCommit', 'vote', 'preCommit', 'preCommitAck', 'doCommit', 'abort', 'ack', 'elect', 'stateReq', 'stateReport', 'ask'],
  states: ['init', 'waiting', 'uncertain', 'precommitted', 'committed', 'aborted'],
  role(s: ThreePhaseCommitSpec, _node, kind) {
    return kind === 'coordinator' ? coordinator(s.timeout, s.preCommitAckTimeout) : voter(s.timeout, s.termination);
  },
});
