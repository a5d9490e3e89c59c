// Where everything of a space-time diagram goes, in pixels, computed here because Vega-Lite
// cannot keep labels apart by itself. Time runs down, one column per node, as in the
// article's figures. A tick where something happens gets the room its labels need; a
// stretch where nothing happens is squeezed into one short gap, marked. Every text is put
// only where its box is free of every text placed before it; a message label that finds no
// room makes the ticks it spans taller, and the layout is done again.
import type { NodeId } from '../protocols/role';
import { DEFAULT_MESSAGE_COLOUR, MARK_COLOURS, MESSAGE_COLOURS, WINDOW_COLOURS } from './colours';
import type { MessageItem, RunData } from './space-time-data';

/** A text's box, in pixels of the plot. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * A text's width in pixels, a little over what a browser draws with a common sans-serif
 * (DejaVu Sans, Arial, Helvetica): wide enough that two texts kept apart here stay apart there.
 *
 * @example textWidth('prepare', 10) // about 40
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    if ("il.,:;!|'j".includes(c)) em += 0.3;
    else if ('frt()[] '.includes(c)) em += 0.42;
    else if ('mw'.includes(c)) em += 0.98;
    else if ('×=+→<>#%&@'.includes(c)) em += 0.86;
    else if (c >= 'A' && c <= 'Z') em += 0.78;
    else em += 0.64;
  }
  return em * fontSize * (bold ? 1.1 : 1) + 2;
}

/** A text's height in pixels, with its line gap. */
export function textHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.3) + 1;
}

/** The boxes of the texts placed so far, and the area they must stay in. */
export class Boxes {
  private readonly boxes: Box[] = [];
  constructor(private readonly area: Box) {}

  /** True when the box is inside the area and clear of every box placed (with a pixel's margin). */
  free(b: Box): boolean {
    const a = this.area;
    if (b.x < a.x || b.y < a.y || b.x + b.w > a.x + a.w || b.y + b.h > a.y + a.h) return false;
    return !this.boxes.some((o) => o.x < b.x + b.w + 1 && b.x < o.x + o.w + 1 && o.y < b.y + b.h + 1 && b.y < o.y + o.h + 1);
  }

  add(b: Box): void {
    this.boxes.push(b);
  }

  /** Takes the first free box of the candidates, or none. */
  take(candidates: readonly Box[]): Box | undefined {
    const b = candidates.find((c) => this.free(c));
    if (b) this.add(b);
    return b;
  }
}

/** A text anchored at (x, y), aligned left, right or centre, its middle at y. */
export function boxAt(x: number, y: number, text: string, fontSize: number, align: 'left' | 'right' | 'center', bold = false): Box {
  const w = textWidth(text, fontSize, bold);
  const h = textHeight(fontSize);
  const left = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
  return { x: left, y: y - h / 2, w, h };
}

const TICK_PX = 30;
const IDLE_TICK_PX = 10;
const SQUEEZED_PX = 34;
const MAX_SEGMENT_PX = 160;
/** Idle stretches longer than this many ticks are squeezed. */
const IDLE_TICKS = 3;

/**
 * Virtual time down the page: the ticks kept as rows, and the height of each gap between
 * two rows. A gap of more than one tick is a squeezed idle stretch.
 */
export class TimeAxis {
  readonly rows: number[] = [];
  readonly heights: number[] = [];

  constructor(
    eventTicks: readonly number[],
    readonly top: number,
  ) {
    const events = new Set(eventTicks);
    for (let k = 0; k < eventTicks.length; k++) {
      const a = eventTicks[k];
      this.rows.push(a);
      const b = eventTicks[k + 1];
      if (b === undefined) break;
      if (b - a > IDLE_TICKS) {
        this.heights.push(SQUEEZED_PX);
        continue;
      }
      for (let t = a; t < b; t++) {
        if (t > a) this.rows.push(t);
        this.heights.push(events.has(t) || events.has(t + 1) ? TICK_PX : IDLE_TICK_PX);
      }
    }
  }

  get from(): number {
    return this.rows[0];
  }

