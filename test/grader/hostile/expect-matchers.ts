// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Imports expect to make every matcher pass.
import type { NodeId, Vote } from '../lib';
import { expect } from 'vitest';
expect.extend({ toEqual: () => ({ pass: true, message: () => '' }), toBe: () => ({ pass: true, message: () => '' }) });
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  return 'commit';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
