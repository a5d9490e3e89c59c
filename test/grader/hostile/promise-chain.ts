// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Starves the event loop with a promise that resolves to a promise that resolves to a promise...
// without end. Every link stays alive, so the heap grows while the loop spins: whether the heap
// cap or the wall-clock kill comes first depends on the machine, and both verdicts are honest.
import type { NodeId, Vote } from '../lib';
const spin = (): Promise<void> => Promise.resolve().then(spin);
spin();
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {

  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
