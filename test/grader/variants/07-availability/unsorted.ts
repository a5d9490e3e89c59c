// @ts-nocheck (graded as exercises/07-availability.ts, where ../lib resolves)
// A plausible wrong answer to 07-availability: the groups come out in the order first seen.
// loses: groups a real 2PC sweep by protocol and loss, in order
// loses: groups 500 shuffled rows of three protocols and four loss rates
// Exercise 07-availability (lesson 07, CAP measured; the lecture on CAP; DDIA ch. 9).
//
// A sweep runs one scenario many times per protocol and loss rate and records
// each run's verdict. A run is available when every voter that is up decided
// (verdict 'committed' or 'aborted'); 'blocked' and 'inconsistent' are not.
// Group the rows by protocol and loss, and for each group return
// { protocol, loss, runs, available } where `available` is the share of its
// runs that were available (0 to 1). Order the groups by protocol name, then by loss.
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
  const groups = new Map<string, { protocol: string; loss: number; runs: number; ok: number }>();
  for (const r of rows) {
    const key = `${r.protocol}\u0000${r.loss}`;
    const g = groups.get(key) ?? { protocol: r.protocol, loss: r.loss, runs: 0, ok: 0 };
    g.runs++;
    if (r.verdict === 'committed' || r.verdict === 'aborted') g.ok++;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ protocol: g.protocol, loss: g.loss, runs: g.runs, available: g.ok / g.runs }));
}
