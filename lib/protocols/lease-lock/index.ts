import { defineProtocol, type ProtocolSpec } from '../protocol';
import type { NodeId } from '../role';
import { client } from './client';
import { lockService } from './lock';
import { store } from './store';

export { LockService, lockService, type LockStateName } from './lock';
export { Client, client, type ClientStateName, type ClientTerms } from './client';
export { Store, store } from './store';
export type { LeaseLockMessage, LeaseLockRecord, WriteRecord } from './messages';
export { isGranted, isWriteRecord } from './messages';

/** The options of `leaseLock`. */
export interface LeaseLockOptions {
  /** Ticks a grant (or a renewal) lasts, by the lock service's clock. @defaultValue 20 */
  readonly lease?: number;
  /** Whether the store rejects a write whose token is older than one it has accepted. @defaultValue false */
  readonly fencing?: boolean;
  /** Ticks a client works between getting the lock and writing. @defaultValue 5 */
  readonly work?: number;
  /** Ticks a client takes off its lease for the grant's time in flight (its bound on a message's delay). @defaultValue 2 */
  readonly margin?: number;
  /** Chubby's lock-delay: ticks the lock stays unavailable after a lease ran out (not after a release). @defaultValue 0 */
  readonly lockDelay?: number;
}

export interface LeaseLockSpec extends ProtocolSpec {
  readonly name: 'leaseLock';
  readonly lease: number;
  readonly fencing: boolean;
  readonly work: number;
  readonly margin: number;
  readonly lockDelay: number;
}

/** The most clients a lease-lock run may have. */
export const MAX_CLIENTS = 100;

/**
 * A lock service with leases, the clients it serves, and the store it protects (DDIA ch. 8,
 * "The leader and the lock" and fig. 8-4 / 8-5; Burrows, "The Chubby lock service", sec. 2.4).
 * Nodes: `lock`, clients `c1`..`cN` (the scenario's `clients`, default 2) and `store`.
 * Each client acquires the lock, works, writes to the store under its fencing token, and
 * releases. A run is `'unsafe'` when the store accepted a stale holder's write after a newer
 * holder's (see `lockSafety`), `'safe'` otherwise.
 *
 * @example
 * const paused = [pause('c1', afterReceive('c1', 'granted'), 100)];
 * simulate({ protocol: leaseLock({ lease: 20, fencing: false }), clients: 2, faults: paused }).verdict; // 'unsafe'
 * simulate({ protocol: leaseLock({ lease: 20, fencing: true }), clients: 2, faults: paused }).verdict;  // 'safe'
 */
export function leaseLock(options: LeaseLockOptions = {}): LeaseLockSpec {
  return Object.freeze({
    ...options,
    name: 'leaseLock',
    lease: options.lease ?? 20,
    fencing: options.fencing ?? false,
    work: options.work ?? 5,
    margin: options.margin ?? 2,
    lockDelay: options.lockDelay ?? 0,
  });
}

const ticks = (min: number) => ({ integer: { min, max: 1_000_000 } });

defineProtocol({
  name: 'leaseLock',
  options: { lease: ticks(1), fencing: { oneOf: [true, false] }, work: ticks(1), margin: ticks(0), lockDelay: ticks(0) },
  messages: ['acquire', 'granted', 'renew', 'release', 'write', 'written', 'rejected'],
  states: ['free', 'held', 'delayed', 'init', 'waiting', 'holding', 'writing', 'done', 'fenced', 'serving'],
  ownNodes: {
    defaultClients: 2,
    maxClients: MAX_CLIENTS,
    nodes: (_spec, clients) => ['lock', ...clientIds(clients), 'store'],
  },
  // Judged by lockSafety: lib/checkers/judges.ts names the checker for this protocol, its
  // invariant and the model checker's bound.
  role(s: LeaseLockSpec, node) {
    if (node === 'lock') return lockService(s.lease, s.lockDelay);
    if (node === 'store') return store(s.fencing);
    return client({ lease: s.lease, work: s.work, margin: s.margin });
  },
});

function clientIds(n: number): NodeId[] {
  const ids: NodeId[] = [];
  for (let i = 1; i <= n; i++) ids.push(`c${i}`);
  return ids;
}
