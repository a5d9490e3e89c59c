import type { CatalogEntry } from './entry';
// The case files (NN-*.ts) are listed in cases.ts, which `npm run build-exercises` writes from this folder.
import { cases } from './cases';

export type { CatalogEntry } from './entry';
// Lesson 10's cases are judged on their clients' history, not by a commit verdict: a list of their own.
export { linearizabilityCases, linearizabilityCase, type LinearizabilityCase } from './linearizability';

/**
 * Every failure case the lessons walk through, as `{ id, title, source, scenario, expected, why }`.
 * @example simulate(catalogEntry('2pc/coordinator-and-voter-crash-in-commit').scenario).verdict // 'blocked'
 */
export const catalog: readonly CatalogEntry[] = cases;

/** The catalog entry with this id; throws, listing the ids, if there is none. */
export function catalogEntry(id: string): CatalogEntry {
  const entry = catalog.find((e) => e.id === id);
  if (!entry) throw new Error(`no catalog entry '${id}'; ids are ${catalog.map((e) => e.id).join(', ')}`);
  return entry;
}
