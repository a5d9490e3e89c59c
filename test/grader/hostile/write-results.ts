// @ts-nocheck (a hostile submission for exercise 02-tally; graded as exercises/02-tally.ts)
// Writes a forged grade/results.json with full marks.
import type { NodeId, Vote } from '../lib';
const fs = (process as any).getBuiltinModule('fs');
for (const path of [process.env.GRADER_REPORT, new URL('../../grade/results.json', import.meta.url)]) {
  try { fs.writeFileSync(path, JSON.stringify({ score: 1000, tests: [] })); } catch { /* denied */ }
}
try { fs.appendFileSync(process.env.GRADER_REPORT, JSON.stringify({ kind: 'test', file: 'x', name: 'holds for one to five voters', state: 'passed', errors: [], meta: { observed: '[]' } }) + '\n'); } catch { /* denied */ }
export function tally(voters: readonly NodeId[], votes: Readonly<Record<NodeId, Vote>>, timedOut: boolean) {
  return 'commit';
  if (voters.some((v) => votes[v] === 'no')) return 'abort';
  if (voters.every((v) => votes[v] === 'yes')) return 'commit';
  return timedOut ? 'abort' : 'wait';
}
