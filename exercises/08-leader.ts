// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 79bc87aa2d528262: once you edit this file, the build leaves it alone.)
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
import { NotDoneYet } from '../lib/exercise/index';

export type InstanceValue = 'prepared' | 'aborted';

export interface Promise1b {
  readonly bal: number;
  readonly val: InstanceValue | 'none';
}

export function leaderDecision(learned: readonly (InstanceValue | null)[]): 'commit' | 'abort' | 'wait' {
  throw new NotDoneYet('08-leader', '\'abort\' if any instance chose \'aborted\'; else \'wait\' if any is still null; else \'commit\'');
}

export function safeValue(promises: readonly Promise1b[]): InstanceValue {
  throw new NotDoneYet('08-leader', 'keep the promise with the highest bal among those whose val is not \'none\'; no such promise means \'aborted\'');
}
