import type { Scenario } from './types';

const FIELDS = ['protocol', 'voters', 'votes', 'faults', 'network', 'horizon', 'clients'] as const;
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
  for (let i = 1; i < FIELDS.length; i++) {
    const field = FIELDS[i];
    if (!sameData(previous[field], next[field])) return false;
  }
  return true;
}

/** Deep equality of plain JSON-like data: the same keys (even those set to undefined), the same values. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (k !== kb[i] || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
