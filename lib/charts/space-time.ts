import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/build/src/channeldef';
import type { UnitSpec } from 'vega-lite/build/src/spec/unit';
import type { NodeId } from '../protocols/role';
import { ScenarioError } from '../scenario/error';
import { printEvent, printMessage, type TraceEvent } from '../world/trace';
import type { Run } from '../world/simulate';
import { DEFAULT_MESSAGE_COLOUR, MESSAGE_COLOURS, OTHER_STATE_COLOURS, STATE_COLOURS, WINDOW_COLOURS } from './colours';
import { protocolLabel } from '../protocols/label';
import { SCHEMA } from './schema';

/** What a space-time diagram reads of a run: its trace, its nodes and how it ended. A `Run` is one. */
export type Drawable = Pick<Run, 'trace' | 'nodes' | 'states' | 'verdict' | 'scenario'>;

/** Options of `spaceTime`. */
export interface SpaceTimeOptions {
  /** The chart's title, or one per run. @defaultValue the protocol and the verdict */
  readonly title?: string | readonly string[];
  /** The first tick shown. @defaultValue 0 */
  readonly from?: number;
  /** The last tick shown. @defaultValue one tick past the last event of the longest run */
  readonly to?: number;
  /** Width of each run's plot in pixels. @defaultValue from the length of the run, 320 to 860 */
  readonly width?: number;
  /** Write each message's type on its arrow. @defaultValue true */
  readonly labels?: boolean;
}

/**
 * The `name` of each layer of a space-time diagram. Vega writes it into the class of
 * the layer's group in the SVG (`message_arrow_marks`), so marks can be counted:
 * `countMarks(svg, MARK.messageArrow)` is the number of delivered messages drawn.
 * Side by side, panel i's layers are named `message_arrow_p<i>`, from 1.
 */
export const MARK = Object.freeze({
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
});

/** Every datum carries `what`: the event in the words of `printEvent`, shown as tooltip and aria-label. */
interface Datum {
  readonly what: string;
  readonly [field: string]: unknown;
}

interface Panel {
  readonly bands: Datum[];
  readonly bandLabels: Datum[];
  readonly windows: Datum[];
  readonly windowLabels: Datum[];
  readonly arrows: Datum[];
  readonly heads: Datum[];
  readonly arrowLabels: Datum[];
  readonly dropLines: Datum[];
  readonly crosses: Datum[];
  readonly crashes: Datum[];
  readonly recoveries: Datum[];
  readonly nodeLabels: Datum[];
  readonly timeouts: Datum[];
  readonly states: string[];
  /** Pixel boxes of the message labels placed so far. */
  readonly labelBoxes: { x: number; y: number; w: number; h: number }[];
}

/** Where the plot of one run sits, in ticks and lanes, and how many pixels each takes. */
interface Frame {
  readonly from: number;
  readonly to: number;
  readonly lanes: ReadonlyMap<NodeId, number>;
  readonly tickPx: number;
  readonly lanePx: number;
}

const BAND = 0.2;
const HEAD_BACK_PX = 5;

/**
 * A space-time diagram of a run: a lane per node, time to the right; an arrow per
 * delivered message labelled with its type, a cross per dropped one; crash and recover
 * marks; shaded windows for partitions, cuts, slow links and pauses; each node's state
 * as a band along its lane; a tooltip on every mark. Given several runs (one per
 * protocol, say), draws them side by side on one time axis, each titled.
 *
 * @example
 * const run = simulate({ protocol: twoPhaseCommit(), faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' }))] });
 * await show(spaceTime(run));
 * await show(spaceTime([runA, runB], { title: ['wait', 'cooperative'] }));
 */
