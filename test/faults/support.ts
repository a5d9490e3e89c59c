import { from, lastValueFrom, toArray, type OperatorFunction } from 'rxjs';
import { Envelope } from '../../lib/faults/envelope';
import { LinkRandom } from '../../lib/faults/random';

/** `n` envelopes on one link, sent at ticks 0, 1, 2, ... and due one tick later. */
export function envelopes(n: number, from_ = 'coordinator', to = 'v1', seed = 1): Envelope[] {
  const random = new LinkRandom(seed, from_, to);
  return Array.from({ length: n }, (_, i) => new Envelope(i, from_, to, { type: 'prepare' }, i, i + 1, null, false, random));
}

/** Pushes `input` through `operator` synchronously and collects what comes out. */
export async function through(input: Envelope[], operator: OperatorFunction<Envelope, Envelope>): Promise<Envelope[]> {
  return lastValueFrom(from(input).pipe(operator, toArray()));
}