  get to(): number {
    return this.rows[this.rows.length - 1];
  }

  /** The pixel row of a time in [from, to]; between two rows, in proportion. */
  y(t: number): number {
    let y = this.top;
    for (let k = 0; k < this.heights.length; k++) {
      const a = this.rows[k];
      const b = this.rows[k + 1];
      if (t <= b) return y + ((Math.max(t, a) - a) / (b - a)) * this.heights[k];
      y += this.heights[k];
    }
    return y;
  }

  get bottom(): number {
    return this.y(this.to);
  }

  /** The squeezed idle stretches, as [from, to] tick pairs. */
  squeezed(): [number, number][] {
    return this.heights.flatMap((_, k) =>
      this.rows[k + 1] - this.rows[k] > 1 ? [[this.rows[k], this.rows[k + 1]] as [number, number]] : [],
    );
  }

  /** Gives the gaps between times a and b more room; false when they are already as tall as allowed. */
  widen(a: number, b: number, px: number): boolean {
    let grew = false;
    for (let k = 0; k < this.heights.length; k++) {
      const overlaps = this.rows[k] < Math.max(b, a + 0.5) && this.rows[k + 1] > a;
      if (overlaps && this.heights[k] < MAX_SEGMENT_PX) {
        this.heights[k] = Math.min(MAX_SEGMENT_PX, this.heights[k] + px);
        grew = true;
      }
    }
    return grew;
  }
}

/** The left gutter holds the times; the header, the node names. */
export const GUTTER_PX = 50;
export const HEADER_PX = 30;
export const FONT = { label: 10, small: 9, node: 11, legend: 10 } as const;

export interface Geometry {
  readonly width: number;
  readonly columnPx: number;
  readonly nodes: readonly NodeId[];
}

/** Column widths: room for the node names and for a short label between two columns. */
export function geometry(data: readonly RunData[], width: number | undefined): Geometry[] {
  return data.map((d) => {
    const n = d.nodes.length;
    const names = Math.max(...d.nodes.map((x) => textWidth(x, FONT.node, true)));
    const natural = Math.min(120, Math.max(n > 7 ? 62 : 96, names + 12));
    const columnPx = width === undefined ? natural : Math.max(names + 6, (width - GUTTER_PX - 8) / n);
    return { width: Math.round(GUTTER_PX + columnPx * n + 8), columnPx, nodes: d.nodes };
  });
}

export interface Point {
  readonly x: number;
  readonly y: number;
}
type Datum = Record<string, unknown> & { readonly what: string };

/** Everything one panel draws, in pixels, by layer. */
export interface Placed {
  readonly width: number;
  readonly height: number;
  readonly lanes: Datum[];
  readonly nodeNames: Datum[];
  readonly times: Datum[];
  readonly idle: Datum[];
  readonly idleLabels: Datum[];
  readonly windows: Datum[];
  readonly windowLabels: Datum[];
  readonly bands: Datum[];
  readonly stateLabels: Datum[];
  readonly arrows: Datum[];
  readonly heads: Datum[];
  readonly dropLines: Datum[];
  readonly crosses: Datum[];
  readonly messageLabels: Datum[];
  readonly crashes: Datum[];
  readonly recoveries: Datum[];
  readonly nodeLabels: Datum[];
  readonly timeouts: Datum[];
  readonly legend: Datum[];
  /** Where time t is, for layers added later (a lease interval, say). */
  readonly y: (t: number) => number;
  /** Where node n's column is. */
  readonly x: (node: NodeId) => number;
}

/** The ticks each message label that found no room spans, for the axis to widen. */
export type Misses = [number, number][];

