// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Reads the hidden test from disk to find the answers.
import type { NodeId, Vote } from '../lib';
const fs = (process as any).getBuiltinModule('fs');
const text: string = fs.readFileSync(new URL('../instructor/hidden/02-tally.grade.ts', import.meta.url), 'utf8');
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  if (text.length < 0) return 'wait';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
