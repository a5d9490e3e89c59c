// The Vega-Lite layers of one space-time panel, from the pixels space-time-layout.ts placed.
// Every position is already in pixels (`scale: null`), so Vega-Lite draws exactly what was
// placed. To add a kind of mark (a lease interval, say), write a `LayerBuilder` and add it
// to `SPACE_TIME_LAYERS` where it should sit in the drawing order: it gets the placed panel
// (with `x(node)` and `y(t)`) and the run.
import type { Field } from 'vega-lite/build/src/channeldef';
import type { UnitSpec } from 'vega-lite/build/src/spec/unit';
import { MARK_COLOURS } from './colours';
import type { Drawable } from './space-time-data';
import { FONT, type Placed } from './space-time-layout';
import { leaseLayers } from './lease-layers';

/** One named layer; its `name` becomes the class of its group in the SVG (`message_arrow_marks`). */
export type Layer = UnitSpec<Field> & { name: string };

/** Builds the layers of one kind of mark for one panel. */
export type LayerBuilder = (placed: Placed, run: Drawable) => Layer[];

/**
 * The `name` of each layer of a space-time diagram. Vega writes it into the class of
 * the layer's group in the SVG (`message_arrow_marks`), so marks can be counted:
 * `countMarks(svg, MARK.messageArrow)` is the number of delivered messages drawn.
 * Side by side, panel i's layers are named `message_arrow_p<i>`, from 1.
 */
export const MARK = Object.freeze({
  lane: 'lane',
  nodeName: 'node_name',
  time: 'time_label',
  idle: 'idle_gap',
  idleLabel: 'idle_gap_label',
  stateBand: 'state_band',
  stateLabel: 'state_label',
  window: 'fault_window',
  windowLabel: 'fault_window_label',
  messageArrow: 'message_arrow',
  messageHead: 'message_head',
  messageLabel: 'message_label',
  messageLabelHalo: 'message_halo',
  dropLine: 'drop_line',
  dropCross: 'drop_cross',
  crash: 'crash',
  recover: 'recover',
  nodeEventLabel: 'node_event_label',
  timeout: 'timeout',
  legendSymbol: 'legend_symbol',
  legendLine: 'legend_line',
  legendSwatch: 'legend_swatch',
  legendText: 'legend_text',
});

const px = (field: string) => ({ field, type: 'quantitative' as const, scale: null, axis: null });
const raw = (field: string) => ({ field, type: 'nominal' as const, scale: null, legend: null });
const what = { field: 'what', type: 'nominal' as const };
/** Every mark says what it is in words: a tooltip in the interactive view, an aria-label (and an SVG title) in the SVG. */
const tip = { tooltip: what, description: what };
const at = { x: px('x'), y: px('y') };
/** A second position shares its channel's (absent) scale: a field alone. */
const end = (field: string) => ({ field });
const span = { x: px('x'), y: px('y'), x2: end('x2'), y2: end('y2') };
const text = (size: number, extra: Record<string, unknown> = {}) => ({
  type: 'text' as const,
  baseline: 'middle' as const,
  fontSize: size,
  ...extra,
});

function layer(name: string, values: readonly unknown[], mark: Layer['mark'], encoding: Layer['encoding']): Layer {
  return { name, data: { values: values as object[] }, mark, encoding };
}

const frame: LayerBuilder = (p) => [
  layer(
    MARK.idle,
    p.idle,
    { type: 'rule', strokeDash: [2, 3], color: MARK_COLOURS.idle, strokeWidth: 1 },
    { x: px('x'), x2: end('x2'), y: px('y'), ...tip },
  ),
  layer(MARK.idleLabel, p.idleLabels, text(FONT.small, { align: 'right', fontStyle: 'italic', color: MARK_COLOURS.idle }), {
    ...at,
    text: { field: 'text' },
    ...tip,
  }),
  layer(MARK.lane, p.lanes, { type: 'rule', color: MARK_COLOURS.lane, strokeWidth: 1 }, { x: px('x'), y: px('y'), y2: end('y2'), ...tip }),
  layer(MARK.nodeName, p.nodeNames, text(FONT.node, { align: 'center', fontWeight: 'bold', color: MARK_COLOURS.nodeName }), {
    ...at,
    text: { field: 'text' },
    ...tip,
  }),
  layer(MARK.time, p.times, text(FONT.small, { align: 'right', color: MARK_COLOURS.time }), { ...at, text: { field: 'text' }, ...tip }),
];

