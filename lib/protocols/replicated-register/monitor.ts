import { nothing, setTimer, type NodeContext, type Output, type Role, type Step } from '../role';
import type { ReplicatedRegisterSpec } from './options';
import { send, type ReplicatedRegisterMessage } from './messages';

/** `watching` the master, `waiting` out its lease before promoting, or `failedOver`. */
export type MonitorPhase = 'watching' | 'waiting' | 'failedOver';

export class Monitor {
  constructor(
    readonly phase: MonitorPhase,
    readonly master: string,
    readonly ctx: NodeContext,
  ) {}
}

/**
 * Lesson 02's monitor (the coordinator node): it pings the master every `every` ticks, and a
 * master that has not answered for `timeout` ticks is declared dead, though it may only be cut
 * off or slow: the monitor cannot tell. It then promotes the backup and tells the clients.
 * With failover 'lease', each ping also renews the master's lease, and the monitor waits
 * lease + maxDelay ticks without pinging before it promotes: by then the old master has stopped
 * serving, if delays are within the bound (DDIA ch. 8: a lease is only as safe as that bound).
 */
export function monitor(spec: ReplicatedRegisterSpec): Role<Monitor, ReplicatedRegisterMessage> {
  const ping = (master: string): Output<ReplicatedRegisterMessage>[] => [setTimer('ping', spec.every), send(master, { type: 'ping' })];
  const promote = (s: Monitor): Step<Monitor, ReplicatedRegisterMessage> => {
    const next = new Monitor('failedOver', 'v2', s.ctx);
    const tell = s.ctx.others.map((c) => send(c, { type: 'newMaster', node: 'v2' }));
    // With leases the new master needs its lease renewed; the lecture's monitor just stops.
    return [next, [send('v2', { type: 'promote' }), ...tell, ...(spec.failover === 'lease' ? ping('v2') : [])]];
  };
  return {
    init: (ctx) => new Monitor('watching', 'v1', ctx),
    stateName: (s) => s.phase,
    step(s, input): Step<Monitor, ReplicatedRegisterMessage> {
      switch (input.kind) {
        case 'start':
        case 'recover':
          return [s, [setTimer('deadline', spec.timeout), ...ping(s.master)]];
        case 'receive':
          // Any pong proves the master was alive when it sent it: push the deadline back.
          return input.message.type === 'pong' && s.phase === 'watching' ? [s, [setTimer('deadline', spec.timeout)]] : [s, nothing];
        case 'timeout':
          if (input.timer === 'ping') return s.phase === 'waiting' ? [s, nothing] : [s, ping(s.master)];
          if (input.timer === 'deadline' && s.phase === 'watching' && spec.failover !== 'none') {
            if (spec.failover === 'monitor') return promote(s);
            return [new Monitor('waiting', s.master, s.ctx), [setTimer('leaseOver', spec.lease + spec.maxDelay)]];
          }
          if (input.timer === 'leaseOver' && s.phase === 'waiting') return promote(s);
          return [s, nothing];
      }
    },
  };
}
