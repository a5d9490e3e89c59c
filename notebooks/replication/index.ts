// Three tiny protocols for lesson 02 (master and backup master): copyToBoth and primaryBackup,
// written against the kit's public face exactly as a learner would write their own, and
// failover, now in the kit. They use the kit's node names: `coordinator` is the client
// (copyToBoth, primaryBackup) or the monitor (failover); v1 is the master, v2 the backup.
import { cancelTimer, decide, defineProtocol, logWrite, nothing, send, setTimer, type NodeContext, type ProtocolSpec, type Role, type Run, type Step } from '../lib/index';

// ---- copying a write to both replicas, with no commit protocol -------------------------

export interface CopyToBothSpec extends ProtocolSpec {
  readonly name: 'copyToBoth';
  readonly timeout: number;
}

/**
 * Synchronous replication without a commit protocol (the lecture's opening): the client sends
 * the write to the master and the backup, and each applies it the moment it arrives. A replica
 * that cannot apply it (its vote is `no`: a full disk, a violated constraint) refuses; one that
 * never sees it, or lost it in a crash, does not have it. Decisions read: `commit` = this node
 * has the write (for the client: it told the user "saved"), `abort` = it does not.
 *
 * @example simulate({ protocol: copyToBoth(), voters: 2, votes: { v2: 'no' } }).verdict // 'inconsistent'
 */
export function copyToBoth(options: { readonly timeout?: number } = {}): CopyToBothSpec {
  return Object.freeze({ ...options, name: 'copyToBoth', timeout: options.timeout ?? 10 });
}

type ClientStateName = 'init' | 'waiting' | 'saved' | 'failed';

class Client {
  constructor(readonly name: ClientStateName, readonly ctx: NodeContext, readonly applied: number) {}
}

function client(timeout: number): Role<Client> {
  return {
    init: (ctx) => new Client('init', ctx, 0),
    stateName: (s) => s.name,
    step(s, input): Step<Client> {
      if (input.kind === 'start') {
        return [new Client('waiting', s.ctx, 0), [setTimer('replies', timeout), ...s.ctx.voters.map((v) => send(v, { type: 'write' }))]];
      }
      if (s.name !== 'waiting') return [s, nothing];
      if (input.kind === 'timeout') return [new Client('failed', s.ctx, s.applied), [decide('abort')]];
      if (input.kind !== 'receive') return [s, nothing];
      // There is nothing to undo with: a replica that applied the write keeps it.
      if (input.message.type === 'refused') return [new Client('failed', s.ctx, s.applied), [decide('abort')]];
      const applied = s.applied + 1;
      return applied === s.ctx.voters.length ? [new Client('saved', s.ctx, applied), [decide('commit')]] : [new Client('waiting', s.ctx, applied), nothing];
    },
  };
}

type ReplicaStateName = 'init' | 'applied' | 'refused' | 'missing';

class Replica {
  constructor(readonly name: ReplicaStateName, readonly ctx: NodeContext) {}
}

function replica(timeout: number): Role<Replica> {
  return {
    init: (ctx) => new Replica('init', ctx),
    stateName: (s) => s.name,
    step(s, input): Step<Replica> {
      switch (input.kind) {
        case 'start':
          return [s, [setTimer('write', 2 * timeout)]];
        case 'receive':
          if (input.message.type !== 'write' || s.name !== 'init') return [s, nothing];
          if (s.ctx.vote === 'no') return [new Replica('refused', s.ctx), [decide('abort'), send(input.from, { type: 'refused' })]];
          return [new Replica('applied', s.ctx), [logWrite({ type: 'write', tx: 'T1' }), decide('commit'), send(input.from, { type: 'applied' })]];
        case 'timeout':
          return s.name === 'init' ? [new Replica('missing', s.ctx), [decide('abort')]] : [s, nothing];
        case 'recover':
          // Whatever was not in the log when it crashed is not on this replica.
          return input.log.some((r) => r.type === 'write') ? [new Replica('applied', s.ctx), nothing] : [new Replica('missing', s.ctx), [decide('abort')]];
      }
    },
  };
}

