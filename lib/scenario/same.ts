import type { Scenario } from './types';

/** A scenario's fields but its seed. */
export const FIELDS = ['protocol', 'voters', 'votes', 'faults', 'network', 'horizon', 'clients'] as const;
const ALLOWED = new Set<string>([...FIELDS, 'seed']);

/**
 * Whether `next` is `previous` but for its seed, as plain data: then a world built for `previous`
 * can run `next` after a reset, and `next` is valid whenever `previous` was and its seed is a
 * whole number. The protocol spec must be the same frozen object (a builder's), since a mutable
 * one may have changed in place; everything else is compared field by field, keys included, so
 * a field validation would refuse (an unknown one, even set to undefined) never slips through.
 * False is always safe: the caller then validates and builds as for any scenario.
 */
export function sameButSeed(previous: Scenario, next: Scenario): boolean {
  if (next.protocol !== previous.protocol || !Object.isFrozen(next.protocol)) return false;
  if (next.seed !== undefined && !Number.isSafeInteger(next.seed)) return false;
  for (const key in next) if (!ALLOWED.has(key)) return false;
  // Each field by its name (FIELDS but the protocol): a read whose key comes from a list went
  // through V8's generic lookup, 15-20 ns each, and twelve of them were half of this function's
  // time, which simulate pays once a run. test/world-reuse.test.ts changes each of FIELDS in turn.
  return (
    sameData(previous.voters, next.voters) &&
    sameData(previous.votes, next.votes) &&
    sameData(previous.faults, next.faults) &&
    sameData(previous.network, next.network) &&
    sameData(previous.horizon, next.horizon) &&
    sameData(previous.clients, next.clients)
  );
}

/** Deep equality of plain JSON-like data: the same keys (even those set to undefined), the same values. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], y[i])) return false;
    return true;
  }
  // Keys counted with for-in rather than listed with Object.keys: this runs once per simulate.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k)) return false;
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
    keys++;
  }
  for (const k in y) if (!Object.hasOwn(y, k) || --keys < 0) return false;
  return keys === 0;
}