const windows: LayerBuilder = (p) => [
  layer(
    MARK.window,
    p.windows,
    { type: 'rect', opacity: 0.16, strokeDash: [4, 3], strokeWidth: 1, strokeOpacity: 0.9 },
    { ...span, fill: raw('colour'), stroke: raw('colour'), ...tip },
  ),
];

const states: LayerBuilder = (p) => [
  layer(MARK.stateBand, p.bands, { type: 'rect', opacity: 0.95 }, { ...span, fill: raw('colour'), ...tip }),
  layer(MARK.stateLabel, p.stateLabels, text(FONT.small, { align: 'left', color: MARK_COLOURS.stateText }), {
    ...at,
    text: { field: 'text' },
    ...tip,
  }),
];

const messages: LayerBuilder = (p) => [
  layer(
    MARK.timeout,
    p.timeouts,
    {
      type: 'point',
      shape: 'diamond',
      size: 60,
      filled: true,
      color: MARK_COLOURS.timerFill,
      stroke: MARK_COLOURS.timerStroke,
      strokeWidth: 1.5,
      opacity: 1,
    },
    { ...at, ...tip },
  ),
  layer(
    MARK.dropLine,
    p.dropLines,
    { type: 'rule', strokeDash: [3, 3], color: MARK_COLOURS.drop, strokeWidth: 1.2, opacity: 0.8 },
    { ...span, ...tip },
  ),
  layer(
    MARK.dropCross,
    p.crosses,
    { type: 'point', shape: 'cross', angle: 45, size: 110, filled: true, color: MARK_COLOURS.drop, opacity: 1 },
    { ...at, ...tip },
  ),
  layer(MARK.messageArrow, p.arrows, { type: 'rule', strokeWidth: 1.4 }, { ...span, color: raw('colour'), ...tip }),
  layer(
    MARK.messageHead,
    p.heads,
    { type: 'point', shape: 'triangle-right', size: 70, filled: true, opacity: 1 },
    { ...at, angle: { field: 'angle', type: 'quantitative', scale: null }, color: raw('colour'), ...tip },
  ),
  layer(
    MARK.crash,
    p.crashes,
    { type: 'rule', color: MARK_COLOURS.crash, strokeWidth: 4 },
    { x: px('x'), x2: end('x2'), y: px('y'), ...tip },
  ),
  layer(
    MARK.recover,
    p.recoveries,
    { type: 'rule', color: MARK_COLOURS.recover, strokeWidth: 4 },
    { x: px('x'), x2: end('x2'), y: px('y'), ...tip },
  ),
  layer(MARK.nodeEventLabel, p.nodeLabels, text(FONT.label, { align: 'left', fontWeight: 'bold' }), {
    ...at,
    text: { field: 'text' },
    color: raw('colour'),
    ...tip,
  }),
];

/** Labels last, over every line, each on a white halo so that it stays readable where it crosses one. */
const labels: LayerBuilder = (p) => [
  layer(MARK.windowLabel, p.windowLabels, text(FONT.small, { align: 'left', fontStyle: 'italic' }), {
    ...at,
    text: { field: 'text' },
    color: raw('colour'),
    ...tip,
  }),
  layer(
    MARK.messageLabelHalo,
    p.messageLabels,
    text(FONT.label, { align: 'center', fill: MARK_COLOURS.halo, stroke: MARK_COLOURS.halo, strokeWidth: 3, strokeOpacity: 0.9 }),
    { ...at, text: { field: 'text' }, ...tip },
  ),
  layer(MARK.messageLabel, p.messageLabels, text(FONT.label, { align: 'center' }), {
    ...at,
    text: { field: 'text' },
    color: raw('colour'),
    ...tip,
  }),
];

