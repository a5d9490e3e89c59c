// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Adds toJSON to Object.prototype so that every answer serializes alike.
import type { NodeId, Vote } from '../lib';
Object.defineProperty(Object.prototype, 'toJSON', { value() { return 'commit'; }, configurable: true });
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  return 'commit';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
