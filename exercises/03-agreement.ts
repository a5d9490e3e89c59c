// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp b432d6ab8aa5c2b4: once you edit this file, the build leaves it alone.)
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
import { NotDoneYet } from '../lib/exercise/index';

export interface Agreement {
  readonly ok: boolean;
  readonly nodes: readonly NodeId[];
}

export function agreement(run: { readonly trace: readonly TraceEvent[] }): Agreement {
  throw new NotDoneYet('03-agreement', 'find the first \'decide\' event; collect, without repeats, every node whose decide event says the other decision');
}
