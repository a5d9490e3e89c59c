import { map, type OperatorFunction } from 'rxjs';
import type { NodeId } from '../protocols/role';
import { drop, type Envelope } from './envelope';
import type { Window } from './window';

/**
 * Drops every message from `from` to `to` (one direction) that arrives while `window` holds,
 * in-flight ones included. Runs at arrival, because a cut may open after a message left.
 *
 * @example arrival$.pipe(cut('coordinator', 'v2', new Window(5, 20)))
 * @see partition, loss
 */
export function cut(from: NodeId, to: NodeId, window: Window): OperatorFunction<Envelope, Envelope> {
  return map((envelope) =>
    envelope.from === from && envelope.to === to && window.holds(envelope.deliverAt) ? drop(envelope, 'cut') : envelope,
  );
}
