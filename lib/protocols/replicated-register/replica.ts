import { cancelTimer, nothing, setTimer, type NodeId, type Output, type Role, type Step } from '../role';
import type { ReplicatedRegisterSpec } from './options';
import { logWrite, send, type ReplicatedRegisterMessage, type ReplicatedRegisterRecord } from './messages';

/** `master` serves reads and writes; `backup` applies what the master ships and serves reads. */
export type ReplicaRole = 'master' | 'backup';

/** A write the master has ordered but not yet committed (waiting for the backup's ack). */
interface Pending {
  readonly version: number;
  readonly value: unknown;
  readonly client: NodeId;
  readonly op: number;
}

/**
 * One replica of lesson 02's register: v1 starts as master, v2 as backup. The master orders
 * writes by version; a write is committed (visible to reads, acknowledged to the client) when
 * the replication mode allows it. The backup applies shipped writes in version order.
 */
export class Replica {
  constructor(
    readonly role: ReplicaRole,
    readonly value: unknown,
    readonly version: number,
    /** Lease mode: whether the master's lease is running (it serves only then). */
    readonly leased: boolean,
    readonly pending: readonly Pending[],
    /** Committed writes not yet shipped to the backup (async lag, or semi-sync's catch-up). */
    readonly unshipped: readonly { readonly version: number; readonly value: unknown }[],
    /** The replica it ships to; null once it is master after a failover (it runs alone). */
    readonly peer: NodeId | null,
  ) {}
}

/** Sends only: they fit the outputs of any step. */
const replicate = (
  peer: NodeId | null,
  writes: readonly { version: number; value: unknown }[],
): Output<ReplicatedRegisterMessage, never>[] =>
  peer === null ? [] : writes.map((w) => send(peer, { type: 'replicate', version: w.version, value: w.value }));

