import { map, type OperatorFunction } from 'rxjs';
import type { Envelope } from './envelope';

/**
 * Stamps each envelope with its arrival: `min` to `max` ticks after it was sent,
 * drawn per message from the link's random source.
 *
 * @example send$.pipe(delay(1, 3)) // each message takes 1, 2 or 3 ticks
 * @see loss, reorder, slow
 */
export function delay(min: number, max: number = min): OperatorFunction<Envelope, Envelope> {
  return map((envelope) => delayed(envelope, min, max));
}

/**
 * What `delay` does to one envelope, as a plain function: the world calls it directly when the
 * network is the default one (no operator of its own after it), the same draw in the same order.
 */
export function delayed(envelope: Envelope, min: number, max: number): Envelope {
  envelope.deliverAt = envelope.sentAt + envelope.random.int(min, max);
  return envelope;
}
