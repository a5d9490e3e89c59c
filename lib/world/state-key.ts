/**
 * A role state as a string, for the explorer's fingerprints and the checker's interning. The
 * node's context is the same in every state of a run, so it is left out; typed arrays (vote
 * sets) print as plain arrays.
 */
export function stateKey(state: unknown): string {
  if (state === undefined) return '-';
  return JSON.stringify(state, (key, value) =>
    key === 'ctx' ? undefined : ArrayBuffer.isView(value) ? Array.from(value as Uint32Array) : value,
  );
}
