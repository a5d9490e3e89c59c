// What a space-time diagram shows of a run, read from its trace once: messages (delivered or
// dropped, with short labels, resends grouped), state segments, crashes, timers and fault
// windows. No pixels here: space-time-layout.ts places these, space-time-layers.ts draws them.
import type { Message, NodeId } from '../protocols/role';
import type { Run } from '../world/simulate';
import { printEvent, printMessage, type TraceEvent } from '../world/trace';

/** What a space-time diagram reads of a run: its trace, its nodes and how it ended. A `Run` is one. */
export type Drawable = Pick<Run, 'trace' | 'nodes' | 'states' | 'verdict' | 'scenario'>;

/** One message on the diagram: an arrow if delivered, a dashed path ending in a cross if dropped. */
export interface MessageItem {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly sentAt: number;
  /** When it arrived, or was dropped. */
  readonly t: number;
  readonly dropped: boolean;
  /** The message's type, which picks its colour. */
  readonly type: string;
  /** Lost on the way (dropped at the tick it was sent): it never reached the receiver. */
  readonly lost: boolean;
  /** What the cross says: `lost`, `v1 down`, `cut`, `partition`. */
  readonly dropWord: string;
  /** The short label (`2a b0 v1`); the full message is in `what`. */
  readonly short: string;
  /** The texts to try as the label, longest first; empty when another arrow of its broadcast or repeat carries the label. */
  readonly labels: readonly string[];
  /** A second copy of a message a duplicating link delivered. */
  readonly copy: boolean;
  readonly what: string;
}

export interface StateSegment {
  readonly node: NodeId;
  readonly a: number;
  readonly b: number;
  readonly state: string;
  readonly what: string;
}

export interface NodeEvent {
  readonly node: NodeId;
  readonly t: number;
  readonly kind: 'crash' | 'recover' | 'timeout';
  readonly what: string;
}

export interface WindowItem {
  readonly kind: 'partition' | 'cut' | 'slow' | 'pause';
  readonly a: number;
  readonly b: number;
  /** The columns it spans. */
  readonly nodes: readonly NodeId[];
  readonly label: string;
  /** A shorter label, where the long one does not fit. */
  readonly shortLabel: string;
  readonly what: string;
}

export interface RunData {
  readonly nodes: readonly NodeId[];
  readonly messages: readonly MessageItem[];
  readonly segments: readonly StateSegment[];
  readonly nodeEvents: readonly NodeEvent[];
  readonly windows: readonly WindowItem[];
  /** Every tick at which something happens, sorted. */
  readonly ticks: readonly number[];
  readonly states: readonly string[];
}

/**
 * A message's label, short enough to sit on its arrow: Paxos Commit's phase messages as
 * `2a b0 v1` (phase, ballot, instance), anything else as printed when that is short, else its type.
 *
 * @example shortLabel({ type: 'phase2a', ins: 'v1', bal: 0, val: 'prepared', vote: 'yes' }) // '2a b0 v1'
 */
export function shortLabel(m: Message): string {
  const phase = /^phase(\d[ab])$/.exec(m.type);
  if (phase) {
    const ballot = m.mbal ?? m.bal;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a Paxos Commit ballot and instance are a number and a node name
    return [phase[1], ballot === undefined ? '' : `b${String(ballot)}`, m.ins === undefined ? '' : String(m.ins)].filter(Boolean).join(' ');
  }
  const printed = printMessage(m);
  return printed.length <= 16 ? printed : m.type;
}

