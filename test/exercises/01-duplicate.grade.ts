// Probes for exercise 01-duplicate (DDIA ch. 8). The grader judges what they record (grader/exercises/01-duplicate.ts).
import { from, lastValueFrom, pipe, toArray, type OperatorFunction } from 'rxjs';
import { duplicate } from '../../exercises/01-duplicate';
import { links, type Envelope } from '../../lib';
import { LinkRandom } from '../../lib/faults/random';
import { probe } from '../../grader/worker/probe';

function envelopes(n: number, seed = 1): Envelope[] {
  const random = new LinkRandom(seed, 'coordinator', 'v1');
  return Array.from({ length: n }, (_, i) => new links.Envelope(i, 'coordinator', 'v1', { type: 'prepare' }, i, i + 1, null, false, random));
}

async function through(input: Envelope[], operator: OperatorFunction<Envelope, Envelope>) {
  const out = await lastValueFrom(from(input).pipe(operator, toArray()));
  return out.map((e) => ({ id: e.id, copy: e.copy, deliverAt: e.deliverAt, dropped: e.dropped }));
}

probe('with p = 0 every envelope passes through once, unchanged', () => through(envelopes(30), duplicate(0)));
probe('with p = 1 every envelope is followed by its copy, which shares its id and arrives 0 to 2 ticks later', () => through(envelopes(30), duplicate(1)));
probe('an envelope already dropped by loss is never copied', () => through(envelopes(30), pipe(links.loss(1), duplicate(1))));
