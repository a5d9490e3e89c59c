/** Small shape checks the judges share: an observation is untrusted JSON until checked. */

export interface EnvelopeRow {
  readonly id: number;
  readonly copy: boolean;
  readonly deliverAt: number;
  readonly dropped: string | null;
}

/** Null if `o` is an array whose every item passes `is`, else why not. */
export function arrayOf(o: unknown, is: (x: unknown) => boolean): string | null {
  if (!Array.isArray(o)) return `expected a list, got ${preview(o)}`;
  const i = o.findIndex((x) => !is(x));
  return i < 0 ? null : `item ${i} has an unexpected shape: ${preview(o[i])}`;
}

export function isEnvelopeRow(x: unknown): boolean {
  const r = x as EnvelopeRow;
  return typeof r === 'object' && r !== null && typeof r.id === 'number' && typeof r.copy === 'boolean' && typeof r.deliverAt === 'number';
}

/** At most 200 characters of a value, for feedback. */
export function preview(o: unknown): string {
  const text = JSON.stringify(o) ?? String(o);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

/** Null if `o` lists exactly `expected`, else the first case that differs, described by `describe(k)`. */
export function compareAnswers(o: unknown, expected: readonly unknown[], describe: (k: number) => string): string | null {
  if (!Array.isArray(o) || o.length !== expected.length) return `expected ${expected.length} answers, got ${preview(o)}`;
  const k = expected.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify(o[i]));
  return k < 0 ? null : `${describe(k)} returned ${preview(o[k])}, expected ${preview(expected[k])}`;
}
