import { cancelTimer, nothing, send as anySend, setTimer, type Role, type Send, type Step } from '../role';

export type MonitorState = 'init' | 'watching' | 'waitingOut' | 'failedOver';
export type ServerState = 'master' | 'backup';

/** The monitor's ping and the master's pong; `promote` makes the backup master (lesson 02). */
export type FailoverMessage = { readonly type: 'ping' } | { readonly type: 'pong' } | { readonly type: 'promote' };

const send: Send<FailoverMessage> = anySend;

/**
 * The lecture's monitor (`coordinator`): it pings the master (`v1`) every `every` ticks and,
 * when no reply has come for `timeout` ticks, promotes the backup (`v2`). It cannot tell a
 * dead master from a cut link or a paused one (DDIA ch. 8): nothing in the replies it did
 * not get says which.
 *
 * With a `lease` (ticks, 0 for none), each ping also renews the master's lease, and the
 * monitor, having given up on the master, stops pinging and waits the lease out (plus
 * `margin` ticks for a ping still in flight) before it promotes anyone: by then a master
 * that is merely cut off has stepped down on its own.
 */
export function monitor(every: number, timeout: number, lease: number, margin: number): Role<MonitorState, FailoverMessage> {
  const ping = [setTimer('ping', every), send('v1', { type: 'ping' })];
  const promote = [send('v2', { type: 'promote' })];
  return {
    init: () => 'init',
    stateName: (s) => s,
    step(s, input): Step<MonitorState, FailoverMessage> {
      if (s === 'failedOver') return [s, nothing];
      switch (input.kind) {
        case 'start':
        case 'recover':
          return ['watching', [setTimer('deadline', timeout), ...ping]];
        case 'receive':
          // Any reply proves the master was alive when it sent it: push the deadline back.
          return s === 'watching' && input.message.type === 'pong' ? [s, [setTimer('deadline', timeout)]] : [s, nothing];
        case 'timeout':
          if (input.timer === 'ping') return s === 'watching' ? [s, ping] : [s, nothing];
          if (input.timer === 'deadline' && s === 'watching') {
            if (lease === 0) return ['failedOver', promote];
            return ['waitingOut', [cancelTimer('ping'), setTimer('leaseOver', lease + margin)]];
          }
          if (input.timer === 'leaseOver' && s === 'waitingOut') return ['failedOver', promote];
          return [s, nothing];
      }
    },
  };
}

/**
 * A server: the master (`v1`) or the backup (`v2`). It answers pings and becomes master when
 * promoted. Under a `lease`, the master steps down to backup when no ping has renewed its
 * lease for `lease` ticks by its own clock (counted from the start, then from each ping).
 */
export function server(initial: ServerState, lease: number): Role<ServerState, FailoverMessage> {
  const renew = lease > 0 ? [setTimer('lease', lease)] : [];
  return {
    init: () => initial,
    stateName: (s) => s,
    step(s, input): Step<ServerState, FailoverMessage> {
      switch (input.kind) {
        case 'start':
          return [s, s === 'master' ? renew : nothing];
        case 'receive':
          if (input.message.type === 'ping')
            return [s, s === 'master' ? [...renew, send(input.from, { type: 'pong' })] : [send(input.from, { type: 'pong' })]];
          if (input.message.type === 'promote') return ['master', nothing];
          return [s, nothing];
        case 'timeout':
          return input.timer === 'lease' && s === 'master' ? ['backup', nothing] : [s, nothing];
        default:
          return [s, nothing];
      }
    },
  };
}
