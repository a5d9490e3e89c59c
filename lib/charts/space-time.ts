import type { TopLevelSpec } from 'vega-lite';
import { ScenarioError } from '../scenario/error';
import { protocolLabel } from '../protocols/label';
import { OTHER_STATE_COLOURS, STATE_COLOURS } from './colours';
import { readRun, type Drawable } from './space-time-data';
import { layersOf, MARK } from './space-time-layers';
import { geometry, place, textWidth, TimeAxis, HEADER_PX, type Misses, type Placed } from './space-time-layout';
import { SCHEMA } from './schema';

export { MARK, SPACE_TIME_LAYERS, type LayerBuilder, type Layer } from './space-time-layers';
export { shortLabel, type Drawable } from './space-time-data';

/** Options of `spaceTime`. */
export interface SpaceTimeOptions {
  /** The chart's title, or one per run. @defaultValue the protocol and the verdict */
  readonly title?: string | readonly string[];
  /** The first tick shown. @defaultValue 0 */
  readonly from?: number;
  /** The last tick shown. @defaultValue one retry after the last change of the longest run */
  readonly to?: number;
  /** Width of each run's panel in pixels. @defaultValue room for the node names and a label between two columns */
  readonly width?: number;
  /** Write each message's label on its arrow. @defaultValue true */
  readonly labels?: boolean;
}

/** How many times the layout may make busy ticks taller before it leaves a label out. */
const LAYOUT_ROUNDS = 12;

/**
 * A space-time diagram of a run, drawn as the readings draw them: one column per node,
 * time running down; an arrow per delivered message with a short label (`2a b0 v1`; the
 * whole message in its tooltip), a dashed path and a named cross per dropped one; crash and
 * recover bars; shaded windows for partitions, cuts, slow links and pauses; each node's
 * state as a band down its column; a key naming every kind of mark. No two texts overlap:
 * busy ticks get the room their labels need, idle stretches are squeezed and marked, a
 * broadcast is labelled once and a steady resend once (`commit ×5, every 10 ticks`).
 * Given several runs, draws them side by side on one time axis, each titled.
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
  const data = runs.map((r) => readRun(r, from, to));
  if (options.labels === false) data.forEach((d) => d.messages.forEach((m) => ((m as { labels: readonly string[] }).labels = [])));

  // One colour per state across every panel, so that `prepared` looks the same side by side.
  const seen = new Set(data.flatMap((d) => d.states));
  const stateDomain = [...Object.keys(STATE_COLOURS).filter((s) => seen.has(s)), ...[...seen].filter((s) => !(s in STATE_COLOURS))];
  const named = Object.keys(STATE_COLOURS).filter((k) => seen.has(k)).length;
  const colours = new Map(
    stateDomain.map((s, i) => [s, STATE_COLOURS[s] ?? OTHER_STATE_COLOURS[(i - named) % OTHER_STATE_COLOURS.length]]),
  );
  const stateColour = (s: string) => colours.get(s) ?? OTHER_STATE_COLOURS[0];
  data.forEach((d) => (d as { states: readonly string[] }).states = stateDomain.filter((s) => d.states.includes(s)));

  // One time axis for every panel; a label with no room makes the ticks it spans taller.
  const axis = new TimeAxis([...new Set(data.flatMap((d) => d.ticks))].sort((a, b) => a - b), HEADER_PX + 8);
  const shapes = geometry(data, options.width);
  let placed: Placed[] = [];
  for (let round = 0; ; round++) {
    const results = data.map((d, i) => place(d, shapes[i], axis, stateColour));
    placed = results.map((r) => r.placed);
    const misses: Misses = results.flatMap((r) => r.misses);
    if (misses.length === 0 || round === LAYOUT_ROUNDS) break;
    let grew = false;
    for (const [a, b] of misses) grew = axis.widen(a, b, 12) || grew;
    if (!grew) break;
  }
  // Every panel as tall as the tallest, so that their time axes line up.
  const height = Math.max(...placed.map((p) => p.height));

  const titles = runs.map((r, i) => titleOf(r, runs, options.title, i));
  const panels = placed.map((p, i) => ({
    title: titleSpec(titles[i], cutShort ? plainSubtitle(to, last) : undefined, p.width),
    width: p.width,
    height,
    layer: layersOf(p, runs[i]).map((l) => (runs.length > 1 ? { ...l, name: `${l.name}_p${i + 1}` } : l)),
  }));
  const description = runs.map(describe).join('\n');
  const config = { view: { stroke: null }, title: { subtitleColor: '#555555' } };
  // What the chart shows, for tests and tools: vega-lite keeps `usermeta` and ignores it.
  const usermeta = { from, to, last };
  if (panels.length === 1) return { $schema: SCHEMA, description, usermeta, ...panels[0], config };
  return { $schema: SCHEMA, description, usermeta, hconcat: panels, spacing: 24, config };
}

/** Says where the chart stops and how to see the rest, in lines that fit the panel. */
function plainSubtitle(to: number, last: number): string[] {
  return [`Stops at t=${to}; after it, only retries until t=${last}.`, `spaceTime(run, { to: ${last + 1} }) shows them all.`];
}

function titleSpec(text: string, subtitle: string[] | undefined, width: number) {
  // A title wider than its panel is written on several lines, whole, so that side-by-side
  // titles never run into each other; `limit` only guards a single word too long for the panel.
  return {
    text: lines(text, 13, width, true), anchor: 'start' as const, fontSize: 13, limit: width,
    ...(subtitle ? { subtitle: subtitle.flatMap((l) => lines(l, 10, width)), subtitleFontSize: 10, subtitlePadding: 3 } : {}),
  };
}

/** Breaks a text between words into lines no wider than `width` pixels. */
function lines(text: string, fontSize: number, width: number, bold = false): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, fontSize, bold) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  out.push(line);
  return out;
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

/**
 * The last tick at which something other than a retry happened, plus time for one retry.
 * A message sent by then and arriving later (a reply delayed past the sender's timeout) is
 * part of the story, not a retry: the chart runs until it arrives.
 */
function lastChange(run: Drawable): number {
  let last = 0;
  for (const e of run.trace) {
    if (e.kind === 'state' || e.kind === 'decide' || e.kind === 'start' || (e.kind === 'crash' && !e.noop) || (e.kind === 'recover' && !e.noop) || e.kind === 'window' || e.kind === 'resume') last = Math.max(last, e.t);
    if (e.kind === 'pause' && !e.noop) last = Math.max(last, e.until);
  }
  let arrivals = last;
  for (const e of run.trace) if (e.kind === 'deliver' && e.sentAt <= last) arrivals = Math.max(arrivals, e.t);
  const timeout = run.scenario.protocol.timeout;
  return Math.max(last + (typeof timeout === 'number' ? timeout + 3 : 12), arrivals);
}

void MARK;
