import type { NodeId } from '../protocols/role';
import type { TraceEvent } from '../world/trace';
import type { Check, Judged, LockVerdict } from './types';

/** One write that reached the store, as the checker sees it. */
export interface JudgedWrite {
  readonly client: NodeId;
  /** The token of the grant the client held when it sent the write (from the lock's grants, not the message). */
  readonly token: number;
  readonly sentAt: number;
  /** When the store answered. */
  readonly at: number;
  readonly outcome: 'accepted' | 'rejected';
  /** When the lock granted the next token, if it did before the store answered: the lease had ended by then. */
  readonly leaseEndedBy: number | null;
  /** The newer holder's accepted write this one came after, if any: the write that makes the run unsafe. */
  readonly after: { readonly client: NodeId; readonly token: number; readonly at: number } | null;
}

/** `lockSafety`'s finding: a `Check`, the verdict, and every write with what became of it. */
export interface LockSafety extends Check {
  readonly verdict: LockVerdict;
  readonly writes: readonly JudgedWrite[];
}

/**
 * Safety of the store a lease lock protects (DDIA ch. 8, fig. 8-4). The run is `unsafe`
 * when the store accepted a write from a client whose lease had ended, after it had
 * accepted a write from a client granted the lock later: the stale holder's write lands
 * on top of the new holder's, as client 1's does in DDIA's figure. A stale write that
 * reaches the store before any newer holder's is not counted: the store's history is
 * then the same as if it had come in time (this model's clients only write; a client
 * that read and then wrote would need more).
 *
 * It reads the trace, never the store's state: the lock's `granted` sends (a new token is
 * a new grant; the same token again is a renewal), each client's `write` to the store,
 * and the store's `written` / `rejected` answers. A write belongs to the grant its client
 * last received before sending it, whatever token the message claims.
 *
 * @example lockSafety(simulate(catalogEntry('lease/pause-past-lease').scenario)).why
 * // 't=103 store -> c1 written(1): c1's lease (token 1) had ended by t=21, ...'
 */
export function lockSafety(run: Judged): LockSafety {
  const granted = new Map<NodeId, number>(); // client -> token of its latest grant received
  const grantedAt = new Map<number, number>(); // token -> when the lock granted it
  const sent = new Map<NodeId, { token: number; sentAt: number }[]>(); // client -> its writes in flight, oldest first
  const writes: JudgedWrite[] = [];
  let newest: { client: NodeId; token: number; at: number } | null = null;
  let broken: { write: JudgedWrite; event: TraceEvent } | null = null;

  for (const e of run.trace) {
    if (e.kind === 'send' && e.node === 'lock' && e.message.type === 'granted') {
      const token = e.message.token as number;
      if (!grantedAt.has(token)) grantedAt.set(token, e.t);
    } else if (e.kind === 'deliver' && e.from === 'lock' && e.message.type === 'granted') {
      granted.set(e.node, e.message.token as number);
    } else if (e.kind === 'send' && e.to === 'store' && e.message.type === 'write') {
      const list = sent.get(e.node) ?? [];
      list.push({ token: granted.get(e.node) ?? 0, sentAt: e.t });
      sent.set(e.node, list);
    } else if (e.kind === 'send' && e.node === 'store' && (e.message.type === 'written' || e.message.type === 'rejected')) {
      const write = sent.get(e.to)?.shift();
      if (write === undefined) continue;
      const next = grantedAt.get(write.token + 1);
      const leaseEndedBy = next !== undefined && next <= e.t ? next : null;
      const accepted = e.message.type === 'written';
      const after = accepted && newest !== null && newest.token > write.token ? newest : null;
      const judged: JudgedWrite = { client: e.to, token: write.token, sentAt: write.sentAt, at: e.t, outcome: accepted ? 'accepted' : 'rejected', leaseEndedBy, after };
      writes.push(judged);
      if (after !== null && broken === null) broken = { write: judged, event: e };
      if (accepted && (newest === null || write.token > newest.token)) newest = { client: e.to, token: write.token, at: e.t };
    }
  }

  if (broken !== null) {
    const { write, event } = broken;
    const ended = write.leaseEndedBy !== null ? `had ended by t=${write.leaseEndedBy}, when the lock granted token ${write.token + 1}` : 'had ended';
    return {
      ok: false,
      verdict: 'unsafe',
      nodes: [write.client],
      event,
      writes,
      why: `t=${write.at} the store accepted ${write.client}'s write under token ${write.token}, whose lease ${ended}; ` +
        `${write.after!.client}'s write under token ${write.after!.token} had been accepted at t=${write.after!.at}, and ${write.client}'s landed on top of it`,
    };
  }
  const rejected = writes.filter((w) => w.outcome === 'rejected');
  const why = rejected.length > 0
    ? `the store took writes in token order and rejected ${rejected.map((w) => `${w.client}'s under token ${w.token} at t=${w.at}`).join(', ')}`
    : writes.length > 0 ? 'the store took every write in token order' : 'no write reached the store';
  return { ok: true, verdict: 'safe', nodes: [], event: null, writes, why };
}