export function spaceTime(run: Drawable | readonly Drawable[], options: SpaceTimeOptions = {}): TopLevelSpec {
  const runs: readonly Drawable[] = isRunList(run) ? run : [run];
  if (runs.length === 0) throw new ScenarioError('runs', 'expected a run or a non-empty array of runs, got an empty array');
  runs.forEach((r, i) => {
    if (r.trace.length === 0) {
      const where = runs.length > 1 ? `runs[${i}].trace` : 'run.trace';
      throw new ScenarioError(where, "the run kept no trace (it was simulated with { trace: 'none' }); simulate it without that option to draw it");
    }
  });
  const from = options.from ?? 0;
  const last = Math.max(...runs.map(lastTick));
  // A run that retries until its horizon repeats itself after its last change of state,
  // crash or fault window: by default the chart stops one retry after that, and says so.
  const to = options.to ?? Math.min(last, Math.max(...runs.map(lastChange))) + 1;
  if (!(to > from)) throw new ScenarioError('options.to', `expected a tick after options.from (${from}), got ${to}`);
  const cutShort = options.to === undefined && to <= last;
  const titles = runs.map((r, i) => titleOf(r, runs, options.title, i));
  const subtitle = cutShort ? `up to t=${to} of ${last}: later, only retries (option to: ${last + 1} shows them)` : undefined;
  const labels = options.labels ?? true;
  const width = options.width ?? clamp((to - from) * 36, runs.length > 1 ? 280 : 320, runs.length > 1 ? Math.max(280, Math.floor(900 / runs.length)) : 860);

  const panels = runs.map((r) => {
    const lanes = new Map(r.nodes.map((n, i) => [n, i] as [NodeId, number]));
    const lanePx = r.nodes.length <= 4 ? 56 : Math.max(30, Math.round(300 / r.nodes.length));
    const frame: Frame = { from, to, lanes, tickPx: width / (to - from), lanePx };
    return { run: r, frame, panel: panelOf(r, frame) };
  });
  // One colour per state across every panel, so that `prepared` looks the same side by side.
  const seen = new Set(panels.flatMap((p) => p.panel.states));
  const stateDomain = [...Object.keys(STATE_COLOURS).filter((s) => seen.has(s)), ...[...seen].filter((s) => !(s in STATE_COLOURS))];
  let extra = 0;
  const stateRange = stateDomain.map((s) => STATE_COLOURS[s] ?? OTHER_STATE_COLOURS[extra++ % OTHER_STATE_COLOURS.length]);

  const layers = panels.map(({ run: r, frame, panel }, i) => ({
    title: { text: titles[i], anchor: 'start' as const, fontSize: 13, ...(subtitle ? { subtitle, subtitleFontSize: 10, subtitleColor: '#666666' } : {}) },
    width,
    height: r.nodes.length * frame.lanePx,
    // Vega-Lite shares data between layers of one name, so each panel's layers get their own.
    encoding: laneEncoding(r, frame, r.nodes.length > 7),
    layer: layersOf(panel, stateDomain, stateRange, labels, r.nodes.length > 7).map((l) => (runs.length > 1 ? { ...l, name: `${l.name}_p${i + 1}` } : l)),
  }));
  const description = runs.map(describe).join('\n');
  const config = {
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' as const },
    legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' as const, direction: 'horizontal' as const },
  };
  if (layers.length === 1) {
    return { $schema: SCHEMA, description, ...layers[0], config };
  }
  return { $schema: SCHEMA, description, hconcat: layers, spacing: 24, config };
}

function isRunList(run: Drawable | readonly Drawable[]): run is readonly Drawable[] {
  return Array.isArray(run);
}

function titleOf(run: Drawable, runs: readonly Drawable[], title: SpaceTimeOptions['title'], i: number): string {
  if (typeof title === 'string') return runs.length > 1 ? `${title} (${i + 1})` : title;
  if (title !== undefined && title[i] !== undefined) return title[i];
  const label = protocolLabel(run.scenario.protocol, runs.map((r) => r.scenario.protocol));
  return `${label}: ${run.verdict}`;
}

function describe(run: Drawable): string {
  let delivered = 0;
  let dropped = 0;
  let crashes = 0;
  for (const e of run.trace) {
    if (e.kind === 'deliver') delivered++;
    else if (e.kind === 'drop') dropped++;
    else if (e.kind === 'crash' && !e.noop) crashes++;
  }
  const voters = run.nodes.filter((n) => /^v\d+$/.test(n)).length;
  return `space-time diagram of ${run.scenario.protocol.name} with ${voters} voters: ${delivered} messages delivered, ${dropped} dropped, ${crashes} crashes; verdict ${run.verdict}`;
}