/** The key: a symbol and a word for every kind of mark the panel draws. */
const key: LayerBuilder = (p) => {
  const lines = p.legend.flatMap((e) => {
    const x = e.x as number;
    const y = e.y as number;
    if (e.symbol === 'arrow') return [{ ...e, x, x2: x + 12, y, width: 1.4 }];
    if (e.symbol === 'bar') return [{ ...e, x: x + 1, x2: x + 13, y, width: 4 }];
    return [];
  });
  const dashed = p.legend.filter((e) => e.symbol === 'dashed').map((e) => ({ ...e, x2: (e.x as number) + 14 }));
  const points = p.legend.flatMap((e) => {
    const x = (e.x as number) + 7;
    if (e.symbol === 'arrow') return [{ ...e, x: x + 6, shape: 'triangle-right', angle: 0, size: 40, stroke: e.colour }];
    if (e.symbol === 'cross') return [{ ...e, x, shape: 'cross', angle: 45, size: 80, stroke: e.colour }];
    if (e.symbol === 'diamond')
      return [{ ...e, x, shape: 'diamond', angle: 0, size: 50, colour: MARK_COLOURS.timerFill, stroke: e.colour }];
    return [];
  });
  const swatches = p.legend
    .filter((e) => e.symbol === 'swatch' || e.symbol === 'window')
    .map((e) => ({
      ...e,
      x2: (e.x as number) + 13,
      y: (e.y as number) - 5,
      y2: (e.y as number) + 5,
      opacity: e.symbol === 'window' ? 0.3 : 0.95,
    }));
  return [
    layer(MARK.legendLine, lines, { type: 'rule' }, {
      ...span,
      y2: undefined,
      color: raw('colour'),
      strokeWidth: { field: 'width', type: 'quantitative', scale: null, legend: null },
      ...tip,
    }),
    layer(
      `${MARK.legendLine}_dashed`,
      dashed,
      { type: 'rule', strokeDash: [2, 3], strokeWidth: 1 },
      { x: px('x'), x2: end('x2'), y: px('y'), color: raw('colour'), ...tip },
    ),
    layer(
      MARK.legendSymbol,
      points,
      { type: 'point', filled: true, opacity: 1, strokeWidth: 1.5 },
      {
        ...at,
        shape: raw('shape'),
        angle: { field: 'angle', type: 'quantitative', scale: null },
        size: { field: 'size', type: 'quantitative', scale: null, legend: null },
        fill: raw('colour'),
        stroke: raw('stroke'),
        ...tip,
      },
    ),
    layer(
      MARK.legendSwatch,
      swatches,
      { type: 'rect' },
      { ...span, fill: raw('colour'), opacity: { field: 'opacity', type: 'quantitative', scale: null, legend: null }, ...tip },
    ),
    layer(MARK.legendText, p.legend, text(FONT.legend, { align: 'left', color: MARK_COLOURS.legendText }), {
      x: px('tx'),
      y: px('y'),
      text: { field: 'text' },
      ...tip,
    }),
  ];
};

/** The layers of a panel in drawing order, bottom first. Add a builder here to draw a new kind of mark. */
export const SPACE_TIME_LAYERS: LayerBuilder[] = [frame, windows, states, leaseLayers, messages, labels, key];

/** Every layer of one panel (an empty one draws nothing, and keeps the layer names the same for every run). */
export function layersOf(placed: Placed, run: Drawable): Layer[] {
  return SPACE_TIME_LAYERS.flatMap((build) => build(placed, run));
}
