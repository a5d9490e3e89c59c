// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp c4192cb5ff991a87: once you edit this file, the build leaves it alone.)
// Warm-up 03-agreement, 4 points, +1 hidden (lesson 03, 2PC; DDIA ch. 9 "atomic commit": all nodes agree on the outcome).
//
// Write the agreement checker. It reads a run's trace (the events of `run.trace`) and says
// whether every `decide` event agrees with the first one. Return { ok, nodes }: `ok` false
// when some decision disagrees, and `nodes` the nodes that decided against the first
// decision, each once, in the order they first did.
//
// Questions to answer first: a node that decided and then crashed, did its decision happen?
// Could a client have seen it? A node that decides twice the same way, how many times does
// it count? Lesson 03's exercise cell prints your checker next to the kit's on two catalog
// runs; try it on catalogEntry('3pc/crash-and-cut') too.
import type { NodeId, TraceEvent } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export interface Agreement {
  readonly ok: boolean;
  readonly nodes: readonly NodeId[];
}

export function agreement(run: { readonly trace: readonly TraceEvent[] }): Agreement {
  throw new NotDoneYet('03-agreement', 'walk the trace once; which events matter, and what must you remember from the first of them?');
}
