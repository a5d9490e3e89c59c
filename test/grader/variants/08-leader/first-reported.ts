// @ts-nocheck (graded as exercises/08-leader.ts, where ../lib resolves)
// A plausible wrong answer to 08-leader: the first value reported is proposed, not the one of the highest ballot.
// loses: proposes the one value a new ballot may propose, from the promises of any majority of three acceptors
// loses: decides for four and five instances, and proposes safely from three promises with ballots up to 3
// The leader keeps only the highest-ballot report per instance, so in the simulation this mistake never shows: only the tables catch it.
// Exercise 08-leader (lesson 08, Paxos Commit; Gray and Lamport, "Consensus on Transaction Commit", 2006).
//
// In Paxos Commit each voter's vote is chosen by its own instance of Paxos among the
// acceptors, and a leader (the coordinator, or a voter standing in for it) decides from
// what those instances chose. Write the leader's two rules.
//
// 1. leaderDecision: `learned[i]` is what voter i's instance chose, 'prepared' or
//    'aborted', or null while the leader has not learned it. Return 'commit' once every
//    instance chose 'prepared', 'abort' as soon as any one chose 'aborted' (a chosen
//    value never changes, so there is no point waiting for the rest), and 'wait' otherwise.
//
// 2. safeValue: a leader that takes over starts a higher ballot for an open instance and
//    gathers promises from a majority of acceptors. Each promise says the ballot in which
//    that acceptor last accepted a value (`bal`, -1 if never) and the value (`val`, 'none'
//    if never). Return the one value the new ballot may propose: the value accepted in the
//    highest ballot reported, since that value may already be chosen; and 'aborted' if no
//    acceptor reports any, since nobody may count a voter as prepared without its vote.
import { NotDoneYet } from '../lib/index';

export type InstanceValue = 'prepared' | 'aborted';

export interface Promise1b {
  readonly bal: number;
  readonly val: InstanceValue | 'none';
}

export function leaderDecision(learned: readonly (InstanceValue | null)[]): 'commit' | 'abort' | 'wait' {
  if (learned.some((v) => v === 'aborted')) return 'abort';
  return learned.every((v) => v === 'prepared') ? 'commit' : 'wait';
}

export function safeValue(promises: readonly Promise1b[]): InstanceValue {
  let best: Promise1b | null = null;
  for (const p of promises) if (p.val !== 'none' && best === null) best = p;
  return best === null ? 'aborted' : (best.val as InstanceValue);
}
