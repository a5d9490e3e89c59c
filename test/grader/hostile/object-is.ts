// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Rewrites Object.is to say everything is equal, and answers wrong.
import type { NodeId, Vote } from '../lib';
Object.is = () => true;
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  return 'commit';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
