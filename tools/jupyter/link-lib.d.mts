/** Ensures `notebooks/lib` points at the project's `lib/`; returns what it did. */
export function linkLib(projectRoot?: string): string;
