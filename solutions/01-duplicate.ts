// Exercise 01-duplicate (lesson 01, unreliable networks; DDIA ch. 8: a network may deliver a message twice).
//
// Write the link fault that delivers each message twice with probability `p`.
// A link fault is an RxJS operator over envelopes: pass every envelope on, and,
// for a message that is not already dropped, with probability p (draw it from
// the envelope's own seeded `random`, never Math.random), emit a copy made by
// `links.copyOf(envelope, deliverAt)` that arrives 0 to 2 ticks after the original.
// Try it in lesson 01's notebook: simulate(scenario, { link: duplicate(0.3) }).
import { Observable, type OperatorFunction } from 'rxjs';
import { links, type Envelope } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export function duplicate(p: number): OperatorFunction<Envelope, Envelope> {
  // BEGIN SOLUTION
  // HINT: return an operator that emits each envelope, then (if it is not dropped and envelope.random.chance(p)) a copy from links.copyOf arriving 0 to 2 ticks later
  return (source) =>
    new Observable<Envelope>((subscriber) =>
      source.subscribe({
        next(envelope) {
          subscriber.next(envelope);
          if (envelope.dropped === null && envelope.random.chance(p)) {
            subscriber.next(links.copyOf(envelope, envelope.deliverAt + envelope.random.int(0, 2)));
          }
        },
        error: (e) => subscriber.error(e),
        complete: () => subscriber.complete(),
      }),
    );
  // END SOLUTION
}
