// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Imports the hidden test as text with ?raw.
import type { NodeId, Vote } from '../lib';
import text from '../instructor/hidden/02-tally.grade.ts?raw';
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  if (String(text).length < 0) return 'wait';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
