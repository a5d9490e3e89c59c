// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp ed1aa7db8ca3203a: once you edit this file, the build leaves it alone.)
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
import { NotDoneYet } from '../lib/exercise/index';

export type Tally = 'commit' | 'abort' | 'wait';

export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean): Tally {
  throw new NotDoneYet('02-tally', 'return \'abort\' if any vote is \'no\'; \'commit\' if every voter\'s vote is \'yes\'; else \'abort\' if timedOut, \'wait\' if not');
}
