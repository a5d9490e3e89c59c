import type { Window } from '../faults/window';
import type { Fault } from '../scenario/types';
import type { EventHeap } from './heap';
import type { NodeRuntime, Scheduled } from './runtime';
import { stateKey } from './state-key';

/**
 * The world's state as a string, for the explorer: each node's role state, liveness, pause, log,
 * decision, clock and held-back events, every live entry of the event queue and every window of
 * a cut or partition, with times relative to `now` (and `now` itself). Two worlds with the same
 * fingerprint run the same from here on, when the network draws no random numbers.
 */
export function fingerprint(
  now: number,
  nodes: readonly NodeRuntime[],
  heap: EventHeap<Scheduled>,
  windows: readonly (Window | null)[],
  faults: readonly Fault[],
): string {
  const parts: string[] = [String(now)];
  for (const n of nodes) {
    if (n.clock !== 1) parts.push(`${n.id} clock ${n.clock}`);
    parts.push(
      `${n.id}:${n.up ? 1 : 0}${n.started ? 1 : 0}:${n.pausedUntil < 0 ? -1 : n.pausedUntil - now}:${n.durable.decision}:${n.durable.log.map((r) => r.type).join(',')}:${stateKey(n.state)}:${n.deferred.length}`,
    );
    for (const d of n.deferred) parts.push(`  ${scheduledKey(d, now)}`);
  }
  const queued: string[] = [];
  heap.forEach((s) => {
    const node = s.node;
    if (s.kind === 'timer' && (node === null || !node.up || node.epoch !== s.epoch || node.timer(s.name) !== s.generation)) return; // stale
    if ((s.kind === 'sends' || s.kind === 'resume') && (node === null || !node.up || node.epoch !== s.epoch)) return;
    queued.push(scheduledKey(s, now));
  });
  parts.push(...queued.sort());
  windows.forEach((w, i) => {
    if (w === null) return;
    const opens = w.opensAt === Infinity ? 'shut' : w.opensAt <= now ? 'opened' : w.opensAt - now;
    const closes = w.closesAt === Infinity ? 'never' : w.closesAt <= now ? 'closed' : w.closesAt - now;
    const f = faults[i];
    const link =
      f.kind === 'partition'
        ? JSON.stringify(f.groups)
        : f.kind === 'cut' || f.kind === 'slow'
          ? `${f.from}>${f.to}${f.kind === 'slow' ? `+${f.extraTicks}` : ''}`
          : '';
    parts.push(`w:${f.kind}:${link}:${opens}:${closes}`);
  });
  return parts.join('\n');
}

function scheduledKey(s: Scheduled, now: number): string {
  const e = s.envelope;
  const message = e === null ? '' : `${e.from}>${e.to}:${JSON.stringify(e.message)}:${e.dropped ?? ''}`;
  const what =
    s.kind === 'timer' || s.kind === 'deliver'
      ? s.name
      : s.kind === 'fault'
        ? `${s.name}${s.faultIndex}`
        : s.kind === 'sends'
          ? JSON.stringify(s.outputs!.slice(s.nextSend))
          : '';
  return `${s.t - now}:${s.kind}:${s.node?.id ?? ''}:${what}:${message}`;
}