/** Reads the trace once, keeping what falls in [from, to]. */
export function readRun(run: Drawable, from: number, to: number): RunData {
  const segments: StateSegment[] = [];
  const nodeEvents: NodeEvent[] = [];
  const windows: WindowItem[] = [];
  const raw: Omit<MessageItem, 'labels'>[] = [];
  const ticks = new Set<number>();
  const states = new Set<string>();
  const inView = (t: number) => t >= from && t <= to;

  // Each node's state: a segment is named by the event that ends it, since a `state`
  // event says what the node was in (`from`) as well as what it enters.
  const open = new Map<NodeId, { t: number; name: string | undefined }>();
  const firstFrom = new Map<NodeId, string>();
  for (const e of run.trace) if (e.kind === 'state' && !firstFrom.has(e.node)) firstFrom.set(e.node, e.from);
  const close = (node: NodeId, t: number, name: string) => {
    const seg = open.get(node);
    if (seg === undefined) return;
    open.delete(node);
    const a = Math.max(seg.t, from);
    const b = Math.min(t, to);
    // A state left at the tick it was entered takes no room: its events' tooltips tell it.
    if (b <= a) return;
    states.add(name);
    segments.push({ node, a, b, state: name, what: `${node} is ${name} from t=${seg.t} to t=${t}` });
  };
  const delivered = new Set<number>();
  const openWindows = new Map<number, Extract<TraceEvent, { kind: 'window' }>>();
  const addWindow = (e: Extract<TraceEvent, { kind: 'window' }>, until: number) => {
    const a = Math.max(e.t, from);
    const b = Math.min(until, to);
    if (b <= a) return;
    const span = `from t=${e.t}${until < to ? ` to t=${until}` : ''}`;
    if (e.what === 'partition') {
      const named = new Set(e.nodes.flatMap((g) => g.split(',')));
      const rest = run.nodes.filter((x) => !named.has(x));
      const groups = rest.length > 0 ? [...e.nodes, rest.length > 3 ? 'the others' : rest.join(',')] : [...e.nodes];
      const label = `partition ${groups.join(' | ')}`;
      windows.push({ kind: 'partition', a, b, nodes: run.nodes, label, shortLabel: 'partition', what: `${label}, ${span}` });
    } else {
      const label = `${e.what} ${e.nodes[0]} → ${e.nodes[1]}`;
      windows.push({ kind: e.what, a, b, nodes: [e.nodes[0], e.nodes[1]], label, shortLabel: e.what, what: `${label}, ${span}` });
    }
  };

  for (const e of run.trace) {
    if (inView(e.t) && e.kind !== 'log' && e.kind !== 'send') ticks.add(e.t);
    switch (e.kind) {
      case 'start':
        if (!open.has(e.node)) open.set(e.node, { t: e.t, name: undefined });
        break;
      case 'state':
        close(e.node, e.t, e.from);
        open.set(e.node, { t: e.t, name: e.to });
        break;
      case 'crash': {
        if (e.noop) break;
        const seg = open.get(e.node);
        close(e.node, e.t, seg?.name ?? firstFrom.get(e.node) ?? run.states[e.node] ?? 'init');
        open.set(e.node, { t: e.t, name: 'down' });
        if (inView(e.t)) nodeEvents.push({ node: e.node, t: e.t, kind: 'crash', what: printEvent(e) });
        break;
      }
      case 'recover':
        if (e.noop) break;
        close(e.node, e.t, 'down');
        open.set(e.node, { t: e.t, name: undefined });
        if (inView(e.t)) nodeEvents.push({ node: e.node, t: e.t, kind: 'recover', what: printEvent(e) });
        break;
      case 'timeout':
        if (inView(e.t)) nodeEvents.push({ node: e.node, t: e.t, kind: 'timeout', what: printEvent(e) });
        break;
      case 'pause': {
        if (e.noop) break;
        const a = Math.max(e.t, from);
        const b = Math.min(e.until, to);
        if (inView(e.until)) ticks.add(e.until);
        if (b > a)
          windows.push({ kind: 'pause', a, b, nodes: [e.node], label: `${e.node} paused`, shortLabel: 'paused', what: printEvent(e) });
        break;
      }
      case 'window':
        if (e.edge === 'open') openWindows.set(e.fault, e);
        else {
          const opened = openWindows.get(e.fault);
          openWindows.delete(e.fault);
          if (opened) addWindow(opened, e.t);
        }
        break;
      case 'deliver':
      case 'drop': {
        if (e.t < from || e.sentAt > to) break;
        if (inView(e.sentAt)) ticks.add(e.sentAt);
        const dropped = e.kind === 'drop';
        const copy = !dropped && delivered.has(e.id);
        if (!dropped) delivered.add(e.id);
        const short = shortLabel(e.message);
        const reason = dropped ? e.reason : '';
        raw.push({
          from: e.from,
          to: e.node,
          sentAt: e.sentAt,
          t: e.t,
          dropped,
          type: e.message.type,
          lost: dropped && e.t === e.sentAt,
          dropWord: reason === 'receiver down' ? `${e.node} down` : reason,
          short,
          copy,
          what: dropped ? printEvent(e) : `${printEvent(e)} (sent at t=${e.sentAt})${copy ? ', a second copy' : ''}`,
        });
        break;
      }
      default:
        break;
    }
  }
  for (const opened of openWindows.values()) addWindow(opened, to);
  for (const [node, seg] of open) close(node, to, seg.name ?? run.states[node] ?? 'init');
  ticks.add(from);
  ticks.add(to);
  return {
    nodes: run.nodes,
    messages: labelled(raw, run.nodes),
    segments,
    nodeEvents,
    windows,
    ticks: [...ticks].sort((a, b) => a - b),
    states: [...states],
  };
}

