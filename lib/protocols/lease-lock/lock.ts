import {
  cancelTimer,
  nothing,
  setTimer,
  type Input,
  type NodeId,
  type Output,
  type Role,
  type Step,
} from '../role';
import { logWrite, send, type LeaseLockMessage, type LeaseLockRecord } from './messages';

export type LockStateName = 'free' | 'held' | 'delayed';

/**
 * The lock service's state: who holds the lock under which token, and who waits.
 * `token` is the last token granted; the next grant gets `token + 1`.
 */
export class LockService {
  constructor(
    readonly holder: NodeId | null,
    readonly token: number,
    readonly waiting: readonly NodeId[],
    /** Chubby's lock-delay: after a lease ran out, the lock stays unavailable for a while. */
    readonly delayed: boolean,
  ) {}
}

const FREE = new LockService(null, 0, [], false);

/**
 * The lock service (DDIA ch. 8, "The leader and the lock"; Burrows, Chubby, sec. 2.4).
 *
 * It grants the lock to one client at a time for `lease` ticks, and hands it to the
 * next waiter when the holder releases it or when the lease has run out by the
 * service's own clock. What it assumes, and cannot check: that the holder's clock runs
 * no slower than its own, that a message takes no more than the client's `margin`, and
 * that the holder does nothing under the lock once its lease is over. A process pause
 * or a drifting clock breaks the last two: that is what the store's fencing is for.
 *
 * Every grant carries a fencing token, one more than the last (Chubby's sequencer
 * carries the lock's generation number the same way). The token is logged before the
 * grant is sent, so a lock service that crashes and recovers never hands out a token
 * twice; on recovery it treats the last holder as holding a full lease, as Chubby's new
 * master waits out the leases the old one may have granted.
 */
export function lockService(lease: number, lockDelay: number): Role<LockService, LeaseLockMessage, LeaseLockRecord> {
  const grantTo = (s: LockService, client: NodeId, waiting: readonly NodeId[]): Step<LockService, LeaseLockMessage, LeaseLockRecord> => {
    const token = s.token + 1;
    return [
      new LockService(client, token, waiting, false),
      [logWrite({ type: 'grant', token, holder: client }), setTimer('expire', lease), send(client, { type: 'granted', token, lease })],
    ];
  };
  // The lock is free: the first waiter gets it, if anyone waits.
  const next = (s: LockService): Step<LockService, LeaseLockMessage, LeaseLockRecord> =>
    s.waiting.length > 0 ? grantTo(s, s.waiting[0], s.waiting.slice(1)) : [new LockService(null, s.token, s.waiting, false), nothing];

  return {
    init: () => FREE,
    stateName: (s) => (s.holder !== null ? 'held' : s.delayed ? 'delayed' : 'free'),
    step(s, input: Input<LeaseLockMessage, LeaseLockRecord>): Step<LockService, LeaseLockMessage, LeaseLockRecord> {
      switch (input.kind) {
        case 'start':
          return [s, nothing];
        case 'receive': {
          const { from, message } = input;
          switch (message.type) {
            case 'acquire':
              if (s.holder === null && !s.delayed) return grantTo(s, from, s.waiting);
              // A client asking again (its retry) while it holds the lock or waits for it changes nothing.
              if (s.holder === from || s.waiting.includes(from)) return [s, nothing];
              return [new LockService(s.holder, s.token, [...s.waiting, from], s.delayed), nothing];
            case 'renew':
              // Only the current holder, under the current token, may extend its lease.
              if (s.holder !== from || message.token !== s.token) return [s, nothing];
              return [s, [setTimer('expire', lease), send(from, { type: 'granted', token: s.token, lease })]];
            case 'release':
              if (s.holder !== from || message.token !== s.token) return [s, nothing];
              return withCancel(next(s));
            default:
              return [s, nothing];
          }
        }
        case 'timeout':
          if (input.timer === 'expire' && s.holder !== null) {
            // The holder's lease is over by this clock. With a lock-delay, nobody gets the
            // lock for a while, in case the holder is only slow (Chubby, sec. 2.4).
            if (lockDelay > 0) return [new LockService(null, s.token, s.waiting, true), [setTimer('delay', lockDelay)]];
            return next(s);
          }
          if (input.timer === 'delay' && s.delayed) return next(s);
          return [s, nothing];
        case 'recover':
          return recovered(input.log, lease);
      }
    },
  };
}

function withCancel(
  [state, outputs]: Step<LockService, LeaseLockMessage, LeaseLockRecord>,
): Step<LockService, LeaseLockMessage, LeaseLockRecord> {
  return [state, [cancelTimer('expire'), ...outputs]];
}

/** From its log: the last token granted, and its holder treated as holding a fresh lease. */
function recovered(log: readonly LeaseLockRecord[], lease: number): Step<LockService, LeaseLockMessage, LeaseLockRecord> {
  let last: Extract<LeaseLockRecord, { type: 'grant' }> | undefined;
  for (const r of log) if (r.type === 'grant') last = r;
  if (last === undefined) return [FREE, nothing];
  const out: Output<LeaseLockMessage, LeaseLockRecord>[] = [setTimer('expire', lease)];
  return [new LockService(last.holder, last.token, [], false), out];
}
