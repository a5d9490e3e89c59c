// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Registers an afterEach hook that marks every test passed.
import type { NodeId, Vote } from '../lib';
import { afterEach } from 'vitest';
afterEach((ctx) => { ctx.task.result = { state: 'pass' }; });
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  return 'commit';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
