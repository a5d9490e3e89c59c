// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Registers tests under the hidden tests names, with a dynamic import of vitest.
import type { NodeId, Vote } from '../lib';
import('vitest').then(({ it }) => { it('holds for one to five voters', () => undefined); }).catch(() => undefined);
globalThis.it?.('holds for one to five voters', () => undefined);
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  return 'commit';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
