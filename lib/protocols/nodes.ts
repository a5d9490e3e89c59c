import type { ProtocolDefinition, ProtocolSpec } from './protocol';
import type { NodeContext, NodeId, Vote } from './role';

/** The node ids of a run: the coordinator and voters `v1`..`vN` and the protocol's others, or its own nodes. */
export interface RunNodes {
  readonly voters: NodeId[];
  readonly others: NodeId[];
  /** Every node, in the order they start. */
  readonly all: NodeId[];
}

/** One node of a run: its id, the kind of role it plays, and the context its role is built with. */
export interface RunNode {
  readonly id: NodeId;
  readonly kind: 'coordinator' | 'voter' | 'other';
  readonly ctx: NodeContext;
}

/** The nodes of a run of `spec` with `size` voters (or, for a protocol with nodes of its own, clients). */
export function nodesOf(definition: ProtocolDefinition, spec: ProtocolSpec, size: number): RunNodes {
  if (definition.ownNodes) {
    const own = [...definition.ownNodes.nodes(spec, size)];
    return { voters: [], others: own, all: own };
  }
  const voterIds: NodeId[] = [];
  for (let i = 1; i <= size; i++) voterIds.push(`v${i}`);
  const others = definition.others ? [...definition.others(spec)] : [];
  return { voters: voterIds, others, all: ['coordinator', ...voterIds, ...others] };
}

/**
 * Every node of a run with the context its role gets: the one place that says what a node
 * knows, for `simulate`, the explorer and the model checker alike. A protocol with nodes of
 * its own has no coordinator; its first node stands in that field.
 */
export function runNodes(
  definition: ProtocolDefinition,
  spec: ProtocolSpec,
  size: number,
  votes: Readonly<Record<NodeId, Vote>> = {},
): { ids: RunNodes; nodes: RunNode[] } {
  const ids = nodesOf(definition, spec, size);
  const coordinator = definition.ownNodes ? ids.all[0] : 'coordinator';
  const nodes = ids.all.map((id): RunNode => {
    const kind = definition.ownNodes ? 'other' : id === 'coordinator' ? 'coordinator' : ids.voters.includes(id) ? 'voter' : 'other';
    return { id, kind, ctx: { id, coordinator, voters: ids.voters, others: ids.others, vote: votes[id] ?? 'yes' } };
  });
  return { ids, nodes };
}
