import type { TopLevelSpec } from 'vega-lite';
import { VERDICTS, type Verdict } from '../checkers/index';
import { ScenarioError } from '../scenario/error';
import { VERDICT_COLOURS } from './colours';
import { SCHEMA } from './schema';

/**
 * One cell of the matrix: where the faults were placed, under which protocol, and the
 * verdict of that run. `detail` (optional) goes into the cell's tooltip, e.g. the line
 * that replays the run.
 */
export interface MatrixRow {
  /** The fault placement in words, e.g. `'crash coordinator after its 1st commit to v1'`. */
  readonly placement: string;
  readonly protocol: string;
  readonly verdict: Verdict;
  readonly detail?: string;
}

/** Options of `matrix`. */
export interface MatrixOptions {
  /** @defaultValue 'Verdict by fault placement and protocol' */
  readonly title?: string;
}

/**
 * Fault placement x protocol -> verdict: a row per placement, a column per protocol,
 * each cell in its verdict's colour from `VERDICT_COLOURS`, with the verdict written in it.
 *
 * @example
 * await show(matrix([
 *   { placement: 'coordinator crashes after prepare', protocol: 'twoPhaseCommit', verdict: 'blocked' },
 *   { placement: 'coordinator crashes after prepare', protocol: 'threePhaseCommit', verdict: 'aborted' },
 * ]));
 */
export function matrix(rows: readonly MatrixRow[], options: MatrixOptions = {}): TopLevelSpec {
  if (rows.length === 0) throw new ScenarioError('rows', 'expected at least one { placement, protocol, verdict } row');
  rows.forEach((row, i) => {
    if (typeof row.placement !== 'string') throw new ScenarioError(`rows[${i}].placement`, `expected a string, got ${JSON.stringify(row.placement)}`);
    if (typeof row.protocol !== 'string') throw new ScenarioError(`rows[${i}].protocol`, `expected a string, got ${JSON.stringify(row.protocol)}`);
    if (!(VERDICTS as readonly Verdict[]).includes(row.verdict)) throw new ScenarioError(`rows[${i}].verdict`, `expected one of ${VERDICTS.join(', ')}, got ${JSON.stringify(row.verdict)}`);
  });
  const placements = [...new Set(rows.map((r) => r.placement))];
  const protocols = [...new Set(rows.map((r) => r.protocol))];
  const values = rows.map((r) => ({ placement: r.placement, protocol: r.protocol, verdict: r.verdict, detail: r.detail ?? '' }));
  const title = options.title ?? 'Verdict by fault placement and protocol';
  const x = { field: 'protocol', type: 'nominal' as const, sort: protocols, title: null, axis: { orient: 'top' as const, labelAngle: 0, labelFontWeight: 'bold' as const, labelLimit: 0 } };
  const y = { field: 'placement', type: 'nominal' as const, sort: placements, title: null, axis: { labelLimit: 520 } }; // No axis title: the chart's own title names the rows. The limit is wide because vega without a canvas (the SVG fallback) estimates text at 0.8 em a character and cuts labels early.
  const tooltip = [
    { field: 'placement', type: 'nominal' as const },
    { field: 'protocol', type: 'nominal' as const },
    { field: 'verdict', type: 'nominal' as const },
    { field: 'detail', type: 'nominal' as const },
  ];
  return {
    $schema: SCHEMA,
    description: `${title}: ${placements.length} placements x ${protocols.length} protocols`,
    title: { text: title, anchor: 'start', fontSize: 13 },
    data: { values },
    width: { step: Math.max(110, Math.max(...protocols.map((p) => p.length)) * 7.5 + 12) },
    height: { step: 24 },
    layer: [
      {
        name: 'matrix_cell',
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          x, y,
          color: {
            field: 'verdict', type: 'nominal', title: 'verdict',
            scale: { domain: [...VERDICTS], range: VERDICTS.map((v) => VERDICT_COLOURS[v]) },
            legend: { orient: 'bottom', direction: 'horizontal' },
          },
          tooltip,
          description: { field: 'verdict', type: 'nominal' },
        },
      },
      {
        name: 'matrix_label',
        mark: { type: 'text', fontSize: 11, color: 'white', fontWeight: 'bold' },
        encoding: { x, y, text: { field: 'verdict' }, tooltip },
      },
    ],
    config: { view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', domain: false, ticks: false } },
  };
}
