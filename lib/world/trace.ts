import type { Decision, LogRecord, Message, NodeId, Vote } from '../protocols/role';

/**
 * One thing that happened in a run, at virtual time `t`. Plain data.
 * `node` is always the node the event happened at (the receiver, for a delivery or a drop).
 */
export type TraceEvent =
  | { readonly t: number; readonly kind: 'start'; readonly node: NodeId; readonly vote?: Vote }
  | { readonly t: number; readonly kind: 'send'; readonly node: NodeId; readonly to: NodeId; readonly message: Message; readonly id: number }
  | { readonly t: number; readonly kind: 'deliver'; readonly node: NodeId; readonly from: NodeId; readonly message: Message; readonly id: number; readonly sentAt: number }
  | { readonly t: number; readonly kind: 'drop'; readonly node: NodeId; readonly from: NodeId; readonly message: Message; readonly id: number; readonly sentAt: number; readonly reason: string }
  | { readonly t: number; readonly kind: 'timeout'; readonly node: NodeId; readonly timer: string }
  | { readonly t: number; readonly kind: 'state'; readonly node: NodeId; readonly from: string; readonly to: string }
  | { readonly t: number; readonly kind: 'log'; readonly node: NodeId; readonly record: LogRecord }
  | { readonly t: number; readonly kind: 'decide'; readonly node: NodeId; readonly decision: Decision }
  | { readonly t: number; readonly kind: 'crash'; readonly node: NodeId; readonly noop?: true }
  | { readonly t: number; readonly kind: 'recover'; readonly node: NodeId; readonly noop?: true }
  | { readonly t: number; readonly kind: 'pause'; readonly node: NodeId; readonly until: number; readonly noop?: true }
  | { readonly t: number; readonly kind: 'resume'; readonly node: NodeId }
  | { readonly t: number; readonly kind: 'drift'; readonly node: NodeId; readonly rate: number }
  | { readonly t: number; readonly kind: 'window'; readonly node?: undefined; readonly fault: number; readonly what: 'cut' | 'partition' | 'slow'; readonly edge: 'open' | 'close'; readonly nodes: readonly NodeId[] };

export type TraceEventKind = TraceEvent['kind'];

/**
 * The one printer of events, used by `explain`, notebooks, errors and golden transcripts.
 * @example printEvent({ t: 3, kind: 'send', node: 'coordinator', to: 'v1', message: { type: 'commit' }, id: 7 })
 * // 't=3 coordinator -> v1 commit'
 */
export function printEvent(e: TraceEvent): string {
  const at = `t=${e.t}`;
  switch (e.kind) {
    case 'start':
      return `${at} ${e.node} starts${e.vote ? ` (will vote ${e.vote})` : ''}`;
    case 'send':
      return `${at} ${e.node} -> ${e.to} ${printMessage(e.message)}`;
    case 'deliver':
      return `${at} ${e.node} <- ${e.from} ${printMessage(e.message)}`;
    case 'drop':
      return `${at} ${e.from} -x ${e.node} ${printMessage(e.message)} (dropped: ${e.reason})`;
    case 'timeout':
      return `${at} ${e.node} timeout ${e.timer}`;
    case 'state':
      return `${at} ${e.node} ${e.from} => ${e.to}`;
    case 'log':
      return `${at} ${e.node} logs ${e.record.type}`;
    case 'decide':
      return `${at} ${e.node} decides ${e.decision}`;
    case 'crash':
      return `${at} ${e.node} crashes${e.noop ? ' (already down: nothing happens)' : ''}`;
    case 'recover':
      return `${at} ${e.node} recovers${e.noop ? ' (already up: nothing happens)' : ''}`;
    case 'pause':
      return `${at} ${e.node} pauses until t=${e.until}${e.noop ? ' (down or already paused: nothing happens)' : ''}`;
    case 'resume':
      return `${at} ${e.node} resumes`;
    case 'drift':
      return `${at} ${e.node}'s clock runs at ${e.rate}x true speed`;
    case 'window':
      return `${at} ${e.what} ${e.edge === 'open' ? 'begins' : 'ends'}: ${describeWindow(e)}`;
  }
}

/** `vote(yes)`, `commit`: the type, and a one-word payload where there is one. */
export function printMessage(m: Message): string {
  const fields = Object.keys(m).filter((k) => k !== 'type');
  if (fields.length === 0) return m.type;
  return `${m.type}(${fields.map((k) => (fields.length === 1 ? fmt(m[k]) : `${k}=${fmt(m[k])}`)).join(', ')})`;
}

function fmt(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function describeWindow(e: Extract<TraceEvent, { kind: 'window' }>): string {
  return e.what === 'partition' ? e.nodes.join(' | ') : `${e.nodes[0]} -> ${e.nodes[1]}`;
}
