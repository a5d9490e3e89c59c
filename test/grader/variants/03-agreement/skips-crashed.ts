// @ts-nocheck (graded as exercises/03-agreement.ts, where ../lib resolves)
// A plausible wrong answer to 03-agreement: a node that crashes after deciding is not counted.
// loses: counts a crashed node's decision: it was taken, and may have been seen
// loses: agrees with the rule on 200 random traces
// Exercise 03-agreement (lesson 03, 2PC; DDIA ch. 9 "atomic commit": all nodes agree on the outcome).
//
// Write the agreement checker. It reads a run's trace (the events of `run.trace`)
// and says whether every `decide` event agrees with the first one. A node that
// crashed still counts: its decision was taken, and may have been seen.
// Return { ok: true, nodes: [] } if all decisions agree (or nobody decided);
// otherwise { ok: false, nodes } where `nodes` lists, in the order they first
// decided, every node that decided against the first decision.
// Try it in lesson 03's notebook on the catalog's runs: agreement(simulate(catalogEntry('2pc/happy').scenario)).
import type { NodeId, TraceEvent } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export interface Agreement {
  readonly ok: boolean;
  readonly nodes: readonly NodeId[];
}

export function agreement(run: { readonly trace: readonly TraceEvent[] }): Agreement {
  let first: string | null = null;
  const against: NodeId[] = [];
  const crashed = new Set(run.trace.filter((e) => e.kind === 'crash').map((e) => e.node));
  for (const e of run.trace) {
    if (e.kind !== 'decide' || crashed.has(e.node)) continue;
    if (first === null) first = e.decision;
    else if (e.decision !== first && !against.includes(e.node)) against.push(e.node);
  }
  return { ok: against.length === 0, nodes: against };
}
