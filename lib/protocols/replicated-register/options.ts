import type { ProtocolSpec } from '../protocol';

/** How the master copies a write to the backup before telling the client it is done (DDIA ch. 5). */
export type Replication = 'sync' | 'semi-sync' | 'async';
/** Where clients send their reads: the master, the backup, or each in turn. */
export type ReadFrom = 'master' | 'backup' | 'alternate';
/** Who replaces a master that stops answering: nobody, the lecture's monitor, or the monitor waiting out the master's lease. */
export type Failover = 'none' | 'monitor' | 'lease';
/** The fixes of DDIA ch. 5 for replication lag, as a client option. */
export type ClientFix = 'none' | 'read-own-writes-from-master' | 'remember-timestamp' | 'sticky';

export interface ReplicatedRegisterOptions {
  /** @defaultValue 'sync' */
  readonly replication?: Replication;
  /** @defaultValue 'master' */
  readonly reads?: ReadFrom;
  /** @defaultValue 'monitor' */
  readonly failover?: Failover;
  /** @defaultValue 'none' */
  readonly fix?: ClientFix;
  /** Clients `c1`..`cN`. @defaultValue 2 */
  readonly clients?: number;
  /** Operations each client performs, one at a time: write, read, read, write, ... @defaultValue 6 */
  readonly operations?: number;
  /** Ticks a client waits between an answer and its next operation. @defaultValue 3 */
  readonly think?: number;
  /** Ticks a client waits for an answer before it gives up (the outcome is then unknown). @defaultValue 12 */
  readonly replyTimeout?: number;
  /** Ticks the master holds a committed write before shipping it to the backup, asynchronously (replication lag). @defaultValue 0 */
  readonly lag?: number;
  /** Ticks the master waits for the backup's ack: sync resends, semi-sync commits alone and catches the backup up later. @defaultValue 6 */
  readonly ackTimeout?: number;
  /** Ticks between the monitor's pings. @defaultValue 4 */
  readonly every?: number;
  /** Ticks without a pong after which the monitor declares the master dead. @defaultValue 10 */
  readonly timeout?: number;
  /** Ticks a master may serve after its last ping (failover 'lease'). @defaultValue 8 */
  readonly lease?: number;
  /** The bound on message delay the lease relies on: the monitor waits lease + maxDelay before promoting. @defaultValue 5 */
  readonly maxDelay?: number;
  /** Ticks after its own write during which a client reads from the master (fix 'read-own-writes-from-master'). @defaultValue 30 */
  readonly window?: number;
}

export interface ReplicatedRegisterSpec extends ProtocolSpec, Required<ReplicatedRegisterOptions> {
  readonly name: 'replicatedRegister';
}
