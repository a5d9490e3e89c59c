import type { TopLevelSpec } from 'vega-lite';
import { linearizable } from '../linearizability/check';
import { casRegister } from '../linearizability/models';
import type { History, LinearizabilityResult, Model } from '../linearizability/types';
import { ScenarioError } from '../scenario/error';
import { VERDICT_COLOURS } from './colours';
import { SCHEMA } from './schema';

/** Options of `historyChart`. */
export interface HistoryChartOptions {
  /** The model that names operations and, without `result`, judges the history. @defaultValue casRegister() */
  readonly model?: Model<any, any, any>;
  /** A verdict already computed with `linearizable(history, model)`; computed when absent. */
  readonly result?: LinearizabilityResult;
  /** @defaultValue 'History: linearizable' (or 'not linearizable', 'unknown') */
  readonly title?: string;
}

/** Every mark layer's name, as it appears in the SVG's classes (`history_op_marks`). */
export const HISTORY_MARK = Object.freeze({
  operation: 'history_op',
  label: 'history_label',
  point: 'history_point',
  order: 'history_order',
});

const WIDTH_PX = 640;
const CHAR_PX = 6;
const GAP_PX = 6;

/** A client's lane, or the extra row its operations overflow into. */
const laneName = (client: string, row: number): string => (row === 0 ? client : `${client} (${row + 1})`);

/** What each operation is in the chart's colours: placed, refused, or left out by the search. */
const STATUS_COLOURS = {
  linearized: VERDICT_COLOURS.committed,
  'in the longest prefix': VERDICT_COLOURS.aborted,
  'cannot be placed': VERDICT_COLOURS.inconsistent,
  'not reached': '#bdbdbd',
} as const;
type Status = keyof typeof STATUS_COLOURS;

/**
 * A history as Porcupine draws one: a lane per client, each operation a bar from its call to its
 * return (an unknown outcome runs to the right edge, hatched lighter), its name written on it.
 * Dots joined by a line show the linearization (or, when there is none, the longest prefix the
 * search could place), numbered in order, each dot at an instant inside its operation where it
 * can take effect. Operations that cannot be placed after that prefix are red. Tooltips give
 * each operation's client, times, and place in the order.
 *
 * @example
 * const h = historyOf(simulate(catalogEntry('lin/async-backup-reads').scenario));
 * await show(historyChart(h));
 */
