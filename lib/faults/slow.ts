import { map, type OperatorFunction } from 'rxjs';
import type { NodeId } from '../protocols/role';
import type { Envelope } from './envelope';
import { Window } from './window';

/**
 * Adds `extraTicks` to every message from `from` to `to` sent while `window` holds:
 * a congested or degraded link, not a broken one.
 *
 * @example send$.pipe(delay(1), slow('v1', 'coordinator', 50)) // v1's replies come 50 ticks late
 * @see delay, cut
 */
export function slow(from: NodeId, to: NodeId, extraTicks: number, window: Window = Window.always()): OperatorFunction<Envelope, Envelope> {
  return map((envelope) => {
    if (envelope.from === from && envelope.to === to && window.holds(envelope.sentAt)) envelope.deliverAt += extraTicks;
    return envelope;
  });
}
