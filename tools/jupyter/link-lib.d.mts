/**
 * Ensures `notebooks/lib` points at the notebook kit (built if stale) or at `lib/`, and
 * `notebooks/exercises` at `exercises/`; returns what it did.
 */
export function linkLib(projectRoot?: string): string;
