import { map, type OperatorFunction } from 'rxjs';
import type { NodeId } from '../protocols/role';
import { drop, type Envelope } from './envelope';
import type { Window } from './window';

/**
 * Splits the nodes into `groups` while `window` holds: a message whose ends lie in
 * different groups is dropped on arrival. Nodes named in no group form one more group.
 *
 * @example arrival$.pipe(partition([['coordinator', 'v1']], new Window(3, 50)))
 * @see cut
 */
export function partition(groups: readonly (readonly NodeId[])[], window: Window): OperatorFunction<Envelope, Envelope> {
  const side = new Map<NodeId, number>();
  groups.forEach((group, i) => group.forEach((node) => side.set(node, i)));
  const sideOf = (node: NodeId) => side.get(node) ?? -1;
  return map((envelope) =>
    window.holds(envelope.deliverAt) && sideOf(envelope.from) !== sideOf(envelope.to) ? drop(envelope, 'partition') : envelope,
  );
}
