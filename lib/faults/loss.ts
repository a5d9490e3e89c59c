import { map, type OperatorFunction } from 'rxjs';
import { drop, type Envelope } from './envelope';

/**
 * Loses each message with probability `p` (0: never, 1: always), independently.
 *
 * @example send$.pipe(delay(1), loss(0.1)) // about one message in ten never arrives
 * @see cut, partition
 */
export function loss(p: number): OperatorFunction<Envelope, Envelope> {
  return map((envelope) => lost(envelope, p));
}

/** What `loss` does to one envelope, as a plain function (see `delayed` in delay.ts). */
export function lost(envelope: Envelope, p: number): Envelope {
  return envelope.dropped === null && envelope.random.chance(p) ? drop(envelope, 'loss') : envelope;
}
