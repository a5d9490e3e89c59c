// answer-bearing: 01-duplicate (the student version ships this file compiled, not as source: lib/exercise/README.md)
import { Observable, type OperatorFunction } from 'rxjs';
import { copyOf, type Envelope } from './envelope';

/**
 * Delivers each message twice with probability `p`; the copy arrives 0 to 2 ticks after the original.
 * Emits both synchronously, with no inner subscription per message.
 *
 * @example send$.pipe(delay(1), duplicate(0.2))
 * @see reorder
 */
export function duplicate(p: number): OperatorFunction<Envelope, Envelope> {
  return (source) =>
    new Observable<Envelope>((subscriber) =>
      source.subscribe({
        next(envelope) {
          subscriber.next(envelope);
          if (envelope.dropped === null && envelope.random.chance(p)) {
            subscriber.next(copyOf(envelope, envelope.deliverAt + envelope.random.int(0, 2)));
          }
        },
        error: (e) => subscriber.error(e),
        complete: () => subscriber.complete(),
      }),
    );
}
