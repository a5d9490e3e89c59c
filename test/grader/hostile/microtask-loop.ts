// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Starves the event loop with microtasks that never stop, so no timer can fire. Each callback
// queues the next and returns nothing: no promise chain builds up, so memory stays flat and the
// only way out is the grader's wall-clock kill (promise-chain.ts grows memory instead).
import type { NodeId, Vote } from '../lib';
const spin = (): void => queueMicrotask(spin);
spin();
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {

  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
