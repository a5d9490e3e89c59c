// @ts-nocheck (graded as exercises/02-tally.ts, where ../lib resolves)
// A plausible wrong answer to 02-tally: a majority of yes votes is taken as enough.
// loses: commits when all three voters voted yes, and only then
// loses: aborts when the votes timer expires with a vote missing, and waits before it expires
// loses: holds for one to five voters
// Exercise 02-tally (lesson 02, master and backup; DDIA ch. 9 "Two-Phase Commit"; article fig. 1 and 2).
//
// A master that replicates synchronously may make a write visible only once
// every backup has it: one "no", or one backup that never answers, and the
// write must be undone everywhere. Write the coordinator's decision rule.
// Given the voters, the votes that have arrived so far, and whether the votes
// timer has expired, answer:
//   'commit' - every voter has voted yes;
//   'abort'  - some voter voted no (at once, without waiting for the others),
//              or the timer expired while a vote is still missing;
//   'wait'   - otherwise.
import type { NodeId, Vote } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export type Tally = 'commit' | 'abort' | 'wait';

export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean): Tally {
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.filter((v) => votes[v] === 'yes').length * 2 > voters.length) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
