// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 4f4daf97e360bc1e: once you edit this file, the build leaves it alone.)
// Exercise 07-availability (lesson 07, CAP measured; the lecture on CAP; DDIA ch. 9).
//
// A sweep runs one scenario many times per protocol and loss rate and records
// each run's verdict. A run is available when every voter that is up decided
// (verdict 'committed' or 'aborted'); 'blocked' and 'inconsistent' are not.
// Group the rows by protocol and loss, and for each group return
// { protocol, loss, runs, available } where `available` is the share of its
// runs that were available (0 to 1). Order the groups by protocol name, then by loss.
import type { Verdict } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export interface SweepRow {
  readonly protocol: string;
  readonly loss: number;
  readonly seed: number;
  readonly verdict: Verdict;
}

export interface Availability {
  readonly protocol: string;
  readonly loss: number;
  readonly runs: number;
  readonly available: number;
}

export function availability(rows: readonly SweepRow[]): Availability[] {
  throw new NotDoneYet('07-availability', 'count runs and available runs per (protocol, loss) in a Map keyed by both, then sort the groups');
}
