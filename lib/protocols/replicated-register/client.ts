import { cancelTimer, nothing, setTimer, type NodeContext, type NodeId, type Output, type Role, type Step } from '../role';
import type { ReplicatedRegisterSpec } from './options';
import { send, type ReplicatedRegisterMessage } from './messages';

/**
 * A client of the register (`c1`..`cN`): `operations` operations one at a time, write, read,
 * read, write, ... (writes carry a value no one else writes: `c1.0`, `c1.3`, ...). Every request
 * carries `op`, its number, and so does every answer; the timer `reply:<op>` expiring means the
 * outcome is unknown. That is the contract `historyOf` reads.
 */
export class Client {
  constructor(
    readonly ctx: NodeContext,
    /** The operation under way or next. */
    readonly op: number,
    /** Whether an operation is under way. */
    readonly busy: boolean,
    /** Which replica it believes is master. */
    readonly master: NodeId,
    /** The highest version it has seen (fix 'remember-timestamp'). */
    readonly seen: number,
    /** It wrote within the last `window` ticks (fix 'read-own-writes-from-master'). */
    readonly recentWrite: boolean,
    /** Where the operation under way was sent. */
    readonly target: NodeId,
  ) {}
}

const other = (node: NodeId): NodeId => (node === 'v1' ? 'v2' : 'v1');

export function client(spec: ReplicatedRegisterSpec): Role<Client, ReplicatedRegisterMessage> {
  const index = (ctx: NodeContext) => ctx.others.indexOf(ctx.id);

  /** Where this read goes: the option, unless a fix says otherwise. */
  function readTarget(s: Client): NodeId {
    if (spec.fix === 'read-own-writes-from-master' && s.recentWrite) return s.master;
    if (spec.reads === 'master') return s.master;
    if (spec.reads === 'backup') return other(s.master);
    // alternate: each read goes to the next replica; sticky: always the same one, per client.
    if (spec.fix === 'sticky') return index(s.ctx) % 2 === 0 ? 'v2' : 'v1';
    return (s.op + index(s.ctx)) % 2 === 0 ? 'v1' : 'v2';
  }

  function issue(s: Client): Step<Client, ReplicatedRegisterMessage> {
    if (s.op >= spec.operations) return [new Client(s.ctx, s.op, false, s.master, s.seen, s.recentWrite, s.target), nothing];
    const timer = setTimer(`reply:${s.op}`, spec.replyTimeout);
    const busy = (target: NodeId) => new Client(s.ctx, s.op, true, s.master, s.seen, s.recentWrite, target);
    if (s.op % 3 === 0) return [busy(s.master), [timer, send(s.master, { type: 'write', op: s.op, value: `${s.ctx.id}.${s.op}` })]];
    const minVersion = spec.fix === 'remember-timestamp' ? { minVersion: s.seen } : {};
    const target = readTarget(s);
    return [busy(target), [timer, send(target, { type: 'read', op: s.op, ...minVersion })]];
  }

  /** The operation is over (answered, refused or timed out): the next one after `think` ticks. */
  function next(
    s: Client,
    master: NodeId,
    seen: number,
    recentWrite: boolean,
    extra: readonly Output<ReplicatedRegisterMessage>[] = nothing,
  ): Step<Client, ReplicatedRegisterMessage> {
    return [new Client(s.ctx, s.op + 1, false, master, seen, recentWrite, s.target), [...extra, setTimer('next', spec.think)]];
  }

  return {
    init: (ctx) => new Client(ctx, 0, false, 'v1', 0, false, 'v1'),
    stateName: (s) => (s.busy ? 'waiting' : s.op >= spec.operations ? 'done' : 'thinking'),
    step(s, input): Step<Client, ReplicatedRegisterMessage> {
      switch (input.kind) {
        case 'start':
          // Clients start one tick apart, so their operations interleave.
          return [s, [setTimer('next', 1 + index(s.ctx))]];
        case 'recover':
          return [s, nothing];
        case 'timeout':
          if (input.timer === 'next') return s.busy ? [s, nothing] : issue(s);
          if (input.timer === 'recent') return [new Client(s.ctx, s.op, s.busy, s.master, s.seen, false, s.target), nothing];
          // No answer: the outcome is unknown. If the master it believed in was silent, try the
          // other replica as master from now on (unless it has been told of a new master since).
          if (input.timer === `reply:${s.op}` && s.busy)
            return next(s, s.target === s.master ? other(s.master) : s.master, s.seen, s.recentWrite);
          return [s, nothing];
        case 'receive': {
          const m = input.message;
          if (m.type === 'newMaster') return [new Client(s.ctx, s.op, s.busy, m.node, s.seen, s.recentWrite, s.target), nothing];
          if (!s.busy || !('op' in m) || m.op !== s.op) return [s, nothing]; // a late answer to an operation given up on
          const done = cancelTimer(`reply:${s.op}`);
          switch (m.type) {
            case 'written':
              return next(
                s,
                s.master,
                Math.max(s.seen, m.version),
                spec.fix === 'read-own-writes-from-master' || s.recentWrite,
                spec.fix === 'read-own-writes-from-master' ? [done, setTimer('recent', spec.window)] : [done],
              );
            case 'value':
              return next(s, s.master, Math.max(s.seen, m.version), s.recentWrite, [done]);
            case 'notMaster':
              // Refused for sure: it did not take effect. Ask the other replica next time.
              return next(s, input.from === s.master ? other(input.from) : s.master, s.seen, s.recentWrite, [done]);
            case 'behind':
              // The backup has not caught up with what this client has seen: ask the master.
              return [s, [send(s.master, { type: 'read', op: s.op })]];
          }
          return [s, nothing];
        }
      }
    },
  };
}
