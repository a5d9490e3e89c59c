import type { TopLevelSpec } from 'vega-lite';
import { LOCK_VERDICTS, type LockVerdict } from '../checkers/index';
import { ScenarioError } from '../scenario/error';
import { VERDICT_COLOURS } from './colours';
import { SCHEMA } from './schema';

/** One run of a pause-against-lease sweep: the lease, the pause, and the verdict. */
export interface PauseLeaseRow {
  readonly lease: number;
  readonly pause: number;
  readonly verdict: LockVerdict;
  /** Shown in the cell's tooltip, e.g. the line that replays the run. */
  readonly detail?: string;
}

/** Options of `pauseLeaseMap`. */
export interface PauseLeaseOptions {
  /** @defaultValue 'Verdict by pause length and lease length' */
  readonly title?: string;
}

/**
 * A grid of runs, pause length across and lease length up, each cell in its verdict's colour:
 * where the pause outlasts the lease the unfenced lock turns unsafe (DDIA ch. 8, fig. 8-4).
 *
 * @example
 * const rows = [];
 * for (const lease of [10, 20, 30]) for (const ticks of [5, 15, 25, 35]) {
 *   const faults = [pause('c1', afterReceive('c1', 'granted'), ticks)];
 *   const run = simulate({ protocol: leaseLock({ lease }), faults }, { trace: 'none' });
 *   rows.push({ lease, pause: ticks, verdict: run.verdict });
 * }
 * await show(pauseLeaseMap(rows));
 */
export function pauseLeaseMap(rows: readonly PauseLeaseRow[], options: PauseLeaseOptions = {}): TopLevelSpec {
  if (rows.length === 0) throw new ScenarioError('rows', 'expected at least one { lease, pause, verdict } row');
  rows.forEach((row, i) => {
    for (const field of ['lease', 'pause'] as const) {
      if (!Number.isFinite(row[field]))
        throw new ScenarioError(`rows[${i}].${field}`, `expected a number of ticks, got ${JSON.stringify(row[field])}`);
    }
    if (!LOCK_VERDICTS.includes(row.verdict))
      throw new ScenarioError(`rows[${i}].verdict`, `expected one of ${LOCK_VERDICTS.join(', ')}, got ${JSON.stringify(row.verdict)}`);
  });
  const title = options.title ?? 'Verdict by pause length and lease length';
  const pauses = [...new Set(rows.map((r) => r.pause))].sort((a, b) => a - b);
  const leases = [...new Set(rows.map((r) => r.lease))].sort((a, b) => b - a);
  const values = rows.map((r) => ({ ...r, detail: r.detail ?? '' }));
  return {
    $schema: SCHEMA,
    description: `${title}: ${rows.filter((r) => r.verdict === 'unsafe').length} of ${rows.length} runs unsafe`,
    title: { text: title, anchor: 'start', fontSize: 13 },
    data: { values },
    width: { step: Math.max(14, Math.floor(560 / pauses.length)) },
    height: { step: Math.max(14, Math.floor(280 / leases.length)) },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
    encoding: {
      x: { field: 'pause', type: 'ordinal', sort: pauses, title: 'pause of the lock holder (ticks)' },
      y: { field: 'lease', type: 'ordinal', sort: leases, title: 'lease (ticks)' },
      color: {
        field: 'verdict',
        type: 'nominal',
        title: 'verdict',
        scale: { domain: [...LOCK_VERDICTS], range: LOCK_VERDICTS.map((v) => VERDICT_COLOURS[v]) },
      },
      tooltip: [
        { field: 'lease', type: 'quantitative' },
        { field: 'pause', type: 'quantitative' },
        { field: 'verdict', type: 'nominal' },
        { field: 'detail', type: 'nominal' },
      ],
    },
    config: {
      view: { stroke: null },
      axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal' },
      legend: { orient: 'bottom', direction: 'horizontal' },
    },
  };
}