export function historyChart(history: History, options: HistoryChartOptions = {}): TopLevelSpec {
  if (!Array.isArray(history) || history.length === 0)
    throw new ScenarioError('history', 'expected at least one operation { client, call, ret, input, output }');
  const model = options.model ?? casRegister();
  const result = options.result ?? linearizable(history, model);
  const order = result.linearization ?? result.longestPrefix;
  const refused = new Set(result.unplaceable);
  const finite = history.flatMap((op) => (op.ret === Infinity ? [op.call] : [op.call, op.ret]));
  let end = Math.max(...finite) + Math.max(2, 0.05 * (Math.max(...finite) - Math.min(...finite)));

  // An instant for each placed operation: as early as it can be and no earlier than the one
  // before it. A real-time-respecting order always leaves room (the greedy choice never passes
  // a return), so each dot falls inside its own bar.
  const instant = new Map<number, number>();
  let last = -Infinity;
  for (const i of order) {
    last = Math.max(last, history[i].call);
    instant.set(i, last);
  }
  const rank = new Map(order.map((i, k) => [i, k + 1]));
  const status = (i: number): Status =>
    result.ok ? 'linearized' : refused.has(i) ? 'cannot be placed' : rank.has(i) ? 'in the longest prefix' : 'not reached';
  const describe = model.describe?.bind(model) ?? ((input: unknown, output: unknown) => `${JSON.stringify(input)} -> ${JSON.stringify(output)}`);
  const clients = [...new Set([...history].sort((a, b) => a.call - b.call).map((op) => String(op.client)))];

  // Each client's lane is split into rows so that no two of its operations' bars or labels meet:
  // an operation whose outcome is unknown runs to the right edge, and the client may go on calling
  // (a new row), and a short operation's label may be wider than its bar. Labels are measured at
  // about 6 px a character, the SVG renderer's own estimate at this font size.
  const start = Math.min(0, ...finite);
  // The time axis runs on far enough that the last label ends inside the plot: a label L px wide
  // at tick c needs end >= c + L * (end - start) / WIDTH_PX.
  for (const op of history) {
    const px = describe(op.input, op.output).length * CHAR_PX + GAP_PX;
    if (px < WIDTH_PX / 2) end = Math.max(end, (op.call - (start * px) / WIDTH_PX) / (1 - px / WIDTH_PX));
  }
  const ticksPerPx = (end - start) / WIDTH_PX;
  const rowOf = new Map<number, number>();
  const lanes: string[] = [];
  for (const client of clients) {
    const rows: number[] = [];
    const mine = history.map((op, i) => ({ op, i })).filter(({ op }) => String(op.client) === client).sort((a, b) => a.op.call - b.op.call);
    for (const { op, i } of mine) {
      const label = describe(op.input, op.output);
      const reach = Math.max(op.ret === Infinity ? end : op.ret, op.call + (label.length * CHAR_PX + GAP_PX) * ticksPerPx);
      let row = rows.findIndex((busyUntil) => busyUntil < op.call - GAP_PX * ticksPerPx);
      if (row < 0) row = rows.push(reach) - 1;
      else rows[row] = reach;
      rowOf.set(i, row);
    }
    rows.forEach((_, row) => lanes.push(laneName(client, row)));
  }

  const operations = history.map((op, i) => ({
    index: i,
    client: String(op.client),
    lane: laneName(String(op.client), rowOf.get(i)!),
    call: op.call,
    ret: op.ret === Infinity ? end : op.ret,
    returned: op.ret === Infinity ? 'never (unknown outcome)' : String(op.ret),
    operation: describe(op.input, op.output),
    status: status(i),
    unknown: op.ret === Infinity,
    place: rank.has(i) ? `${rank.get(i)} of ${order.length}` : 'none',
  }));
  const points = order.map((i, k) => ({ ...operations[i], at: instant.get(i)!, n: k + 1 }));
  const verdict = result.verdict;
  const title = options.title ?? `History: ${verdict}`;
  const subtitle = result.ok
    ? `the linearization is numbered (${order.length} operations)`
    : verdict === 'unknown'
      ? `the search gave up: ${result.reason}`
      : 'the longest prefix the search could place is numbered; red: what cannot come next' +
        (result.key === undefined ? '' : ` (key ${result.key})`);
  const y = { field: 'lane', type: 'nominal' as const, sort: lanes, title: 'client', axis: { labelFontWeight: 'bold' as const } };
  const tooltip = [
    { field: 'client', type: 'nominal' as const },
    { field: 'operation', type: 'nominal' as const },
    { field: 'call', type: 'quantitative' as const },
    { field: 'returned', type: 'nominal' as const },
    { field: 'status', type: 'nominal' as const },
    { field: 'place', type: 'nominal' as const, title: 'place in the order' },
  ];
  const x = { type: 'quantitative' as const, title: 'time (ticks)', scale: { domain: [Math.min(0, ...finite), end] } };
  const statuses = Object.keys(STATUS_COLOURS) as Status[];
  return {
    $schema: SCHEMA,
    description: `${title}: ${history.length} operations by ${clients.length} clients`,
    title: { text: title, subtitle, anchor: 'start', fontSize: 13 },
    width: WIDTH_PX,
    height: { step: 40 },
    layer: [
      {
        name: HISTORY_MARK.operation,
        data: { values: operations },
        mark: { type: 'bar', height: 14, cornerRadius: 2 },
        encoding: {
          x: { field: 'call', ...x },
          x2: { field: 'ret' },
          y,
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: statuses, range: statuses.map((s) => STATUS_COLOURS[s]) },
            legend: { orient: 'bottom', direction: 'horizontal', labelLimit: 0 },
          },
          opacity: { condition: { test: 'datum.unknown', value: 0.45 }, value: 0.85 },
          tooltip,
        },
      },
      {
        name: HISTORY_MARK.label,
        data: { values: operations },
        // Above its bar, inside its row: the row's packing left it room.
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 1, dy: -9, fontSize: 10, color: '#222' },
        encoding: { x: { field: 'call', ...x }, y, text: { field: 'operation' }, tooltip },
      },
      {
        name: HISTORY_MARK.order,
        data: { values: points },
        mark: { type: 'line', color: '#333', strokeWidth: 1.2, strokeDash: [3, 2], point: false },
        encoding: { x: { field: 'at', ...x }, y, order: { field: 'n', type: 'quantitative' } },
      },
      {
        name: HISTORY_MARK.point,
        data: { values: points },
        mark: { type: 'point', filled: true, size: 60, color: '#111' },
        encoding: { x: { field: 'at', ...x }, y, tooltip },
      },
      {
        name: 'history_point_number',
        data: { values: points },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 2, dy: 8, fontSize: 9, fontWeight: 'bold', color: '#111' },
        encoding: { x: { field: 'at', ...x }, y, text: { field: 'n' } },
      },
    ],
    config: { view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' } },
  };
}
