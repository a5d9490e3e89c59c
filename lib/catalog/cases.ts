// Written by `npm run build-exercises` from the case files lib/catalog/NN-*.ts, in lesson order; do not edit.
// `npm run build-exercises -- --check` fails when this file is out of date (tools/indexes.ts).
import type { CatalogEntry } from './entry';
import { networkCases } from './01-network';
import { twoPhaseCommitCases } from './03-two-phase-commit';
import { threePhaseCommitCases } from './05-three-phase-commit';
import { paxosCommitCases } from './08-paxos-commit';
import { leaseLockCases } from './09-lease-lock';

/** Every case file's cases, in lesson order; lib/catalog/index.ts publishes them as `catalog`. */
export const cases: readonly CatalogEntry[] = [
  ...networkCases,
  ...twoPhaseCommitCases,
  ...threePhaseCommitCases,
  ...paxosCommitCases,
  ...leaseLockCases,
];
