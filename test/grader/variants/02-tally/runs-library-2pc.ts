// @ts-nocheck (graded as exercises/02-tally.ts, where ../lib resolves)
// A delegating answer to 02-tally: it runs the library's 2PC and reads the coordinator's verdict.
// loses: commits when all three voters voted yes, and only then
// loses: aborts on the first no, without waiting for the other votes
// loses: aborts when the votes timer expires with a vote missing, and waits before it expires
// loses: holds for one to five voters
import { simulate, twoPhaseCommit, crash, at } from '../lib/index';

export function tally(voters, votes, timedOut) {
  const missing = voters.filter((v) => !(v in votes));
  const run = simulate({ protocol: twoPhaseCommit(), voters: voters.length, votes, faults: missing.map((v) => crash(v, at(0))) });
  if (run.decisions.coordinator === 'commit') return 'commit';
  return Object.values(votes).includes('no') || timedOut ? 'abort' : 'wait';
}