function lastTick(run: Drawable): number {
  let last = 0;
  for (const e of run.trace) {
    last = Math.max(last, e.t);
    if (e.kind === 'pause' && !e.noop) last = Math.max(last, e.until);
  }
  return last;
}

/** The last tick at which something other than a retry happened, plus time for one retry. */
function lastChange(run: Drawable): number {
  let last = 0;
  for (const e of run.trace) {
    if (e.kind === 'state' || e.kind === 'decide' || e.kind === 'start' || (e.kind === 'crash' && !e.noop) || (e.kind === 'recover' && !e.noop) || e.kind === 'window' || e.kind === 'resume') last = Math.max(last, e.t);
    if (e.kind === 'pause' && !e.noop) last = Math.max(last, e.until);
  }
  const timeout = run.scenario.protocol.timeout;
  return last + (typeof timeout === 'number' ? timeout + 3 : 12);
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

// ---- from a trace to marks ------------------------------------------------------

/** Reads the trace once and turns each event into the data of its marks. */
function panelOf(run: Drawable, frame: Frame): Panel {
  const p: Panel = {
    bands: [], bandLabels: [], windows: [], windowLabels: [], arrows: [], heads: [], arrowLabels: [],
    dropLines: [], crosses: [], crashes: [], recoveries: [], nodeLabels: [], timeouts: [], states: [], labelBoxes: [],
  };
  const n = frame.lanes.size;
  const lane = (node: NodeId) => frame.lanes.get(node) ?? 0;
  const states = new Set<string>();

  // Each node's state band: a segment is named by the event that ends it, since a
  // `state` event says what the node was in (`from`) as well as what it enters.
  const open = new Map<NodeId, { t: number; name: string | undefined }>();
  const firstFrom = new Map<NodeId, string>();
  for (const e of run.trace) if (e.kind === 'state' && !firstFrom.has(e.node)) firstFrom.set(e.node, e.from);
  const close = (node: NodeId, t: number, name: string) => {
    const seg = open.get(node);
    if (seg === undefined) return;
    open.delete(node);
    if (addBand(p, frame, node, lane(node), seg.t, t, name)) states.add(name);
  };

  const windows = new Map<number, Extract<TraceEvent, { kind: 'window' }>>();
  for (const e of run.trace) {
    switch (e.kind) {
      case 'start':
        if (!open.has(e.node)) open.set(e.node, { t: e.t, name: undefined });
        break;
      case 'state': {
        close(e.node, e.t, e.from);
        open.set(e.node, { t: e.t, name: e.to });
        break;
      }
      case 'crash': {
        if (e.noop) break;
        const seg = open.get(e.node);
        close(e.node, e.t, seg?.name ?? firstFrom.get(e.node) ?? run.states[e.node] ?? 'init');
        open.set(e.node, { t: e.t, name: 'down' });
        p.crashes.push({ x: e.t, y: lane(e.node) - 0.34, y2: lane(e.node) + 0.34, what: printEvent(e) });
        addNodeLabel(p, frame, e.t, lane(e.node), 'crash', '#b22222', printEvent(e));
        break;
      }
      case 'recover': {
        if (e.noop) break;
        close(e.node, e.t, 'down');
        open.set(e.node, { t: e.t, name: undefined });
        p.recoveries.push({ x: e.t, y: lane(e.node) - 0.34, y2: lane(e.node) + 0.34, what: printEvent(e) });
        addNodeLabel(p, frame, e.t, lane(e.node), 'recover', '#2a7a2a', printEvent(e));
        break;
      }
      case 'pause': {
        if (e.noop) break;
        const l = lane(e.node);
        addWindow(p, frame, 'pause', e.t, e.until, l - 0.42, l + 0.42, `${e.node} paused`, printEvent(e));
        break;
      }
      case 'window': {
        if (e.edge === 'open') windows.set(e.fault, e);
        else {
          const opened = windows.get(e.fault);
          windows.delete(e.fault);
          if (opened) addFaultWindow(p, frame, run, opened, e.t, n);
        }
        break;
      }
      case 'deliver':
        addArrow(p, frame, e, lane(e.from), lane(e.node));
        break;
      case 'drop':
        addDrop(p, frame, e, lane(e.from), lane(e.node));
        break;
      case 'timeout':
        if (e.t < frame.from || e.t > frame.to) break;
        p.timeouts.push({ x: e.t, y: lane(e.node), what: printEvent(e) });
        break;
      default:
        break;
    }
  }
  for (const opened of windows.values()) addFaultWindow(p, frame, run, opened, frame.to, n);
  for (const [node, seg] of open) {
    const name = seg.name ?? run.states[node] ?? 'init';
    close(node, frame.to, name);
  }
  p.states.push(...states);
  return p;
}

function addBand(p: Panel, frame: Frame, node: NodeId, l: number, a: number, b: number, state: string): boolean {
  const x = Math.max(a, frame.from);
  const x2 = Math.min(b, frame.to);
  // A state left at the tick it was entered takes no room on the axis: its events' tooltips tell it.
  if (x2 <= x) return false;
  const what = `${node} is ${state} from t=${a} to t=${b}`;
  p.bands.push({ x, x2, y: l - BAND, y2: l + BAND, state, what });
  // A name inside the band where it fits (about 6 px a letter at 10 px).
  if ((x2 - x) * frame.tickPx >= state.length * 6 + 8) p.bandLabels.push({ x, y: l, text: state, what });
  return true;
}

/** A word above a lane at one tick (crash, recover); message labels then keep clear of it. */
function addNodeLabel(p: Panel, frame: Frame, t: number, l: number, text: string, colour: string, what: string) {
  const y = l - 0.36;
  const w = text.length * 6.5 + 4;
  p.labelBoxes.push({ x: (t - frame.from) * frame.tickPx - w / 2, y: y * frame.lanePx - 12, w, h: 12 });
  p.nodeLabels.push({ x: t, y, text, colour, what });
}

function addWindow(p: Panel, frame: Frame, kind: keyof typeof WINDOW_COLOURS, a: number, b: number, y: number, y2: number, label: string, what: string) {
  const x = Math.max(a, frame.from);
  const x2 = Math.min(b, frame.to);
  if (x2 <= x) return;
  p.windows.push({ x, x2, y, y2, kind, colour: WINDOW_COLOURS[kind], what });
  p.windowLabels.push({ x, y, text: label, colour: WINDOW_COLOURS[kind], what });
}

function addFaultWindow(p: Panel, frame: Frame, run: Drawable, e: Extract<TraceEvent, { kind: 'window' }>, until: number, n: number) {
  const lane = (node: NodeId) => frame.lanes.get(node) ?? 0;
  const span = `from t=${e.t}${until < frame.to ? ` to t=${until}` : ''}`;
  if (e.what === 'partition') {
    const named = new Set(e.nodes.flatMap((g) => g.split(',')));
    const rest = run.nodes.filter((x) => !named.has(x));
    const groups = rest.length > 0 ? [...e.nodes, rest.length > 3 ? 'the others' : rest.join(',')] : [...e.nodes];
    const label = `partition ${groups.join(' | ')}`;
    addWindow(p, frame, 'partition', e.t, until, -0.5, n - 0.5, label, `${label}, ${span}`);
    return;
  }
  const [a, b] = [lane(e.nodes[0]), lane(e.nodes[1])];
  const label = `${e.what} ${e.nodes[0]} → ${e.nodes[1]}`;
  addWindow(p, frame, e.what, e.t, until, Math.min(a, b) - 0.45, Math.max(a, b) + 0.45, label, `${label}, ${span}`);
}

function addArrow(p: Panel, frame: Frame, e: Extract<TraceEvent, { kind: 'deliver' }>, fromLane: number, toLane: number) {
  if (e.t < frame.from || e.sentAt > frame.to) return;
  const colour = MESSAGE_COLOURS[e.message.type] ?? DEFAULT_MESSAGE_COLOUR;
  const what = `${printEvent(e)} (sent at t=${e.sentAt})`;
  p.arrows.push({ x: e.sentAt, y: fromLane, x2: e.t, y2: toLane, colour, what });
  // The head is drawn in pixels, so its angle comes from the plot's scales, which spaceTime fixes.
  const dx = (e.t - e.sentAt) * frame.tickPx;
  const dy = (toLane - fromLane) * frame.lanePx;
  const length = Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  const back = length > 0 ? Math.min(HEAD_BACK_PX, length / 2) / length : 0;
  p.heads.push({ x: e.t - ((e.t - e.sentAt) * back), y: toLane - (toLane - fromLane) * back, angle, colour, what });
  placeLabel(p, frame, e.sentAt, fromLane, e.t, toLane, printMessage(e.message), colour, what);
}

/**
 * A label goes at the first point along its arrow where it overlaps no label placed
 * before it; where none is free (a broadcast's labels fall on one another), it is left
 * out, and the arrow keeps its tooltip.
 */
function placeLabel(p: Panel, frame: Frame, x1: number, y1: number, x2: number, y2: number, text: string, colour: string, what: string) {
  const w = text.length * 6 + 4;
  const h = 12;
  for (const f of [0.4, 0.25, 0.6, 0.75]) {
    const px = (x1 + (x2 - x1) * f - frame.from) * frame.tickPx;
    const py = (y1 + (y2 - y1) * f) * frame.lanePx;
    const box = { x: px - w / 2, y: py - h / 2, w, h };
    if (p.labelBoxes.some((b) => b.x < box.x + box.w && box.x < b.x + b.w && b.y < box.y + box.h && box.y < b.y + b.h)) continue;
    p.labelBoxes.push(box);
    p.arrowLabels.push({ x: x1 + (x2 - x1) * f, y: y1 + (y2 - y1) * f, text, colour, what });
    return;
  }
}

function addDrop(p: Panel, frame: Frame, e: Extract<TraceEvent, { kind: 'drop' }>, fromLane: number, toLane: number) {
  if (e.t < frame.from || e.sentAt > frame.to) return;
  const what = printEvent(e);
  // Lost in the network: it never arrives, so the cross sits halfway. Dropped on arrival
  // (receiver down, cut, partition): the cross sits where it would have arrived.
  const lost = e.t === e.sentAt;
  const x = lost ? e.sentAt + 0.5 : e.t;
  const y = lost ? fromLane + (toLane - fromLane) * 0.5 : toLane;
  p.dropLines.push({ x: e.sentAt, y: fromLane, x2: x, y2: y, what });
  p.crosses.push({ x, y, what });
}

// ---- marks ---------------------------------------------------------------------

/** Time across, a lane per node down: shared by every layer of a panel. The scales are fixed, so arrowheads can be angled in pixels. */
function laneEncoding(run: Drawable, frame: Frame, dense: boolean) {
  const n = run.nodes.length;
  const x = { field: 'x', type: 'quantitative' as const, scale: { domain: [frame.from, frame.to], nice: false, zero: false }, axis: { title: 'virtual time (ticks)', tickMinStep: 1, format: 'd', grid: true, gridColor: '#eeeeee' } };
  const y = {
    field: 'y', type: 'quantitative' as const,
    scale: { domain: [-0.5, n - 0.5], reverse: true, nice: false, zero: false },
    axis: { title: null, values: run.nodes.map((_, i) => i), labelExpr: `${JSON.stringify(run.nodes)}[datum.value]`, grid: true, gridColor: '#bbbbbb', ticks: false, domain: false, labelFontWeight: 'bold' as const, labelFontSize: dense ? 10 : 12, labelPadding: 6 },
  };
  return { x, y };
}

function layersOf(p: Panel, stateDomain: string[], stateRange: string[], labels: boolean, dense: boolean) {
  const x2 = { field: 'x2' };
  const y2 = { field: 'y2' };
  const what = { field: 'what', type: 'nominal' as const };
  const raw = (field: string) => ({ field, type: 'nominal' as const, scale: null });
  const tip = { tooltip: what, description: what };
  const fontSize = dense ? 9 : 10;

  const layers: (UnitSpec<Field> & { name: string })[] = [
    {
      name: MARK.window,
      data: { values: p.windows },
      mark: { clip: true, type: 'rect', opacity: 0.16, strokeDash: [4, 3], strokeWidth: 1, strokeOpacity: 0.9 },
      encoding: { x2, y2, fill: raw('colour'), stroke: raw('colour'), ...tip },
    },
    {
      name: MARK.windowLabel,
      data: { values: p.windowLabels },
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 2, fontSize, fontStyle: 'italic' },
      encoding: { text: { field: 'text' }, color: raw('colour'), ...tip },
    },
    {
      name: MARK.stateBand,
      data: { values: p.bands },
      mark: { clip: true, type: 'rect', opacity: 0.9 },
      encoding: {
        x2, y2,
        color: { field: 'state', type: 'nominal' as const, title: 'state', scale: { domain: stateDomain, range: stateRange }, legend: { symbolType: 'square' } },
        ...tip,
      },
    },
    {
      name: MARK.stateLabel,
      data: { values: p.bandLabels },
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: fontSize - 1, color: '#333333', opacity: 0.85 },
      encoding: { text: { field: 'text' }, ...tip },
    },
    {
      name: MARK.timeout,
      data: { values: p.timeouts },
      mark: { clip: true, type: 'point', shape: 'diamond', size: 60, filled: true, color: 'white', stroke: '#555555', strokeWidth: 1.5, opacity: 1 },
      encoding: { ...tip },
    },
    {
      name: MARK.dropLine,
      data: { values: p.dropLines },
      mark: { clip: true, type: 'rule', strokeDash: [3, 3], color: '#b22222', strokeWidth: 1.2, opacity: 0.8 },
      encoding: { x2, y2, ...tip },
    },
    {
      name: MARK.dropCross,
      data: { values: p.crosses },
      mark: { clip: true, type: 'point', shape: 'cross', angle: 45, size: 110, filled: true, color: '#b22222', opacity: 1 },
      encoding: { ...tip },
    },
    {
      name: MARK.messageArrow,
      data: { values: p.arrows },
      mark: { clip: true, type: 'rule', strokeWidth: 1.4 },
      encoding: { x2, y2, color: raw('colour'), ...tip },
    },
    {
      name: MARK.messageHead,
      data: { values: p.heads },
      mark: { clip: true, type: 'point', shape: 'triangle-right', size: 70, filled: true, opacity: 1 },
      encoding: { angle: { field: 'angle', type: 'quantitative' as const, scale: null }, color: raw('colour'), ...tip },
    },
    {
      name: MARK.crash,
      data: { values: p.crashes },
      mark: { clip: true, type: 'rule', color: '#b22222', strokeWidth: 4 },
      encoding: { y2, ...tip },
    },
    {
      name: MARK.recover,
      data: { values: p.recoveries },
      mark: { clip: true, type: 'rule', color: '#2a7a2a', strokeWidth: 4 },
      encoding: { y2, ...tip },
    },
    {
      name: MARK.nodeEventLabel,
      data: { values: p.nodeLabels },
      mark: { type: 'text', align: 'center', baseline: 'bottom', fontSize, fontWeight: 'bold' },
      encoding: { text: { field: 'text' }, color: raw('colour'), ...tip },
    },
  ];
  if (labels) {
    // A white halo under each label, so that a label stays readable where it crosses a line.
    layers.push({
      name: MARK.messageLabelHalo,
      data: { values: p.arrowLabels },
      mark: { type: 'text', align: 'center', baseline: 'middle', fontSize, fill: 'white', stroke: 'white', strokeWidth: 3, strokeOpacity: 0.85 },
      encoding: { text: { field: 'text' }, ...tip },
    });
    layers.push({
      name: MARK.messageLabel,
      data: { values: p.arrowLabels },
      mark: { type: 'text', align: 'center', baseline: 'middle', fontSize },
      encoding: { text: { field: 'text' }, color: raw('colour'), ...tip },
    });
  }
  return layers;
}
