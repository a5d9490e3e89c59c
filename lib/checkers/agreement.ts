// answer-bearing: 03-agreement (the student version ships this file compiled, not as source: lib/exercise/README.md)
import type { Decision, NodeId } from '../protocols/role';
import { printEvent, type TraceEvent } from '../world/trace';
import type { Check, Judged } from './types';

/**
 * Agreement: no node decides commit while another decides abort. Crashed nodes
 * count: a decision, once taken, was visible (DDIA ch. 9, "atomic commit").
 * Reports the first decision that contradicts an earlier one, and the nodes on its side.
 *
 * @example agreement(simulate(catalogEntry('3pc/crash-and-cut').scenario)).ok // false
 */
export function agreement(run: Judged): Check {
  let first: { node: NodeId; decision: Decision } | null = null;
  for (const e of run.trace) {
    if (e.kind !== 'decide') continue;
    if (first === null) first = { node: e.node, decision: e.decision };
    else if (e.decision !== first.decision) {
      const other = e.decision;
      const nodes = deciders(run.trace, other);
      return {
        ok: false,
        nodes,
        event: e,
        why: `${first.node} decided ${first.decision}, then ${printEvent(e)}: ${nodes.join(', ')} decided ${other} against it`,
      };
    }
  }
  return { ok: true, nodes: [], event: null, why: first ? `every decision was ${first.decision}` : 'nobody decided' };
}

function deciders(trace: readonly TraceEvent[], decision: Decision): NodeId[] {
  const nodes: NodeId[] = [];
  for (const e of trace) if (e.kind === 'decide' && e.decision === decision && !nodes.includes(e.node)) nodes.push(e.node);
  return nodes;
}
