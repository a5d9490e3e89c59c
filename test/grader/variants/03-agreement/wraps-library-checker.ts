// @ts-nocheck (graded as exercises/03-agreement.ts, where ../lib resolves)
// A delegating answer to 03-agreement: it wraps the library's agreement checker.
// loses: finds every 2PC run of the catalog in agreement (2PC never disagrees: it blocks instead)
// loses: finds the disagreement in hand-made traces and names every node against the first decision
// loses: counts a crashed node's decision: it was taken, and may have been seen
// loses: agrees with the rule on 200 random traces
import { agreement as libraryAgreement, type TraceEvent } from '../lib/index';

export function agreement(run: { readonly trace: readonly TraceEvent[] }) {
  const { ok, nodes } = libraryAgreement({ trace: run.trace, voters: [] });
  return { ok, nodes };
}
