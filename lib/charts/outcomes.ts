import type { TopLevelSpec } from 'vega-lite';
import { VERDICTS, type CommitVerdict } from '../checkers/index';
import { ScenarioError } from '../scenario/error';
import { VERDICT_COLOURS } from './colours';
import { SCHEMA } from './schema';

/**
 * What `outcomes` reads of a row: a protocol, a value of the swept parameter under the
 * field named by `x`, and a count per verdict. A `SweepRow` is one.
 */
export interface OutcomeRow {
  readonly protocol: string;
  readonly committed: number;
  readonly aborted: number;
  readonly blocked: number;
  readonly inconsistent: number;
  readonly [field: string]: unknown;
}

/** Options of `outcomes`. */
export interface OutcomesOptions {
  /** The field of the rows that was swept, e.g. `'network.loss'`. */
  readonly x: string;
  /** The axis title of the swept parameter. @defaultValue the field's name */
  readonly xTitle?: string;
  /** @defaultValue 'verdicts against <x>' */
  readonly title?: string;
}

/**
 * Verdict shares against a swept parameter, one panel per protocol: each bar is one
 * setting, split into committed, aborted, blocked and inconsistent runs in the colours
 * of `VERDICT_COLOURS`.
 *
 * @example
 * const rows = sweep({ base: { protocol: twoPhaseCommit() }, vary: { 'network.loss': [0, 0.05, 0.1] }, seeds: 1000 });
 * await show(outcomes(rows, { x: 'network.loss' }));
 */
export function outcomes(rows: readonly OutcomeRow[], options: OutcomesOptions): TopLevelSpec {
  if (rows.length === 0) throw new ScenarioError('rows', 'expected at least one row, such as those sweep() returns');
  const x = options.x;
  rows.forEach((row, i) => {
    if (!Object.hasOwn(row, x)) {
      const fields = Object.keys(row).filter((k) => k !== 'protocol' && !(VERDICTS as readonly string[]).includes(k));
      throw new ScenarioError('options.x', `rows[${i}] has no field ${JSON.stringify(x)}; its fields are ${fields.join(', ')}`);
    }
    for (const v of VERDICTS) {
      if (typeof row[v] !== 'number') throw new ScenarioError(`rows[${i}].${v}`, `expected a count of runs, got ${JSON.stringify(row[v])}`);
    }
  });
  // Numbers sort as numbers; any other value reads as itself, or as its JSON.
  const numeric = rows.every((r) => typeof r[x] === 'number');
  const valueOf = (v: unknown): string | number => (numeric ? (v as number) : typeof v === 'string' ? v : JSON.stringify(v));
  const order: number[] | string[] = numeric
    ? [...new Set(rows.map((r) => r[x] as number))].sort((a, b) => a - b)
    : [...new Set(rows.map((r) => valueOf(r[x]) as string))];
  const values = rows.flatMap((row) => {
    const total = VERDICTS.reduce((sum, v) => sum + row[v], 0);
    return VERDICTS.map((verdict: CommitVerdict, rank) => ({
      protocol: row.protocol,
      x: valueOf(row[x]),
      verdict,
      rank,
      runs: row[verdict],
      share: total > 0 ? row[verdict] / total : 0,
      of: total,
    }));
  });
  const protocols = [...new Set(rows.map((r) => r.protocol))];
  return {
    $schema: SCHEMA,
    description: `${options.title ?? `verdicts against ${x}`}: ${protocols.join(', ')}`,
    title: { text: options.title ?? `Verdicts against ${x}`, anchor: 'start', fontSize: 13 },
    data: { values },
    facet: { column: { field: 'protocol', type: 'nominal', title: null, sort: protocols, header: { labelFontSize: 12, labelFontWeight: 'bold', labelLimit: 0 } } },
    spacing: 24,
    spec: {
      // Wide enough for its bars and for its protocol's name above it (about 7.5 px a bold letter).
      width: Math.max(160, Math.min(360, order.length * 44), Math.max(...protocols.map((p) => p.length)) * 7.5),
      height: 220,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'x', type: 'ordinal', sort: order, title: options.xTitle ?? x, axis: { labelAngle: 0 } },
        y: { field: 'share', type: 'quantitative', stack: 'zero', title: 'share of runs', axis: { format: '%' }, scale: { domain: [0, 1] } },
        color: {
          field: 'verdict',
          type: 'nominal',
          title: 'verdict',
          scale: { domain: [...VERDICTS], range: VERDICTS.map((v) => VERDICT_COLOURS[v]) },
          legend: { orient: 'bottom', direction: 'horizontal' },
        },
        order: { field: 'rank', type: 'quantitative' },
        tooltip: [
          { field: 'protocol', type: 'nominal' },
          { field: 'x', type: 'ordinal', title: x },
          { field: 'verdict', type: 'nominal' },
          { field: 'runs', type: 'quantitative', title: 'runs' },
          { field: 'share', type: 'quantitative', format: '.1%' },
          { field: 'of', type: 'quantitative', title: 'of runs' },
        ],
        description: { field: 'verdict', type: 'nominal' },
      },
    },
    config: { view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' } },
  };
}

