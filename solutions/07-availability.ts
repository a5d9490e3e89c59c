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
  // BEGIN SOLUTION
  // HINT: one pass to count per (protocol, loss), one sort; which verdicts count as available is the question lesson 07 answers
  const groups = new Map<string, { protocol: string; loss: number; runs: number; ok: number }>();
  for (const r of rows) {
    const key = `${r.protocol}\u0000${r.loss}`;
    const g = groups.get(key) ?? { protocol: r.protocol, loss: r.loss, runs: 0, ok: 0 };
    g.runs++;
    if (r.verdict === 'committed' || r.verdict === 'aborted') g.ok++;
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : a.loss - b.loss))
    .map((g) => ({ protocol: g.protocol, loss: g.loss, runs: g.runs, available: g.ok / g.runs }));
  // END SOLUTION
}
