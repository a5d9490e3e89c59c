import { cancelTimer, nothing, setTimer, type Input, type NodeContext, type Role, type Step } from '../role';
import { send, type LeaseLockMessage } from './messages';

export type ClientStateName = 'init' | 'waiting' | 'holding' | 'writing' | 'done' | 'fenced';

/** A client's state: where it is, and the token of the lease it holds (0: none). */
export class Client {
  constructor(
    readonly name: ClientStateName,
    readonly token: number,
    readonly ctx: NodeContext,
  ) {}
}

/** What a client needs to know of the lock's terms. */
export interface ClientTerms {
  /** The lease the lock grants, in ticks. */
  readonly lease: number;
  /** Ticks of work between getting the lock and writing. */
  readonly work: number;
  /** Ticks the client takes off its lease, for the grant's time in flight. */
  readonly margin: number;
}

/**
 * A client of the lock (DDIA ch. 8, fig. 8-4): it acquires the lock, works for `work`
 * ticks, writes to the store under its token, and releases the lock.
 *
 * It respects its lease as well as a process can: its lease timer (the lease less
 * `margin`, counted from the grant's arrival) stops its work the moment it fires, and it
 * renews the lease halfway through. What it cannot do is notice time that passed while it
 * was not running: after a pause, its work timer may fire before its lease timer, and it
 * writes on a lease that ran out long ago. A slow clock does the same more quietly.
 */
export function client(terms: ClientTerms): Role<Client, LeaseLockMessage> {
  const valid = Math.max(1, terms.lease - terms.margin);
  const renewEvery = Math.max(1, Math.floor(valid / 2));
  const acquire = (s: Client): Step<Client, LeaseLockMessage> => [
    new Client('waiting', 0, s.ctx),
    // A lock service that crashed forgot its waiters: ask again now and then.
    [cancelTimer('work'), cancelTimer('lease'), cancelTimer('renew'), setTimer('retry', terms.lease), send('lock', { type: 'acquire' })],
  ];

  return {
    init: (ctx) => new Client('init', 0, ctx),
    stateName: (s) => s.name,
    step(s, input: Input<LeaseLockMessage>): Step<Client, LeaseLockMessage> {
      switch (input.kind) {
        case 'start':
        case 'recover':
          // A client keeps nothing durable: after a crash it starts over.
          return acquire(s);
        case 'receive': {
          const { message } = input;
          switch (message.type) {
            case 'granted': {
              const token = message.token;
              if (s.name === 'waiting') {
                return [
                  new Client('holding', token, s.ctx),
                  [cancelTimer('retry'), setTimer('lease', valid), setTimer('renew', renewEvery), setTimer('work', terms.work)],
                ];
              }
              // A renewal: the lease runs again from now.
              if (s.name === 'holding' && token === s.token) return [s, [setTimer('lease', valid)]];
              // A newer grant while holding: an acquire of ours, still on its way when we got the
              // lock, was granted after that lease ended. The lock now knows us by the newer token,
              // and a write under the old one would be stale: hold under the newer.
              if (s.name === 'holding' && token > s.token) return [new Client('holding', token, s.ctx), [setTimer('lease', valid)]];
              return [s, nothing];
            }
            case 'written':
              return s.name === 'writing'
                ? [new Client('done', s.token, s.ctx), [send('lock', { type: 'release', token: s.token })]]
                : [s, nothing];
            case 'rejected':
              // Fenced off: a newer holder has written. Give the lock back all the same.
              return s.name === 'writing'
                ? [new Client('fenced', s.token, s.ctx), [send('lock', { type: 'release', token: s.token })]]
                : [s, nothing];
            default:
              return [s, nothing];
          }
        }
        case 'timeout':
          switch (input.timer) {
            case 'work':
              // Still holding, as far as this client can tell: its lease timer has not fired.
              if (s.name !== 'holding') return [s, nothing];
              return [
                new Client('writing', s.token, s.ctx),
                [cancelTimer('renew'), cancelTimer('lease'), send('store', { type: 'write', token: s.token })],
              ];
            case 'renew':
              if (s.name !== 'holding') return [s, nothing];
              return [s, [setTimer('renew', renewEvery), send('lock', { type: 'renew', token: s.token })]];
            case 'lease':
              // The lease ran out before the work was done: stop, and queue for the lock again.
              return s.name === 'holding' ? acquire(s) : [s, nothing];
            case 'retry':
              return s.name === 'waiting' ? acquire(s) : [s, nothing];
            default:
              return [s, nothing];
          }
      }
    },
  };
}
