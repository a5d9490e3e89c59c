// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Prints a megabyte at a time without end.
import type { NodeId, Vote } from '../lib';
const mb = 'x'.repeat(1 << 20);
for (;;) { process.stdout.write(mb); console.log(mb); }
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {

  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
