// Lesson 02's answer to "why not write only to the master?": asynchronous and semi-synchronous
// replication with catch-up. Moved from notebooks/replication/ (issue 21); what a failover would
// lose is read from the trace by `failoverLoss` (lib/checkers/failover-loss.ts).
import { defineProtocol, type ProtocolSpec } from '../protocol';
import {
  cancelTimer,
  logWrite,
  nothing,
  send as anySend,
  setTimer,
  type LogRecord,
  type LogWrite,
  type Message,
  type Role,
  type Send,
  type Step,
} from '../role';

/** Every message of `primaryBackup`, with exact fields: each names a write by its number `n` (from 1). */
export type PrimaryBackupMessage =
  /** The client to the master: write `n`. */
  | { readonly type: 'write'; readonly n: number }
  /** The master to the backup: a copy of write `n`. */
  | { readonly type: 'replicate'; readonly n: number }
  /** The backup to the master: it holds every write up to `n`. */
  | { readonly type: 'received'; readonly n: number }
  /** The master to the client: write `n` is saved. */
  | { readonly type: 'saved'; readonly n: number }
  /** The backup to the master: send me every write from `n` on. */
  | { readonly type: 'catchUp'; readonly n: number };

/** `send` for `primaryBackup`'s messages only. */
const send: Send<PrimaryBackupMessage> = anySend;

/** Whether a message read from a `primaryBackup` trace (a plain `Message` to a checker) is the master's `saved`. */
export const isSaved = (m: Message): m is Extract<PrimaryBackupMessage, { type: 'saved' }> => m.type === 'saved';

/** A replica's record of write `n` (writes are numbered from 1, in the order the client sent them): its only record. */
export type ReplicaWrite = { readonly type: 'write'; readonly n: number };

/** `logWrite` for a replica's records only. */
const logReplicaWrite: LogWrite<ReplicaWrite> = logWrite;

/** Whether a record read from a `primaryBackup` trace (a plain `LogRecord` to a checker) is a replica's write. */
export const isReplicaWrite = (r: LogRecord): r is ReplicaWrite => r.type === 'write';

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
 * @example
 * const faults = [crash('v2', at(0)), crash('v1', at(6))];
 * failoverLoss(simulate({ protocol: primaryBackup(), voters: 2, faults })).lost // [1, 2, 3]
 */
export function primaryBackup(
  options: { readonly mode?: ReplicationMode; readonly writes?: number; readonly fallback?: number } = {},
): PrimaryBackupSpec {
  const { mode = 'async', writes = 3, fallback = 10 } = options;
  return Object.freeze({ ...options, name: 'primaryBackup', mode, writes, fallback });
}

class Writer {
  constructor(readonly name: 'writing' | 'done', readonly sent: number) {}
}

function writer(writes: number): Role<Writer, PrimaryBackupMessage> {
  const write = (n: number) => [send('v1', { type: 'write', n }), ...(n < writes ? [setTimer('next', 1)] : [])];
  return {
    init: () => new Writer('writing', 0),
    stateName: (s) => s.name,
    step(s, input): Step<Writer, PrimaryBackupMessage> {
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

function master(mode: ReplicationMode, fallback: number): Role<Master, PrimaryBackupMessage, ReplicaWrite> {
  const ship = (n: number) => send('v2', { type: 'replicate', n });
  const saved = (n: number) => send('coordinator', { type: 'saved', n });
  return {
    init: () => new Master(mode, 0, []),
    stateName: (s) => s.name,
    step(s, input): Step<Master, PrimaryBackupMessage, ReplicaWrite> {
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
          const { type, n } = input.message;
          switch (type) {
            case 'write': {
              const held = s.held + 1;
              if (s.name === 'async') return [new Master('async', held, s.waiting), [logReplicaWrite({ type: 'write', n: held }), ship(held), saved(held)]];
              return [new Master('semiSync', held, [...s.waiting, held]), [logReplicaWrite({ type: 'write', n: held }), ship(held), setTimer(`wait${held}`, fallback)]];
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

function backup(): Role<Backup, PrimaryBackupMessage, ReplicaWrite> {
  return {
    init: () => new Backup('backup', 0),
    stateName: (s) => s.name,
    step(s, input): Step<Backup, PrimaryBackupMessage, ReplicaWrite> {
      switch (input.kind) {
        case 'recover': {
          // Catch-up: ask for everything after the last write that reached the log.
          const held = input.log.filter((r) => r.type === 'write').length;
          return [new Backup('backup', held), [send('v1', { type: 'catchUp', n: held + 1 })]];
        }
        case 'receive': {
          if (input.message.type !== 'replicate') return [s, nothing];
          const n = input.message.n;
          if (n <= s.held) return [s, [send('v1', { type: 'received', n: s.held })]];
          if (n > s.held + 1) return [s, [send('v1', { type: 'catchUp', n: s.held + 1 })]];
          return [new Backup('backup', n), [logReplicaWrite({ type: 'write', n }), send('v1', { type: 'received', n })]];
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
  role(s: PrimaryBackupSpec, node, kind) {
    if (kind === 'coordinator') return writer(s.writes);
    return node === 'v1' ? master(s.mode, s.fallback) : backup();
  },
});
