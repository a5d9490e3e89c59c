import { logWrite as anyLogWrite, send as anySend, type LogWrite, type NodeId, type Send } from '../role';

/**
 * Every message of the replicated register, with exact fields (lesson 02's master and backup;
 * DDIA ch. 5 for replication and its lag). `op` numbers a client's operations, so that a late
 * answer to one given up on is recognised; `version` orders the master's writes. The register
 * holds any plain value (`value`); clients write strings.
 */
export type ReplicatedRegisterMessage =
  // A client to a replica, and the answers.
  | { readonly type: 'write'; readonly op: number; readonly value: unknown }
  /** `minVersion`: the highest version the client has seen (fix 'remember-timestamp'). */
  | { readonly type: 'read'; readonly op: number; readonly minVersion?: number }
  | { readonly type: 'written'; readonly op: number; readonly version: number }
  | { readonly type: 'value'; readonly op: number; readonly value: unknown; readonly version: number }
  /** Refused: this replica is not a serving master. */
  | { readonly type: 'notMaster'; readonly op: number }
  /** Refused by a backup that has not caught up with `minVersion`. */
  | { readonly type: 'behind'; readonly op: number }
  // The master to the backup, and its acknowledgement.
  | { readonly type: 'replicate'; readonly version: number; readonly value: unknown }
  | { readonly type: 'replicated'; readonly version: number }
  // The monitor to the replicas, and the clients.
  | { readonly type: 'ping' }
  | { readonly type: 'pong' }
  | { readonly type: 'promote' }
  | { readonly type: 'newMaster'; readonly node: NodeId };

/** `send` for the replicated register's messages only. */
export const send: Send<ReplicatedRegisterMessage> = anySend;

/**
 * Every record a replica writes to its log, with exact fields: a committed `write` (its
 * `version` and `value`), and `promoted`, once it has been made master.
 */
export type ReplicatedRegisterRecord =
  | { readonly type: 'write'; readonly version: number; readonly value: unknown }
  | { readonly type: 'promoted' };

/** `logWrite` for the replicated register's records only. */
export const logWrite: LogWrite<ReplicatedRegisterRecord> = anyLogWrite;
