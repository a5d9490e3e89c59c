import type { Verdict } from '../checkers/index';
import { protocolLabel } from '../protocols/label';
import { replayLine } from '../world/simulate';
import { describePlacement, type ExploreResult } from './explore';

/**
 * One placement under one protocol and how it ended, as plain data: the rows `matrix` draws
 * (its `ExploreRow` has this shape; the explorer does not import the charts).
 */
export interface ExploreRow {
  readonly placement: string;
  readonly protocol: string;
  readonly verdict: Verdict;
  readonly detail?: string;
}

/** Options of `exploreRows`. */
export interface ExploreRowsOptions {
  /** Only placements of exactly this many faults (a chart of every placement is unreadable). @defaultValue 1 */
  readonly faults?: number;
  /** Only these verdicts. @defaultValue all four */
  readonly verdicts?: readonly Verdict[];
}

/**
 * `explore`'s placements as `{ placement, protocol, verdict }` rows for `matrix`: one row per
 * placement and protocol, the placement in words, the line that replays it in `detail`.
 *
 * @example
 * const runs = [twoPhaseCommit(), twoPhaseCommit({ termination: 'cooperative' })].map((protocol) =>
 *   explore({ protocol, faults: { kinds: ['crash'], max: 1 } }),
 * );
 * await show(matrix(exploreRows(runs)));
 */
export function exploreRows(results: ExploreResult | readonly ExploreResult[], options: ExploreRowsOptions = {}): ExploreRow[] {
  const all = Array.isArray(results) ? (results as readonly ExploreResult[]) : [results as ExploreResult];
  const specs = all.map((r) => r.protocol);
  const faults = options.faults ?? 1;
  const rows: ExploreRow[] = [];
  for (const result of all) {
    const protocol = protocolLabel(result.protocol, specs);
    const seen = new Set<string>();
    for (const p of result.placements) {
      if (p.faults.length !== faults) continue;
      if (options.verdicts && !options.verdicts.includes(p.verdict)) continue;
      const placement = describePlacement(p.faults);
      if (seen.has(placement)) continue; // a heal makes a second placement with the same faults named alike
      seen.add(placement);
      rows.push({ placement, protocol, verdict: p.verdict, detail: replayLine({ protocol: result.protocol, faults: p.faults }) });
    }
  }
  return rows;
}
