// Two tiny protocols for lesson 02 (master and backup master), written against the kit's
// public face exactly as a learner would write their own. Both use the kit's node names:
// `coordinator` is the client (copyToBoth) or the monitor (failover); v1 is the master,
// v2 the backup.
import { decide, defineProtocol, logWrite, nothing, send, setTimer, type NodeContext, type ProtocolSpec, type Role, type Run, type Step } from '../lib/index';

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

export interface FailoverSpec extends ProtocolSpec {
  readonly name: 'failover';
  /** Ticks between two heartbeats. */
  readonly every: number;
  /** Ticks without a heartbeat reply after which the monitor declares the master dead. */
  readonly timeout: number;
}

/**
 * A monitor (`coordinator`) that pings the master (`v1`) and, when no reply has come for
 * `timeout` ticks, promotes the backup (`v2`). The master is never told: a master that was only
 * cut off or paused carries on as master. Nodes end in state `master`, `backup` or, for the
 * monitor, `watching` / `failedOver`.
 *
 * @example masters(simulate({ protocol: failover(), voters: 2, faults: [partition([['v1']], at(12))], horizon: 60 })) // ['v1', 'v2']
 */
export function failover(options: { readonly every?: number; readonly timeout?: number } = {}): FailoverSpec {
  return Object.freeze({ ...options, name: 'failover', every: options.every ?? 5, timeout: options.timeout ?? 10 });
}

type MonitorState = 'init' | 'watching' | 'failedOver';

function monitor(every: number, timeout: number): Role<MonitorState> {
  const ping = [setTimer('ping', every), send('v1', { type: 'ping' })];
  return {
    init: () => 'init',
    stateName: (s) => s,
    step(s, input): Step<MonitorState> {
      if (s === 'failedOver') return [s, nothing];
      switch (input.kind) {
        case 'start':
          return ['watching', [setTimer('deadline', timeout), ...ping]];
        case 'receive':
          // Any reply proves the master was alive when it sent it: push the deadline back.
          return input.message.type === 'pong' ? [s, [setTimer('deadline', timeout)]] : [s, nothing];
        case 'timeout':
          if (input.timer === 'ping') return [s, ping];
          return ['failedOver', [send('v2', { type: 'promote' })]];
        case 'recover':
          return ['watching', [setTimer('deadline', timeout), ...ping]];
      }
    },
  };
}

type ServerState = 'master' | 'backup';

function server(initial: ServerState): Role<ServerState> {
  return {
    init: () => initial,
    stateName: (s) => s,
    step(s, input): Step<ServerState> {
      if (input.kind !== 'receive') return [s, nothing];
      if (input.message.type === 'ping') return [s, [send(input.from, { type: 'pong' })]];
      if (input.message.type === 'promote') return ['master', nothing];
      return [s, nothing];
    },
  };
}

defineProtocol({
  name: 'failover',
  options: { every: { integer: { min: 1, max: 1_000_000 } }, timeout: { integer: { min: 1, max: 1_000_000 } } },
  messages: ['ping', 'pong', 'promote'],
  states: ['init', 'watching', 'failedOver', 'master', 'backup'],
  role(spec, node, kind) {
    const s = spec as FailoverSpec;
    if (kind === 'coordinator') return monitor(s.every, s.timeout);
    return server(node === 'v1' ? 'master' : 'backup');
  },
});

/**
 * The nodes that are up at the end of a run and believe they are the master.
 * @example masters(simulate({ protocol: failover(), voters: 2, horizon: 60 })) // ['v1']
 */
export function masters(run: Run): string[] {
  return run.nodes.filter((n) => run.up[n] && run.states[n] === 'master');
}