defineProtocol({
  name: 'copyToBoth',
  options: { timeout: { integer: { min: 1, max: 1_000_000 } } },
  messages: ['write', 'applied', 'refused'],
  states: ['init', 'waiting', 'saved', 'failed', 'applied', 'refused', 'missing'],
  role: (spec, _node, kind) => (kind === 'coordinator' ? client((spec as CopyToBothSpec).timeout) : replica((spec as CopyToBothSpec).timeout)),
});

// ---- a monitor that fails over to the backup --------------------------------------------

// `failover()` and `masters(run)` moved into the kit (lib/protocols/replication/) so that lesson
// 09's catalog cases can give the monitor a lease; lesson 02 runs the same protocol, lease-less.
export { failover, masters, type FailoverSpec } from '../lib/index';

// ---- writing to the master only: asynchronous and semi-synchronous replication ----------

/** How the master answers the client: at once (`async`), or after the backup has the write (`semiSync`). */
export type ReplicationMode = 'async' | 'semiSync';

export interface PrimaryBackupSpec extends ProtocolSpec {
  readonly name: 'primaryBackup';
  readonly mode: ReplicationMode;
  /** Writes the client sends, one a tick from t=0, numbered 1, 2, ... */
  readonly writes: number;
  /** Semi-sync only: ticks the master waits for the backup before it gives up and answers anyway, as async. */
  readonly fallback: number;
}

/**
 * The readers' question "why not write only to the master and resync the backup later?" as a
 * protocol (DDIA ch. 5, "Synchronous Versus Asynchronous Replication"). The client
 * (`coordinator`) sends writes to the master (`v1`) only. The master logs each one and ships
 * it to the backup (`v2`) in order; a backup that finds a gap, or comes back from a crash,
 * asks the master to resend from its last write on (catch-up). `async`: the master tells the
 * client "saved" at once. `semiSync`: only once the backup has acknowledged the write, unless
 * `fallback` ticks pass first; then the master falls back to async until the backup has caught
 * up, as MySQL's semi-synchronous replication does. There is no commit protocol and no
 * decision: `failoverLoss(run)` reads what a failover to the backup would lose.
 *
 * @example failoverLoss(simulate({ protocol: primaryBackup(), voters: 2, faults: [crash('v2', at(0)), crash('v1', at(6))] })).lost // [1, 2, 3]
 */
export function primaryBackup(options: { readonly mode?: ReplicationMode; readonly writes?: number; readonly fallback?: number } = {}): PrimaryBackupSpec {
  return Object.freeze({ ...options, name: 'primaryBackup', mode: options.mode ?? 'async', writes: options.writes ?? 3, fallback: options.fallback ?? 10 });
}

class Writer {
  constructor(readonly name: 'writing' | 'done', readonly sent: number) {}
}

function writer(writes: number): Role<Writer> {
  const write = (n: number) => [send('v1', { type: 'write', n }), ...(n < writes ? [setTimer('next', 1)] : [])];
  return {
    init: () => new Writer('writing', 0),
    stateName: (s) => s.name,
    step(s, input): Step<Writer> {
      if (input.kind === 'start' || (input.kind === 'timeout' && s.name === 'writing')) {
        const n = s.sent + 1;
        return [new Writer(n === writes ? 'done' : 'writing', n), write(n)];
      }
      return [s, nothing];
    },
  };
}

/** The master: how many writes it holds, which ones still wait for the backup, and whether it fell back to async. */
class Master {
  constructor(readonly name: 'semiSync' | 'async', readonly held: number, readonly waiting: readonly number[]) {}
}

