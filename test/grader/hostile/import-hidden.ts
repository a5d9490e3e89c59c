// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Imports the hidden test module itself.
import type { NodeId, Vote } from '../lib';
import * as hiddenTests from '../instructor/hidden/02-tally.grade';
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  if (!hiddenTests) return 'wait';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
