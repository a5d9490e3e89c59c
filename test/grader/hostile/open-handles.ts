// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Leaves an interval, a pending timer and a server socket open; otherwise honest.
import type { NodeId, Vote } from '../lib';
setInterval(() => undefined, 10);
setTimeout(() => undefined, 1e9);
try { (process as any).getBuiltinModule('net').createServer().listen(0); } catch { /* permission may refuse it */ }
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {

  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
