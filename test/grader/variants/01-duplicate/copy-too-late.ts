// @ts-nocheck (graded as exercises/01-duplicate.ts, where ../lib resolves)
// A plausible wrong answer to 01-duplicate: the copy may arrive up to 5 ticks late.
// loses: with p = 1 every envelope is followed by its copy, which shares its id and arrives 0 to 2 ticks later
// Exercise 01-duplicate (lesson 01, unreliable networks; DDIA ch. 8: a network may deliver a message twice).
//
// Write the link fault that delivers each message twice with probability `p`.
// A link fault is an RxJS operator over envelopes: pass every envelope on, and,
// for a message that is not already dropped, with probability p (draw it from
// the envelope's own seeded `random`, never Math.random), emit a copy made by
// `copyOf(envelope, deliverAt)` that arrives 0 to 2 ticks after the original.
// Try it in lesson 01's notebook: simulate(scenario, { link: duplicate(0.3) }).
import { Observable, type OperatorFunction } from 'rxjs';
import { copyOf, type Envelope } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export function duplicate(p: number): OperatorFunction<Envelope, Envelope> {
  return (source) =>
    new Observable<Envelope>((subscriber) =>
      source.subscribe({
        next(envelope) {
          subscriber.next(envelope);
          if (envelope.dropped === null && envelope.random.chance(p)) {
            subscriber.next(copyOf(envelope, envelope.deliverAt + envelope.random.int(0, 5)));
          }
        },
        error: (e) => subscriber.error(e),
        complete: () => subscriber.complete(),
      }),
    );
}
