// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp a1eb1d5260cbd810: once you edit this file, the build leaves it alone.)
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
  throw new NotDoneYet('01-duplicate', 'return an operator that emits each envelope, then (if it is not dropped and envelope.random.chance(p)) a copy from links.copyOf arriving 0 to 2 ticks later');
}
