import { defineProtocol, type ProtocolSpec } from '../protocol';
import { client } from './client';
import { monitor } from './monitor';
import type { ReplicatedRegisterOptions, ReplicatedRegisterSpec } from './options';
import { replica } from './replica';

export type { ReplicatedRegisterOptions, ReplicatedRegisterSpec, Replication, ReadFrom, Failover, ClientFix } from './options';
export { Replica, replica } from './replica';
export { Monitor, monitor } from './monitor';
export { Client, client } from './client';
export type { ReplicatedRegisterMessage, ReplicatedRegisterRecord } from './messages';

/**
 * Lesson 02's master and backup as a register that clients read and write (lesson 10):
 * `v1` is the master, `v2` the backup, `coordinator` the monitor, `c1`..`cN` the clients
 * (run with `voters: 2`). Replication `sync` (the master acknowledges a write once the backup
 * has it), `semi-sync` (it waits `ackTimeout` ticks for the backup, then commits alone and
 * catches the backup up later: the lecture reader's "write only to the master"), or `async`
 * (it acknowledges at once and ships after `lag` ticks). `historyOf(run)` gives the clients'
 * history for `linearizable`.
 *
 * @example
 * const run = simulate({ protocol: replicatedRegister({ replication: 'async', reads: 'backup', lag: 10 }), voters: 2 });
 * linearizable(historyOf(run), register()).ok // false: stale reads from the backup
 */
export function replicatedRegister(options: ReplicatedRegisterOptions = {}): ReplicatedRegisterSpec {
  return Object.freeze({
    ...options,
    name: 'replicatedRegister',
    replication: options.replication ?? 'sync',
    reads: options.reads ?? 'master',
    failover: options.failover ?? 'monitor',
    fix: options.fix ?? 'none',
    clients: options.clients ?? 2,
    operations: options.operations ?? 6,
    think: options.think ?? 3,
    replyTimeout: options.replyTimeout ?? 12,
    lag: options.lag ?? 0,
    ackTimeout: options.ackTimeout ?? 6,
    every: options.every ?? 4,
    timeout: options.timeout ?? 10,
    lease: options.lease ?? 8,
    maxDelay: options.maxDelay ?? 5,
    window: options.window ?? 30,
  });
}

/** The clients' ids of a spec: `c1`..`cN`. */
export function clientIds(spec: ProtocolSpec): string[] {
  const n = typeof spec.clients === 'number' ? spec.clients : 2;
  return Array.from({ length: n }, (_, i) => `c${i + 1}`);
}

const ticks = (min: number) => ({ integer: { min, max: 1_000_000 } });

defineProtocol({
  name: 'replicatedRegister',
  options: {
    replication: { oneOf: ['sync', 'semi-sync', 'async'] },
    reads: { oneOf: ['master', 'backup', 'alternate'] },
    failover: { oneOf: ['none', 'monitor', 'lease'] },
    fix: { oneOf: ['none', 'read-own-writes-from-master', 'remember-timestamp', 'sticky'] },
    clients: { integer: { min: 1, max: 16 } },
    operations: { integer: { min: 0, max: 10_000 } },
    think: ticks(1),
    replyTimeout: ticks(1),
    lag: ticks(0),
    ackTimeout: ticks(1),
    every: ticks(1),
    timeout: ticks(1),
    lease: ticks(1),
    maxDelay: ticks(0),
    window: ticks(1),
  },
  messages: ['write', 'read', 'written', 'value', 'notMaster', 'behind', 'replicate', 'replicated', 'ping', 'pong', 'promote', 'newMaster'],
  states: ['master', 'backup', 'watching', 'waiting', 'failedOver', 'thinking', 'done'],
  others: clientIds,
  role(s: ReplicatedRegisterSpec, node, kind) {
    if (kind === 'coordinator') return monitor(s);
    return kind === 'voter' ? replica(s, node) : client(s);
  },
});
