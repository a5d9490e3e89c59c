// Lesson 02's opening protocol: a client copies a write to the master (`v1`) and the backup
// (`v2`) with no commit protocol. Moved from notebooks/replication/ (issue 21) so that the kit's
// example protocols all live in lib/protocols/.
import { defineProtocol, type ProtocolSpec } from '../protocol';
import { decide, logWrite, nothing, send as anySend, setTimer, type LogWrite, type NodeContext, type Role, type Send, type Step } from '../role';

/**
 * Every message of copyToBoth: the client's write to each replica, and a replica's answer,
 * `applied` once the write is on its disk, `refused` when it cannot take it.
 */
export type CopyToBothMessage = { readonly type: 'write' } | { readonly type: 'applied' } | { readonly type: 'refused' };

/** `send` for copyToBoth's messages only. */
const send: Send<CopyToBothMessage> = anySend;

/** A replica's record of the write it applied: its only record. */
type AppliedWrite = { readonly type: 'write'; readonly tx: string };

/** `logWrite` for a replica's records only. */
const logApplied: LogWrite<AppliedWrite> = logWrite;

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

function client(timeout: number): Role<Client, CopyToBothMessage> {
  return {
    init: (ctx) => new Client('init', ctx, 0),
    stateName: (s) => s.name,
    step(s, input): Step<Client, CopyToBothMessage> {
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

function replica(timeout: number): Role<Replica, CopyToBothMessage, AppliedWrite> {
  return {
    init: (ctx) => new Replica('init', ctx),
    stateName: (s) => s.name,
    step(s, input): Step<Replica, CopyToBothMessage, AppliedWrite> {
      switch (input.kind) {
        case 'start':
          return [s, [setTimer('write', 2 * timeout)]];
        case 'receive':
          if (input.message.type !== 'write' || s.name !== 'init') return [s, nothing];
          if (s.ctx.vote === 'no') return [new Replica('refused', s.ctx), [decide('abort'), send(input.from, { type: 'refused' })]];
          return [new Replica('applied', s.ctx), [logApplied({ type: 'write', tx: 'T1' }), decide('commit'), send(input.from, { type: 'applied' })]];
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
  role: (spec: CopyToBothSpec, _node, kind) => (kind === 'coordinator' ? client(spec.timeout) : replica(spec.timeout)),
});
