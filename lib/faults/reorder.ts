import { map, type OperatorFunction } from 'rxjs';
import type { Envelope } from './envelope';

/**
 * Holds each message back with probability `p` by 1 to `maxExtra` more ticks,
 * so that messages sent after it can overtake it.
 *
 * @example send$.pipe(delay(1), reorder(0.3, 4))
 * @see delay, duplicate
 */
export function reorder(p: number, maxExtra = 4): OperatorFunction<Envelope, Envelope> {
  return map((envelope) => {
    if (envelope.dropped === null && envelope.random.chance(p)) envelope.deliverAt += envelope.random.int(1, maxExtra);
    return envelope;
  });
}