export function replica(spec: ReplicatedRegisterSpec, node: NodeId): Role<Replica, ReplicatedRegisterMessage, ReplicatedRegisterRecord> {
  // Two replicas: v1 starts as master, v2 as its backup.
  const initialRole: ReplicaRole = node === 'v1' ? 'master' : 'backup';
  const peer: NodeId = node === 'v1' ? 'v2' : 'v1';
  const serving = (s: Replica) => s.role === 'master' && (spec.failover !== 'lease' || s.leased);

  /** Commits the pending writes up to `version`: visible to reads, acknowledged, logged. */
  function commit(s: Replica, upTo: number, alsoShip: boolean): Step<Replica, ReplicatedRegisterMessage, ReplicatedRegisterRecord> {
    const done = s.pending.filter((p) => p.version <= upTo);
    if (done.length === 0) return [s, nothing];
    const last = done[done.length - 1];
    const rest = s.pending.filter((p) => p.version > upTo);
    const unshipped = alsoShip ? [...s.unshipped, ...done.map((p) => ({ version: p.version, value: p.value }))] : s.unshipped;
    const outputs: Output<ReplicatedRegisterMessage, ReplicatedRegisterRecord>[] = [logWrite({ type: 'write', version: last.version, value: last.value })];
    for (const p of done) outputs.push(send(p.client, { type: 'written', op: p.op, version: p.version }));
    if (rest.length === 0) outputs.push(cancelTimer('ack'));
    return [new Replica(s.role, last.value, last.version, s.leased, rest, unshipped, s.peer), outputs];
  }

  function write(s: Replica, from: NodeId, op: number, value: unknown): Step<Replica, ReplicatedRegisterMessage, ReplicatedRegisterRecord> {
    if (!serving(s)) return [s, [send(from, { type: 'notMaster', op })]];
    const version = Math.max(s.version, ...s.pending.map((p) => p.version)) + 1;
    const entry = { version, value, client: from, op };
    if (spec.replication === 'async' || s.peer === null) {
      const shipped = { version, value };
      const now = new Replica(s.role, s.value, s.version, s.leased, [entry], s.unshipped, s.peer);
      const [after, outputs] = commit(now, version, false);
      if (s.peer === null) return [after, outputs];
      if (spec.lag === 0) return [after, [...outputs, ...replicate(s.peer, [shipped])]];
      const startTimer = s.unshipped.length === 0 ? [setTimer('ship', spec.lag)] : [];
      return [
        new Replica(after.role, after.value, after.version, after.leased, after.pending, [...s.unshipped, shipped], after.peer),
        [...outputs, ...startTimer],
      ];
    }
    // sync and semi-sync: ship now, commit on the backup's ack.
    const first = s.pending.length === 0 ? [setTimer('ack', spec.ackTimeout)] : [];
    return [
      new Replica(s.role, s.value, s.version, s.leased, [...s.pending, entry], s.unshipped, s.peer),
      [...first, ...replicate(s.peer, [{ version, value }])],
    ];
  }

  return {
    init: () => new Replica(initialRole, null, 0, true, [], [], peer),
    stateName: (s) => s.role,
    step(s, input): Step<Replica, ReplicatedRegisterMessage, ReplicatedRegisterRecord> {
      switch (input.kind) {
        case 'start':
          return spec.failover === 'lease' && s.role === 'master' ? [s, [setTimer('lease', spec.lease)]] : [s, nothing];
        case 'recover': {
          // What survives is the log: the last committed write, and whether it was promoted.
          let value: unknown = null;
          let version = 0;
          let role = initialRole;
          for (const r of input.log) {
            if (r.type === 'write' && r.version >= version) {
              version = r.version;
              value = r.value;
            }
            if (r.type === 'promoted') role = 'master';
          }
          const promoted = input.log.some((r) => r.type === 'promoted');
          // A recovered master has no lease until the monitor pings it again.
          return [new Replica(role, value, version, false, [], [], promoted ? null : peer), nothing];
        }
        case 'timeout':
          switch (input.timer) {
            case 'lease':
              return [new Replica(s.role, s.value, s.version, false, s.pending, s.unshipped, s.peer), nothing];
            case 'ship':
              return [new Replica(s.role, s.value, s.version, s.leased, s.pending, [], s.peer), replicate(s.peer, s.unshipped)];
            case 'ack':
              if (s.pending.length === 0) return [s, nothing];
              if (spec.replication === 'semi-sync') {
                // The reader's question: commit on the master alone, catch the backup up later.
                const [after, outputs] = commit(s, Infinity, true);
                return [after, [...outputs, setTimer('ship', spec.ackTimeout)]];
              }
              return [s, [setTimer('ack', spec.ackTimeout), ...replicate(s.peer, s.pending)]];
          }
          return [s, nothing];
        case 'receive': {
          const m = input.message;
          switch (m.type) {
            case 'write':
              return write(s, input.from, m.op, m.value);
            case 'read':
              if (s.role === 'master' && !serving(s)) return [s, [send(input.from, { type: 'notMaster', op: m.op })]];
              if (s.role === 'backup' && typeof m.minVersion === 'number' && m.minVersion > s.version)
                return [s, [send(input.from, { type: 'behind', op: m.op })]];
              return [s, [send(input.from, { type: 'value', op: m.op, value: s.value, version: s.version })]];
            case 'replicate': {
              // A master takes no orders from another master: after a failover the old one's writes are refused.
              if (s.role === 'master') return [s, nothing];
              const version = m.version;
              const ack = send(input.from, { type: 'replicated', version });
              if (version <= s.version) return [s, [ack]];
              return [
                new Replica(s.role, m.value, version, s.leased, s.pending, s.unshipped, s.peer),
                [logWrite({ type: 'write', version, value: m.value }), ack],
              ];
            }
            case 'replicated':
              return s.role === 'master' ? commit(s, m.version, false) : [s, nothing];
            case 'ping':
              return spec.failover === 'lease'
                ? [
                    new Replica(s.role, s.value, s.version, true, s.pending, s.unshipped, s.peer),
                    [setTimer('lease', spec.lease), send(input.from, { type: 'pong' })],
                  ]
                : [s, [send(input.from, { type: 'pong' })]];
            case 'promote': {
              // The new master runs alone: its old master is presumed dead.
              const promoted = new Replica('master', s.value, s.version, true, [], [], null);
              return [promoted, [logWrite({ type: 'promoted' }), ...(spec.failover === 'lease' ? [setTimer('lease', spec.lease)] : [])]];
            }
          }
          return [s, nothing];
        }
      }
    },
  };
}
