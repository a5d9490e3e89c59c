import { isGranted, isWriteRecord } from '../protocols/lease-lock/messages';
import type { NodeId } from '../protocols/role';
import type { TraceEvent } from '../world/trace';
import type { Check, Judged, LockVerdict, StateInvariant } from './types';

/** One write that reached the store, as the checker sees it. */
export interface JudgedWrite {
  readonly client: NodeId;
  /** The token of the grant the client held when it sent the write (from the lock's grants, not the message). */
  readonly token: number;
  readonly sentAt: number;
  /** When the store took it in: writes are judged in the order the store took them. */
  readonly at: number;
  /** From the store's answer; with none (the store crashed first), from whether it logged the write. */
  readonly outcome: 'accepted' | 'rejected' | 'unanswered';
  /** When the lock granted the next token, if it did before the store took the write in: the lease had ended by then. */
  readonly leaseEndedBy: number | null;
  /** The newer holder's accepted write this one came after, if any: the write that makes the run unsafe. */
  readonly after: { readonly client: NodeId; readonly token: number; readonly at: number } | null;
}

/** `lockSafety`'s finding: a `Check`, the verdict, and every write with what became of it. */
export interface LockSafety extends Check {
  readonly verdict: LockVerdict;
  readonly writes: readonly JudgedWrite[];
}

