// Warm-up 01-duplicate, 4 points (lesson 01, unreliable networks; DDIA ch. 8: a network may deliver a message twice).
//
// Write the link fault that delivers a message a second time with probability `p`.
// A link fault is an RxJS operator over envelopes (lib/faults/envelope.ts): every envelope
// that comes in must go on, and a second delivery is a copy made with `copyOf(envelope,
// deliverAt)`. Draw every random choice from the envelope's own seeded `random` (never
// Math.random), so that a scenario and its seed replay the same run.
//
// Before you write it: an envelope carries `dropped` when an earlier fault on the link lost it.
// What would a copy of a lost message be on a real network? How long after the original may
// a copy arrive? Lesson 01's exercise cell runs your operator on a lossy link, next to the
// kit's, and prints expected against got.
import { Observable, type OperatorFunction } from 'rxjs';
import { copyOf, type Envelope } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export function duplicate(p: number): OperatorFunction<Envelope, Envelope> {
  // BEGIN SOLUTION
  // HINT: which envelopes may be copied at all, and when may the copy arrive? look at envelope.dropped and envelope.random
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
  // END SOLUTION
}