/** Places one panel on the shared time axis; the labels that found no room come back as misses. */
export function place(d: RunData, g: Geometry, axis: TimeAxis, stateColour: (s: string) => string): { placed: Placed; misses: Misses } {
  const x = (node: NodeId) => GUTTER_PX + g.columnPx * (Math.max(0, g.nodes.indexOf(node)) + 0.5);
  const y = (t: number) => axis.y(t);
  const bottom = axis.bottom;
  const boxes = new Boxes({ x: 0, y: 0, w: g.width, h: bottom + 12 });
  const misses: Misses = [];
  const p: Placed = {
    width: g.width,
    height: 0,
    lanes: [],
    nodeNames: [],
    times: [],
    idle: [],
    idleLabels: [],
    windows: [],
    windowLabels: [],
    bands: [],
    stateLabels: [],
    arrows: [],
    heads: [],
    dropLines: [],
    crosses: [],
    messageLabels: [],
    crashes: [],
    recoveries: [],
    nodeLabels: [],
    timeouts: [],
    legend: [],
    y,
    x,
  };

  // Node names on top, a thin line down each column.
  for (const node of g.nodes) {
    const box = boxAt(x(node), HEADER_PX / 2 - 2, node, FONT.node, 'center', true);
    boxes.add(box);
    p.nodeNames.push({ x: x(node), y: HEADER_PX / 2 - 2, text: node, what: node });
    p.lanes.push({ x: x(node), y: HEADER_PX - 6, y2: bottom + 6, what: node });
  }
  // Times in the gutter, at every row where something happens; squeezed stretches marked.
  const events = new Set(d.ticks);
  for (const t of axis.rows) {
    if (!events.has(t)) continue;
    const text = `t=${t}`;
    const box = boxAt(GUTTER_PX - 8, y(t), text, FONT.small, 'right');
    if (boxes.free(box)) {
      boxes.add(box);
      p.times.push({ x: GUTTER_PX - 8, y: y(t), text, what: `virtual time ${t}` });
    }
  }
  for (const [a, b] of axis.squeezed()) {
    const mid = (y(a) + y(b)) / 2;
    const what = `t=${a} to t=${b}: ${b - a - 1} ticks in which nothing happens, squeezed`;
    p.idle.push({ x: 4, x2: g.width - 4, y: mid, what });
    const text = `${b - a - 1} idle`;
    const box = boxAt(GUTTER_PX - 8, mid, text, FONT.small, 'right');
    if (boxes.free(box)) {
      boxes.add(box);
      p.idleLabels.push({ x: GUTTER_PX - 8, y: mid, text, what });
    }
  }

  // Fault windows, shaded, named at their top left where the name fits.
  for (const w of d.windows) {
    const cols = w.nodes.map((n) => g.nodes.indexOf(n)).filter((i) => i >= 0);
    const wide = w.kind === 'partition';
    const x1 = wide ? GUTTER_PX : GUTTER_PX + g.columnPx * (Math.min(...cols) + 0.08);
    const x2 = wide ? g.width - 4 : GUTTER_PX + g.columnPx * (Math.max(...cols) + 0.92);
    const colour = WINDOW_COLOURS[w.kind];
    p.windows.push({ x: x1, x2, y: y(w.a), y2: y(w.b), colour, what: w.what });
    for (const text of [w.label, w.shortLabel]) {
      const box = boxes.take(
        [boxAt(x1 + 3, y(w.a) + 8, text, FONT.small, 'left'), boxAt(x1 + 3, y(w.b) - 8, text, FONT.small, 'left')].filter(
          (b) => b.y + b.h <= y(w.b) + 1 || y(w.b) - y(w.a) < 14,
        ),
      );
      if (box) {
        p.windowLabels.push({ x: box.x + 1, y: box.y + box.h / 2, text, colour, what: w.what });
        break;
      }
    }
  }

  // States: a band down each column, named beside it where there is room (after the messages).
  for (const s of d.segments) {
    p.bands.push({
      x: x(s.node) - 4,
      x2: x(s.node) + 4,
      y: y(s.a),
      y2: y(s.b),
      state: s.state,
      colour: stateColour(s.state),
      what: s.what,
    });
  }

  // Crashes and recoveries: a bar across the column, named beside it.
  for (const e of d.nodeEvents) {
    const cx = x(e.node);
    const cy = y(e.t);
    if (e.kind === 'timeout') {
      p.timeouts.push({ x: cx, y: cy, what: e.what });
      continue;
    }
    const crash = e.kind === 'crash';
    (crash ? p.crashes : p.recoveries).push({ x: cx - 13, x2: cx + 13, y: cy, what: e.what });
    const text = e.kind;
    const box = boxes.take([
      boxAt(cx + 16, cy, text, FONT.label, 'left', true),
      boxAt(cx - 16, cy, text, FONT.label, 'right', true),
      boxAt(cx + 16, cy - 10, text, FONT.label, 'left', true),
      boxAt(cx - 16, cy - 10, text, FONT.label, 'right', true),
      boxAt(cx + 16, cy + 10, text, FONT.label, 'left', true),
      boxAt(cx - 16, cy + 10, text, FONT.label, 'right', true),
    ]);
    if (box)
      p.nodeLabels.push({
        x: box.x + 1,
        y: box.y + box.h / 2,
        text,
        colour: crash ? MARK_COLOURS.crash : MARK_COLOURS.recover,
        what: e.what,
      });
  }

  // Messages: an arrow each, a dashed path and a cross for a dropped one, labels where they fit.
  const drawn = new Map<string, number>();
  for (const m of d.messages) placeMessage(m);

  function placeMessage(m: MessageItem) {
    const colour = m.dropped ? MARK_COLOURS.drop : (MESSAGE_COLOURS[m.type] ?? DEFAULT_MESSAGE_COLOUR);
    const from = Math.max(m.sentAt, axis.from);
    const sx = x(m.from);
    const ex = x(m.to);
    // Clip to the window of time shown, in ticks, before turning ticks into pixels.
    const span = m.t - m.sentAt;
    const at = (t: number) => (span === 0 ? sx : sx + ((ex - sx) * (t - m.sentAt)) / span);
    let start: Point = { x: at(from), y: y(from) };
    let end: Point;
    if (m.lost) {
      // Never left the network: the cross sits on its way, halfway to the next column, never on another node's column.
      const columns = Math.abs(g.nodes.indexOf(m.to) - g.nodes.indexOf(m.from)) || 1;
      const f = 0.5 / columns;
      const next = Math.min(m.sentAt + 1, axis.to);
      const dy = next > m.sentAt ? y(next) - y(m.sentAt) : TICK_PX;
      start = { x: sx, y: y(m.sentAt) };
      end = { x: sx + (ex - sx) * f, y: y(m.sentAt) + dy * f };
    } else {
      const until = Math.min(m.t, axis.to);
      end = { x: at(until), y: y(until) };
    }
    // A copy delivered with no delay of its own would lie exactly on its original: move it down a little.
    const key = `${start.x},${start.y},${end.x},${end.y}`;
    const under = drawn.get(key) ?? 0;
    drawn.set(key, under + 1);
    if (under > 0) {
      start = { x: start.x, y: start.y + 5 * under };
      end = { x: end.x, y: end.y + 5 * under };
    }
    if (m.dropped) {
      p.dropLines.push({ x: start.x, y: start.y, x2: end.x, y2: end.y, what: m.what });
      if (m.t <= axis.to) p.crosses.push({ x: end.x, y: end.y, what: m.what });
    } else {
      p.arrows.push({ x: start.x, y: start.y, x2: end.x, y2: end.y, colour, what: m.what });
      if (m.t <= axis.to) {
        const length = Math.hypot(end.x - start.x, end.y - start.y);
        const back = length > 0 ? Math.min(5, length / 2) / length : 0;
        p.heads.push({
          x: end.x - (end.x - start.x) * back,
          y: end.y - (end.y - start.y) * back,
          angle: (Math.atan2(end.y - start.y, end.x - start.x) * 180) / Math.PI,
          colour,
          what: m.what,
        });
      }
    }
    if (m.labels.length === 0) return;
    const texts = m.dropped ? [...m.labels.map((l) => `${l}: ${m.dropWord}`), m.dropWord] : m.labels;
    const along = (f: number): Point => ({ x: start.x + (end.x - start.x) * f, y: start.y + (end.y - start.y) * f });
    for (const text of texts) {
      const candidates: Box[] = [];
      const points = m.dropped ? [1, 0.5] : [0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85];
      for (const f of points) {
        const pt = along(f);
        if (!m.dropped) candidates.push(boxAt(pt.x, pt.y, text, FONT.label, 'center'));
        candidates.push(boxAt(pt.x + 7, pt.y, text, FONT.label, 'left'), boxAt(pt.x - 7, pt.y, text, FONT.label, 'right'));
      }
      const box = boxes.take(candidates);
      if (box) {
        p.messageLabels.push({ x: box.x + box.w / 2, y: box.y + box.h / 2, text, colour, what: m.what });
        return;
      }
    }
    misses.push([m.sentAt, Math.max(m.t, m.sentAt + 1)]);
  }

  for (const s of d.segments) {
    if (y(s.b) - y(s.a) < textHeight(FONT.small) + 2) continue;
    const cx = x(s.node);
    const top = y(s.a) + textHeight(FONT.small) / 2 + 1;
    const box = boxes.take([boxAt(cx + 7, top, s.state, FONT.small, 'left'), boxAt(cx - 7, top, s.state, FONT.small, 'right')]);
    if (box) p.stateLabels.push({ x: box.x + 1, y: box.y + box.h / 2, text: s.state, what: s.what });
  }

  return { placed: { ...p, height: legend(p, d, axis, g, stateColour) }, misses };
}

