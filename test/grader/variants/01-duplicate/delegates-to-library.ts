// @ts-nocheck (graded as exercises/01-duplicate.ts, where ../lib resolves)
// A delegating answer to 01-duplicate: it hands the work to the library's own operator.
// loses: with p = 0 every envelope passes through once, unchanged
// loses: with p = 1 every envelope is followed by its copy, which shares its id and arrives 0 to 2 ticks later
// loses: an envelope already dropped by loss is never copied
import type { OperatorFunction } from 'rxjs';
import { links, type Envelope } from '../lib/index';

export function duplicate(p: number): OperatorFunction<Envelope, Envelope> {
  return links.duplicate(p);
}
