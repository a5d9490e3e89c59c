// @ts-nocheck (a hostile submission for exercise 01-duplicate; graded as exercises/01-duplicate.ts)
// Returns an operator whose stream never completes, so the probe's promise never settles.
import { NEVER, type OperatorFunction } from 'rxjs';
import type { Envelope } from '../lib';

export function duplicate(p: number): OperatorFunction<Envelope, Envelope> {
  return () => NEVER;
}
