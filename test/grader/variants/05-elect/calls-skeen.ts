// @ts-nocheck (graded as exercises/05-elect.ts, where ../lib resolves)
// A delegating answer to 05-elect: it asks the library's Skeen rule.
// loses: decides for one reachable voter in each state it may be in
// loses: decides for every reachable combination of three voters
// loses: decides for every reachable combination of two, four and five voters
import { skeen, type Decision } from '../lib/index';

export function electDecision(states: readonly string[]): Decision {
  const step = skeen(states.map((state, i) => ({ node: `v${i + 1}`, state })) as never) as { decision?: Decision };
  return step.decision ?? 'abort';
}
