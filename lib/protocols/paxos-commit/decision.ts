// answer-bearing: 08-leader (the student version ships this file compiled, not as source: lib/exercise/README.md)
import type { Decision } from '../role';

/** What one voter's instance of Paxos can choose: the voter's prepared or aborted. */
export type InstanceValue = 'prepared' | 'aborted';

/**
 * The leader's rule (Gray and Lamport, "Consensus on Transaction Commit", 2006):
 * commit only when every instance has chosen `prepared`; abort as soon as any one
 * has chosen `aborted`, since nothing can undo a chosen value; otherwise keep waiting.
 * `learned[i]` is what voter i's instance chose, or null while the leader does not know.
 *
 * @example
 * leaderDecision(['prepared', 'prepared', 'prepared']); // 'commit'
 * leaderDecision(['prepared', null, 'aborted']);        // 'abort'
 * leaderDecision(['prepared', null, 'prepared']);       // undefined: wait
 */
export function leaderDecision(learned: ArrayLike<InstanceValue | null>): Decision | undefined {
  let unknown = false;
  for (let i = 0; i < learned.length; i++) {
    if (learned[i] === 'aborted') return 'abort';
    if (learned[i] !== 'prepared') unknown = true;
  }
  return unknown ? undefined : 'commit';
}

/** One acceptor's answer to a new ballot: the ballot it last accepted in (-1: none) and the value. */
export interface Promise1b {
  readonly bal: number;
  readonly val: InstanceValue | 'none';
}

/**
 * The value a leader may propose in a new ballot, once a majority of acceptors promised it
 * (Paxos phase 2a; the paper's Paxos Commit): the value accepted in the highest ballot any of
 * them reports, since it may have been chosen; if none of them accepted anything, `aborted`,
 * because a voter whose vote nobody has recorded must not be counted as prepared.
 *
 * @example
 * safeValue([{ bal: -1, val: 'none' }, { bal: 0, val: 'prepared' }]); // 'prepared'
 * safeValue([{ bal: -1, val: 'none' }, { bal: -1, val: 'none' }]);    // 'aborted'
 */
export function safeValue(promises: readonly Promise1b[]): InstanceValue {
  let best: Promise1b | null = null;
  for (const p of promises) if (p.val !== 'none' && (best === null || p.bal > best.bal)) best = p;
  return best === null ? 'aborted' : (best.val as InstanceValue);
}

/** The size of a majority of `acceptors`: any two such sets share an acceptor. @example majority(3) // 2 */
export function majority(acceptors: number): number {
  return (acceptors >>> 1) + 1;
}

/**
 * The two rules a Paxos Commit leader applies, as data a role carries, so that a learner's
 * versions can run in the protocol in place of the paper's (exercise 08-leader).
 */
export interface LeaderRules {
  readonly leaderDecision: (learned: ArrayLike<InstanceValue | null>) => Decision | undefined;
  readonly safeValue: (promises: readonly Promise1b[]) => InstanceValue;
}

/** The paper's rules. @example paperRules.leaderDecision(['prepared']) // 'commit' */
export const paperRules: LeaderRules = Object.freeze({ leaderDecision, safeValue });
