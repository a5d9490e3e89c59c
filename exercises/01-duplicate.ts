// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 7e32d7b9a1c6e741: once you edit this file, the build leaves it alone.)
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
  throw new NotDoneYet('01-duplicate', 'which envelopes may be copied at all, and when may the copy arrive? look at envelope.dropped and envelope.random');
}
