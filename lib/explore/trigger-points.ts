import { afterReceive, afterSend, onEnter } from '../scenario/builders';
import type { Trigger } from '../scenario/types';
import type { NodeId } from '../protocols/role';
import type { TraceEvent } from '../world/trace';

/** A place in a run where a fault can go: right after one send, receive or state entry. */
export interface TriggerPoint {
  /** The event's index in the run's trace. */
  readonly index: number;
  readonly t: number;
  readonly node: NodeId;
  readonly event: 'send' | 'receive' | 'enter';
  /** The other end of the message, for a send or a receive. */
  readonly peer?: NodeId;
  readonly trigger: Trigger;
  /** Nodes that are down right after this event. */
  readonly down: readonly NodeId[];
}

/**
 * Every trigger point of a traced run, in trace order, each named the way a scenario
 * names it (`afterSend('coordinator', 'commit', { to: 'v1', nth: 1 })`), so that a fault
 * placed there fires at exactly that event on a replay. Points after `settledAfter`
 * ticks of no change (no state change, log write, decision, crash or recovery) are left
 * out: from there a run only retries, and a fault there meets a state met one round before.
 *
 * @example triggerPoints(simulate({ protocol: twoPhaseCommit(), voters: 2 }).trace, 30).length
 */
export function triggerPoints(trace: readonly TraceEvent[], settledAfter: number): TriggerPoint[] {
  let lastChange = 0;
  for (const e of trace) if (e.kind === 'state' || e.kind === 'log' || e.kind === 'decide' || e.kind === 'crash' || e.kind === 'recover' || e.kind === 'resume' || e.kind === 'window') lastChange = e.t;
  const until = lastChange + settledAfter;
  const counts = new Map<string, number>();
  const nth = (key: string) => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };
  // One array per change of who is down, shared by every point until the next change.
  let down: readonly NodeId[] = [];
  const points: TriggerPoint[] = [];
  // The node whose receive was the last point, while nothing but its own step has happened since.
  let justReceived: NodeId | null = null;
  for (let index = 0; index < trace.length; index++) {
    const e = trace[index];
    if (e.t > until) break;
    if (e.kind === 'crash' && !e.noop && !down.includes(e.node)) down = [...down, e.node];
    else if (e.kind === 'recover' && !e.noop) down = down.filter((n) => n !== e.node);
    // A state entered in the step of a receive is the same moment as that receive (both
    // fire before the node's first reply): a fault there is the same fault, so one point serves.
    const sameMoment = e.kind === 'state' && e.node === justReceived;
    if (e.kind !== 'log' && e.kind !== 'decide' && !sameMoment) justReceived = null;
    if (e.kind === 'send') {
      const n = nth(`s ${e.node} ${e.to} ${e.message.type}`);
      points.push({ index, t: e.t, node: e.node, event: 'send', peer: e.to, trigger: afterSend(e.node, e.message.type, { to: e.to, nth: n }), down });
    } else if (e.kind === 'deliver') {
      const n = nth(`r ${e.node} ${e.from} ${e.message.type}`);
      justReceived = e.node;
      points.push({ index, t: e.t, node: e.node, event: 'receive', peer: e.from, trigger: afterReceive(e.node, e.message.type, { from: e.from, nth: n }), down });
    } else if (e.kind === 'state') {
      const n = nth(`e ${e.node} ${e.to}`);
      if (!sameMoment) points.push({ index, t: e.t, node: e.node, event: 'enter', trigger: onEnter(e.node, e.to, { nth: n }), down });
    }
  }
  return points;
}