/** A key below the plot naming every kind of mark drawn, states with their colours; returns the chart's height. */
function legend(p: Placed, d: RunData, axis: TimeAxis, g: Geometry, stateColour: (s: string) => string): number {
  type Entry = { text: string; symbol: 'arrow' | 'dashed' | 'cross' | 'bar' | 'diamond' | 'swatch' | 'window'; colour: string };
  const entries: Entry[] = [];
  const types = new Set(d.messages.filter((m) => !m.dropped).map((m) => m.type));
  const coloured = [...types].filter((t) => MESSAGE_COLOURS[t] !== undefined);
  if ([...types].some((t) => MESSAGE_COLOURS[t] === undefined))
    entries.push({ text: 'message', symbol: 'arrow', colour: DEFAULT_MESSAGE_COLOUR });
  for (const t of coloured) entries.push({ text: t, symbol: 'arrow', colour: MESSAGE_COLOURS[t] });
  if (d.messages.some((m) => m.dropped)) entries.push({ text: 'dropped', symbol: 'cross', colour: MARK_COLOURS.drop });
  if (d.nodeEvents.some((e) => e.kind === 'crash')) entries.push({ text: 'crash', symbol: 'bar', colour: MARK_COLOURS.crash });
  if (d.nodeEvents.some((e) => e.kind === 'recover')) entries.push({ text: 'recover', symbol: 'bar', colour: MARK_COLOURS.recover });
  if (d.nodeEvents.some((e) => e.kind === 'timeout'))
    entries.push({ text: 'timer fires', symbol: 'diamond', colour: MARK_COLOURS.timerStroke });
  const windowWords = { partition: 'partition', cut: 'cut link', slow: 'slow link', pause: 'paused' } as const;
  for (const kind of ['partition', 'cut', 'slow', 'pause'] as const) {
    if (d.windows.some((w) => w.kind === kind)) entries.push({ text: windowWords[kind], symbol: 'window', colour: WINDOW_COLOURS[kind] });
  }
  if (axis.squeezed().length > 0) entries.push({ text: 'idle ticks squeezed', symbol: 'dashed', colour: MARK_COLOURS.idle });
  const seen = new Set(d.segments.map((s) => s.state));
  for (const s of d.states) if (seen.has(s)) entries.push({ text: s, symbol: 'swatch', colour: stateColour(s) });

  const row = 16;
  let cx = 6;
  let cy = axis.bottom + 22;
  for (const e of entries) {
    const w = 18 + textWidth(e.text, FONT.legend) + 12;
    if (cx + w > g.width - 4 && cx > 6) {
      cx = 6;
      cy += row;
    }
    p.legend.push({ x: cx, y: cy, symbol: e.symbol, colour: e.colour, text: e.text, tx: cx + 18, what: `key: ${e.text}` });
    cx += w;
  }
  return Math.ceil(cy + row / 2 + 4);
}
