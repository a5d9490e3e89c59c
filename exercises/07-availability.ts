// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 66823ff016ff1107: once you edit this file, the build leaves it alone.)
// Warm-up 07-availability, 3 points, +1 hidden (lesson 07, CAP measured; the lecture on CAP; DDIA ch. 9).
//
// A sweep runs one scenario many times per protocol and loss rate and records each run's
// verdict. Group the rows by protocol and loss, and for each group return { protocol, loss,
// runs, available }: how many runs it has, and the share of them (0 to 1) that were available.
// Order the groups by protocol name, then by loss.
//
// Questions to answer first: which of the four verdicts leave every voter that is up with a
// decision? Is a run that decided, but inconsistently, available in the sense the lecture
// uses? Lesson 07's exercise cell sweeps 2PC and 3PC: check your shares against its chart.
import type { Verdict } from '../lib/index';
import { NotDoneYet } from '../lib/index';

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
  throw new NotDoneYet('07-availability', 'one pass to count per (protocol, loss), one sort; which verdicts count as available is the question lesson 07 answers');
}
