import type { Scenario } from './types';

/** A scenario's fields but its seed. */
export const FIELDS = ['protocol', 'voters', 'votes', 'faults', 'network', 'horizon', 'clients'] as const;
const ALLOWED = new Set<string>([...FIELDS, 'seed']);

/**
 * Whether `next` is `previous` but for its seed, as plain data: then a world built for `previous`
 * can run `next` after a reset, and `next` is valid whenever `previous` was and its seed is a
 * whole number. `previous` is plain data with a frozen protocol spec (simulate keeps a
 * `structuredClone` of a scenario whose spec is a builder's, frozen). The spec must be the same
 * object, and so frozen too, since a mutable one may have changed in place; everything else is
 * compared field by field, keys included, so a field validation would refuse (an unknown one,
 * even set to undefined) never slips through. False is always safe: the caller then validates
 * and builds as for any scenario.
 */
export function sameButSeed(previous: Scenario, next: Scenario): boolean {
  // An object once frozen stays frozen: the same spec needs no second `Object.isFrozen`, a call
  // into V8's C++ that simulate would otherwise pay once a run.
  if (next.protocol !== previous.protocol) return false;
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

/**
 * Deep equality of JSON-like data, `plain` being plain (arrays and objects of the standard
 * prototypes, as `structuredClone` makes them, no inherited keys): `b` has the same keys (even
 * those set to undefined) and the same values, in arrays and objects of the same standard
 * prototypes. Counting `b`'s keys with for-in (rather than listing them with Object.keys) and
 * checking only `b`'s keys for being its own keeps the look-ups this runs once per simulate few.
 */
function sameData(plain: unknown, b: unknown): boolean {
  if (plain === b) return true;
  if (typeof plain !== 'object' || typeof b !== 'object' || plain === null || b === null) return false;
  if (Array.isArray(plain)) {
    if (!Array.isArray(b) || plain.length !== b.length || Object.getPrototypeOf(b) !== Array.prototype) return false;
    for (let i = 0; i < plain.length; i++) if (!sameData(plain[i], b[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(b) !== Object.prototype) return false;
  const x = plain as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Every key of x is b's own and holds the same; then b has no other key (an inherited
  // enumerable one included) if it has as many.
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
    keys++;
  }
  for (const _ in y) if (--keys < 0) return false;
  return keys === 0;
}
