// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 473729582a7cdeb0: once you edit this file, the build leaves it alone.)
// Warm-up 02-tally, 4 points, +1 hidden (lesson 02, master and backup; DDIA ch. 9 "Two-Phase Commit"; article fig. 1 and 2).
//
// A master that replicates synchronously may make a write visible only when the write is
// safe everywhere. Write the coordinator's decision rule: given the voters, the votes that
// have arrived so far, and whether the votes timer has expired, answer 'commit', 'abort' or
// 'wait'.
//
// Questions to answer first: what does one backup's answer tell the master, on its own,
// before the others arrive? What would committing without some backup's answer risk? What
// does the expired timer change, and what can it never change? Rerun lesson 02's exercise
// cell ("both yes", "backup says no", "backup silent") and check each line against your
// answers.
import type { NodeId, Vote } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export type Tally = 'commit' | 'abort' | 'wait';

export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean): Tally {
  throw new NotDoneYet('02-tally', 'for each answer you return, name the vote (or the missing vote) that justifies it; lesson 02\'s exercise cell lists the cases');
}
