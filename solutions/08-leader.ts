// Warm-up 08-leader, 6 points, +1 hidden (lesson 08, Paxos Commit; Gray and Lamport, "Consensus on Transaction Commit", 2006).
//
// In Paxos Commit each voter's vote is chosen by its own instance of Paxos among the
// acceptors, and a leader (the coordinator, or a voter standing in for it) decides from
// what those instances chose. Write the leader's two rules.
//
// 1. leaderDecision: `learned[i]` is what voter i's instance chose, 'prepared' or
//    'aborted', or null while the leader has not learned it. Return 'commit', 'abort' or 'wait'.
//    Ask: once an instance has chosen, can its value change? How much must the leader know
//    before each answer is safe?
//
// 2. safeValue: a leader that takes over starts a higher ballot for an open instance and
//    gathers promises from a majority of acceptors. Each promise says the ballot in which
//    that acceptor last accepted a value (`bal`, -1 if never) and the value (`val`, 'none'
//    if never). Return the one value the new ballot may propose. Ask: which reported value
//    may already be chosen, and why could an older one not be? If nobody reports a value,
//    what may a leader assume about a voter it never heard from?
//
// Lesson 08's exercise cells run your rules and lead Paxos Commit through a coordinator crash.
import { NotDoneYet } from '../lib/index';

export type InstanceValue = 'prepared' | 'aborted';

export interface Promise1b {
  readonly bal: number;
  readonly val: InstanceValue | 'none';
}

export function leaderDecision(learned: readonly (InstanceValue | null)[]): 'commit' | 'abort' | 'wait' {
  // BEGIN SOLUTION
  // HINT: which instance values, once learned, settle the outcome, and which leave it open?
  if (learned.some((v) => v === 'aborted')) return 'abort';
  return learned.every((v) => v === 'prepared') ? 'commit' : 'wait';
  // END SOLUTION
}

export function safeValue(promises: readonly Promise1b[]): InstanceValue {
  // BEGIN SOLUTION
  // HINT: of the reported values, which one might a majority already have chosen? and with no value reported, what may you assume about the voter?
  let best: Promise1b | null = null;
  for (const p of promises) if (p.val !== 'none' && (best === null || p.bal > best.bal)) best = p;
  return best === null ? 'aborted' : (best.val as InstanceValue);
  // END SOLUTION
}