/**
 * Which arrows carry a label, and which text. A broadcast (one sender, one tick, one
 * message to several receivers) is labelled once, on its shortest arrow. A message sent
 * again and again on one link at a steady pace is labelled once, on its first send:
 * `commit ×5, every 10 ticks`.
 */
function labelled(raw: readonly Omit<MessageItem, 'labels'>[], nodes: readonly NodeId[]): MessageItem[] {
  const carries = raw.map(() => true);
  const fanout = raw.map(() => 1);
  const column = (n: NodeId) => nodes.indexOf(n);
  const span = (m: Omit<MessageItem, 'labels'>) => Math.abs(column(m.to) - column(m.from));
  // Broadcasts: one label per (sender, tick, message, fate), on the arrow to the nearest column.
  const broadcasts = new Map<string, number[]>();
  raw.forEach((m, i) => {
    if (m.copy) return;
    const key = `${m.from}|${m.sentAt}|${m.short}|${m.dropped ? m.dropWord : ''}`;
    broadcasts.set(key, [...(broadcasts.get(key) ?? []), i]);
  });
  for (const group of broadcasts.values()) {
    if (group.length < 2) continue;
    const keep = group.reduce((best, i) => (span(raw[i]) < span(raw[best]) ? i : best), group[0]);
    for (const i of group) if (i !== keep) carries[i] = false;
    fanout[keep] = group.length;
  }
  // Repeats: the labelled sends of one message on one link, at a steady pace, three or more.
  const links = new Map<string, number[]>();
  raw.forEach((m, i) => {
    if (!carries[i] || m.copy) return;
    const key = `${m.from}|${m.to}|${m.short}|${m.dropped ? m.dropWord : ''}|${fanout[i]}`;
    links.set(key, [...(links.get(key) ?? []), i]);
  });
  const repeats = raw.map(() => ({ count: 1, every: 0 }));
  for (const sends of links.values()) {
    let start = 0;
    while (start < sends.length) {
      let end = start + 1;
      const every = end < sends.length ? raw[sends[end]].sentAt - raw[sends[start]].sentAt : 0;
      while (end < sends.length && every > 0 && raw[sends[end]].sentAt - raw[sends[end - 1]].sentAt === every) end++;
      if (end - start >= 3) {
        repeats[sends[start]] = { count: end - start, every };
        for (let k = start + 1; k < end; k++) carries[sends[k]] = false;
        start = end;
      } else start++;
    }
  }
  return raw.map((m, i) => {
    if (!carries[i]) return { ...m, labels: [] };
    const base = m.copy ? `${m.short} (copy)` : m.short;
    const to = fanout[i] > 1 ? ` (to ${fanout[i]})` : '';
    const { count, every } = repeats[i];
    const labels =
      count > 1
        ? [`${base}${to} ×${count}, every ${every} ticks`, `${base} ×${count}, every ${every}`, `${base} ×${count}`]
        : fanout[i] > 1
          ? [`${base}${to}`, base]
          : [base];
    return { ...m, labels };
  });
}