function master(mode: ReplicationMode, fallback: number): Role<Master> {
  const ship = (n: number) => send('v2', { type: 'replicate', n });
  const saved = (n: number) => send('coordinator', { type: 'saved', n });
  return {
    init: () => new Master(mode, 0, []),
    stateName: (s) => s.name,
    step(s, input): Step<Master> {
      switch (input.kind) {
        case 'start':
          return [s, nothing];
        case 'recover': {
          const held = input.log.filter((r) => r.type === 'write').length;
          return [new Master(mode, held, []), nothing];
        }
        case 'timeout': {
          // Semi-sync's escape hatch: the backup is too slow, so answer the client anyway.
          if (s.name !== 'semiSync' || s.waiting.length === 0) return [s, nothing];
          return [new Master('async', s.held, []), s.waiting.map(saved)];
        }
        case 'receive': {
          const { type, n } = input.message as { type: string; n: number };
          switch (type) {
            case 'write': {
              const held = s.held + 1;
              if (s.name === 'async') return [new Master('async', held, s.waiting), [logWrite({ type: 'write', n: held }), ship(held), saved(held)]];
              return [new Master('semiSync', held, [...s.waiting, held]), [logWrite({ type: 'write', n: held }), ship(held), setTimer(`wait${held}`, fallback)]];
            }
            case 'received': {
              // The backup holds every write up to n. A fallen-back master returns to semi-sync once it has caught up.
              const answered = s.waiting.filter((w) => w <= n);
              const name = s.name === 'async' && mode === 'semiSync' && n === s.held ? 'semiSync' : s.name;
              return [new Master(name, s.held, s.waiting.filter((w) => w > n)), answered.flatMap((w) => [cancelTimer(`wait${w}`), saved(w)])];
            }
            case 'catchUp': {
              const out = [];
              for (let w = n; w <= s.held; w++) out.push(ship(w));
              return [s, out];
            }
            default:
              return [s, nothing];
          }
        }
      }
    },
  };
}

class Backup {
  constructor(readonly name: 'backup', readonly held: number) {}
}

function backup(): Role<Backup> {
  return {
    init: () => new Backup('backup', 0),
    stateName: (s) => s.name,
    step(s, input): Step<Backup> {
      switch (input.kind) {
        case 'recover': {
          // Catch-up: ask for everything after the last write that reached the log.
          const held = input.log.filter((r) => r.type === 'write').length;
          return [new Backup('backup', held), [send('v1', { type: 'catchUp', n: held + 1 })]];
        }
        case 'receive': {
          if (input.message.type !== 'replicate') return [s, nothing];
          const n = input.message.n as number;
          if (n <= s.held) return [s, [send('v1', { type: 'received', n: s.held })]];
          if (n > s.held + 1) return [s, [send('v1', { type: 'catchUp', n: s.held + 1 })]];
          return [new Backup('backup', n), [logWrite({ type: 'write', n }), send('v1', { type: 'received', n })]];
        }
        default:
          return [s, nothing];
      }
    },
  };
}

defineProtocol({
  name: 'primaryBackup',
  options: { mode: { oneOf: ['async', 'semiSync'] }, writes: { integer: { min: 1, max: 100 } }, fallback: { integer: { min: 1, max: 1_000_000 } } },
  messages: ['write', 'replicate', 'received', 'saved', 'catchUp'],
  states: ['writing', 'done', 'semiSync', 'async', 'backup'],
  role(spec, node, kind) {
    const s = spec as PrimaryBackupSpec;
    if (kind === 'coordinator') return writer(s.writes);
    return node === 'v1' ? master(s.mode, s.fallback) : backup();
  },
});

/** What a failover to the backup would lose at the end of a run: writes the client was told were saved that the backup never logged. */
export interface FailoverLoss {
  /** Writes the client heard "saved" for. */
  readonly saved: number[];
  readonly onMaster: number[];
  readonly onBackup: number[];
  /** Saved, yet not on the backup: gone if the backup takes over now. */
  readonly lost: number[];
}

/**
 * Reads a `primaryBackup` run's trace: what the client was told, what each replica logged, and
 * what promoting the backup at the end of the run would lose.
 * @example failoverLoss(simulate({ protocol: primaryBackup(), voters: 2 })).lost // []
 */
export function failoverLoss(run: Run): FailoverLoss {
  const saved: number[] = [];
  const onMaster: number[] = [];
  const onBackup: number[] = [];
  for (const e of run.trace) {
    if (e.kind === 'deliver' && e.node === 'coordinator' && e.message.type === 'saved') saved.push(e.message.n as number);
    if (e.kind === 'log' && e.node === 'v1') onMaster.push(e.record.n as number);
    if (e.kind === 'log' && e.node === 'v2') onBackup.push(e.record.n as number);
  }
  return { saved, onMaster, onBackup, lost: saved.filter((n) => !onBackup.includes(n)) };
}