interface Taken {
  readonly client: NodeId;
  readonly token: number;
  readonly sentAt: number;
  readonly at: number;
  readonly event: TraceEvent;
  logged: boolean;
  answer: 'accepted' | 'rejected' | null;
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
 * the order in which the store took writes in, and its `written` / `rejected` answers (or,
 * if it crashed before answering, whether it logged the write). A write belongs to the
 * grant its client last received before sending it, whatever token the message claims.
 *
 * @example lockSafety(simulate(catalogEntry('lease/pause-past-lease').scenario)).why
 * // "t=103 the store accepted c1's write under token 1, whose lease had ended by t=21, ..."
 */
export function lockSafety(run: Judged): LockSafety {
  const granted = new Map<NodeId, number>(); // client -> token of its latest grant received
  const grantedAt = new Map<number, number>(); // token -> when the lock granted it
  const sent = new Map<NodeId, { token: number; sentAt: number }[]>(); // client -> its writes in flight, oldest first
  const taken: Taken[] = []; // in the order the store took them in
  let current: Taken | null = null; // the write the store's step is handling

  for (const e of run.trace) {
    if (e.node === 'store' && e.kind !== 'log' && e.kind !== 'send') current = null;
    if (e.kind === 'send' && e.node === 'lock' && isGranted(e.message)) {
      const token = e.message.token;
      if (!grantedAt.has(token)) grantedAt.set(token, e.t);
    } else if (e.kind === 'deliver' && e.from === 'lock' && isGranted(e.message)) {
      granted.set(e.node, e.message.token);
    } else if (e.kind === 'send' && e.to === 'store' && e.message.type === 'write') {
      const list = sent.get(e.node) ?? [];
      list.push({ token: granted.get(e.node) ?? 0, sentAt: e.t });
      sent.set(e.node, list);
    } else if (e.kind === 'deliver' && e.node === 'store' && e.message.type === 'write') {
      const write = sent.get(e.from)?.shift();
      if (write === undefined) continue;
      current = { client: e.from, token: write.token, sentAt: write.sentAt, at: e.t, event: e, logged: false, answer: null };
      taken.push(current);
    } else if (e.kind === 'log' && e.node === 'store' && e.record.type === 'write' && current !== null) {
      current.logged = true;
    } else if (e.kind === 'send' && e.node === 'store' && (e.message.type === 'written' || e.message.type === 'rejected')) {
      const write = taken.find((w) => w.client === e.to && w.answer === null);
      if (write !== undefined) write.answer = e.message.type === 'written' ? 'accepted' : 'rejected';
    }
  }

  return judge(taken, grantedAt);
}

/**
 * What of a run so far `lockSafety`'s verdict still depends on: whether it is already unsafe,
 * the newest token the store accepted, and the writes it took in and has not answered yet.
 * The rest (grants, writes in flight, the store's state) is in the world's fingerprint.
 */
export function lockSafetyMemory(run: Judged): string {
  const found = lockSafety(run);
  let newest = 0;
  for (const w of found.writes) if (w.outcome === 'accepted') newest = Math.max(newest, w.token);
  const open = found.writes.filter((w) => w.outcome === 'unanswered').map((w) => `${w.client}:${w.token}`);
  return `${found.verdict}:${newest}:${open.join(',')}`;
}

/**
 * `lockSafety` as a property of one world state, for the model checker, which keeps no trace:
 * the store's durable log lists the writes it accepted, in the order it accepted them, each
 * with its token, and no token in it may be older than one before it (a stale holder's write
 * on top of a newer holder's, DDIA ch. 8, fig. 8-4). Tokens grow with every grant, so a token
 * accepted after a newer one belongs to a lease that had ended when the newer was granted.
 *
 * Where it reads less than `lockSafety`: it takes a write's token from the record, as the
 * store logged it, where `lockSafety` takes it from the grant the client last received; and a
 * store that applied a write without logging it is invisible to it. With the kit's own roles
 * the two agree: a client holds under the newest grant it received, and writes under it.
 *
 * @example check({ protocol: leaseLock({ fencing: true }), clients: 2, invariants: [lockSafetyInvariant] }).violation // undefined
 */
export const lockSafetyInvariant: StateInvariant = {
  name: 'lockSafety',
  holds(world) {
    const store = world.nodes.store;
    if (store === undefined) return true;
    let newest = 0;
    for (const r of store.log) {
      if (!isWriteRecord(r)) continue;
      const token = r.token;
      if (token < newest) return false;
      newest = token;
    }
    return true;
  },
};

function judge(taken: readonly Taken[], grantedAt: ReadonlyMap<number, number>): LockSafety {
  const writes: JudgedWrite[] = [];
  let newest: { client: NodeId; token: number; at: number } | null = null;
  let broken: { write: JudgedWrite; event: TraceEvent } | null = null;
  for (const w of taken) {
    const outcome = w.answer ?? (w.logged ? 'accepted' : 'unanswered');
    const next = grantedAt.get(w.token + 1);
    const leaseEndedBy = next !== undefined && next <= w.at ? next : null;
    const after = outcome === 'accepted' && newest !== null && newest.token > w.token ? newest : null;
    const judged: JudgedWrite = { client: w.client, token: w.token, sentAt: w.sentAt, at: w.at, outcome, leaseEndedBy, after };
    writes.push(judged);
    if (after !== null && broken === null) broken = { write: judged, event: w.event };
    if (outcome === 'accepted' && (newest === null || w.token > newest.token)) newest = { client: w.client, token: w.token, at: w.at };
  }

  if (broken !== null) {
    const { write, event } = broken;
    const ended =
      write.leaseEndedBy !== null ? `had ended by t=${write.leaseEndedBy}, when the lock granted token ${write.token + 1}` : 'had ended';
    return {
      ok: false,
      verdict: 'unsafe',
      nodes: [write.client],
      event,
      writes,
      why:
        `t=${write.at} the store accepted ${write.client}'s write under token ${write.token}, whose lease ${ended}; ` +
        `${write.after!.client}'s write under token ${write.after!.token} had been accepted at t=${write.after!.at}, ` +
        `and ${write.client}'s landed on top of it`,
    };
  }
  const rejected = writes.filter((w) => w.outcome === 'rejected');
  const why =
    rejected.length > 0
      ? `the store took writes in token order and rejected ${rejected.map(describeRejected).join(', ')}`
      : writes.length > 0
        ? 'the store took every write in token order'
        : 'no write reached the store';
  return { ok: true, verdict: 'safe', nodes: [], event: null, writes, why };
}

const describeRejected = (w: JudgedWrite) => `${w.client}'s under token ${w.token} at t=${w.at}`;

/**
 * A bound for the model checker: the lock has granted at most `n` tokens. Clients that lose
 * their lease ask again, and every grant takes a new token, so without a bound the lease lock's
 * states never end; with it, `check` covers every interleaving of up to `n` grants.
 *
 * @example check({ protocol: leaseLock({ fencing: true }), clients: 2, bound: grantsAtMost(2) }).complete // true
 */
export function grantsAtMost(n: number): StateInvariant {
  return {
    name: `at most ${n} grants`,
    holds(world) {
      const lock = world.nodes.lock;
      if (lock === undefined) return true;
      let grants = 0;
      for (const r of lock.log) if (r.type === 'grant') grants++;
      return grants <= n;
    },
  };
}

/** The model checker's bound when it is given none: two grants, enough for one lease taken over (DDIA fig. 8-4). */
export const CHECK_GRANTS = 2;
