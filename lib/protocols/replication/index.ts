import { defineProtocol, type ProtocolSpec } from '../protocol';
import { monitor, server } from './failover';

export { monitor, server, type MonitorState, type ServerState, type FailoverMessage } from './failover';
// Lesson 02's two other protocols, each in its own file with its definition.
export { copyToBoth, type CopyToBothMessage, type CopyToBothSpec } from './copy-to-both';
export { primaryBackup, type PrimaryBackupSpec, type ReplicationMode } from './primary-backup';

/** The options of `failover`. */
export interface FailoverOptions {
  /** Ticks between two pings. @defaultValue 5 */
  readonly every?: number;
  /** Ticks without a reply after which the monitor gives up on the master. @defaultValue 10 */
  readonly timeout?: number;
  /** The master's lease, renewed by each ping; 0 for none, as in lesson 02. @defaultValue 0 */
  readonly lease?: number;
  /** Ticks the monitor adds to the lease for a ping still in flight. @defaultValue 2 */
  readonly margin?: number;
}

export interface FailoverSpec extends ProtocolSpec {
  readonly name: 'failover';
  readonly every: number;
  readonly timeout: number;
  readonly lease: number;
  readonly margin: number;
}

/**
 * A monitor (`coordinator`) that pings the master (`v1`) and, when no reply has come for
 * `timeout` ticks, promotes the backup (`v2`), as the lecture sets it up (lesson 02). Without a
 * lease, the master is never told: one that was only cut off or paused carries on as master.
 * With `lease`, the master steps down when its lease runs out and the monitor waits the lease
 * out before it promotes (lesson 09). A run is `'unsafe'` if two nodes ever believed they were
 * master at the same time (`twoMasters`), `'safe'` otherwise.
 *
 * @example masters(simulate({ protocol: failover(), voters: 2, faults: [partition([['v1']], at(12))], horizon: 60 })) // ['v1', 'v2']
 * @example simulate({ protocol: failover({ lease: 10 }), voters: 2, faults: [partition([['v1']], at(12))], horizon: 60 }).verdict // 'safe'
 */
export function failover(options: FailoverOptions = {}): FailoverSpec {
  const spec: FailoverSpec = {
    ...options,
    name: 'failover',
    every: options.every ?? 5,
    timeout: options.timeout ?? 10,
    lease: options.lease ?? 0,
    margin: options.margin ?? 2,
  };
  return Object.freeze(spec);
}

/**
 * The nodes that are up at the end of a run and believe they are the master.
 * @example masters(simulate({ protocol: failover(), voters: 2, horizon: 60 })) // ['v1']
 */
export function masters(run: {
  readonly nodes: readonly string[];
  readonly up: Readonly<Record<string, boolean>>;
  readonly states: Readonly<Record<string, string>>;
}): string[] {
  return run.nodes.filter((n) => run.up[n] && run.states[n] === 'master');
}

const ticks = (min: number) => ({ integer: { min, max: 1_000_000 } });

defineProtocol({
  name: 'failover',
  options: { every: ticks(1), timeout: ticks(1), lease: ticks(0), margin: ticks(0) },
  messages: ['ping', 'pong', 'promote'],
  states: ['init', 'watching', 'waitingOut', 'failedOver', 'master', 'backup'],
  // Judged by twoMasters: lib/checkers/judges.ts names the checker for this protocol.
  role(s: FailoverSpec, node, kind) {
    if (kind === 'coordinator') return monitor(s.every, s.timeout, s.lease, s.margin);
    return server(node === 'v1' ? 'master' : 'backup', s.lease);
  },
});
