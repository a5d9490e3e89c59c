import { logWrite, nothing, send, type Input, type LogRecord, type Message, type NodeId, type Role, type Step } from '../role';
import { voterIndex } from '../voter-set';
import type { InstanceValue } from './decision';
import { Topology } from './leader';

export type AcceptorStateName = 'init' | 'accepting' | 'accepted';

/**
 * An acceptor's state: per instance (one per voter), the highest ballot it promised
 * (`mbal`), the ballot it last accepted in (`bal`, -1 for none) and that value.
 * Everything here is also in its log, so a crash loses none of it.
 */
export class Acceptor {
  constructor(
    readonly name: AcceptorStateName,
    readonly topo: Topology,
    readonly mbal: Int32Array,
    readonly bal: Int32Array,
    readonly val: readonly (InstanceValue | null)[],
  ) {}
}

/**
 * An acceptor (Lamport's Paxos, one instance per voter, as in Gray and Lamport's Paxos Commit).
 *
 * Phase 1: a `phase1a` of a ballot higher than any it promised gets a promise never to
 * accept a lower one, and a `phase1b` reporting what it has accepted. Phase 2: a `phase2a`
 * of a ballot no lower than its promise is accepted, and a `phase2b` goes to the ballot's
 * leader (ballot 0: the coordinator). Every promise and acceptance is logged before the
 * reply leaves, and replayed on recovery: an acceptor that forgot would break Paxos.
 * It never times out and never leads; it only answers.
 */
export function acceptor(timeout: number): Role<Acceptor> {
  return {
    init: (ctx) => {
      const n = ctx.voters.length;
      return new Acceptor('init', new Topology(ctx, timeout), new Int32Array(n), new Int32Array(n).fill(-1), new Array(n).fill(null));
    },
    stateName: (s) => s.name,
    step(s, input: Input): Step<Acceptor> {
      switch (input.kind) {
        case 'start':
        case 'timeout':
          return [s, nothing];
        case 'receive':
          return receive(s, input.from, input.message);
        case 'recover':
          return [replay(s, input.log), nothing];
      }
    },
  };
}

function receive(s: Acceptor, from: NodeId, m: Message): Step<Acceptor> {
  const i = voterIndex(m.ins as string);
  if (i < 0 || i >= s.topo.voters.length) return [s, nothing];
  const ins = m.ins as NodeId;
  const b = m.bal as number;
  switch (m.type) {
    case 'phase1a': {
      if (b < s.mbal[i]) {
        // A refusal: the ballot is stale; telling its leader the higher number lets it start above.
        return [s, [send(from, promise(s, ins, i, s.mbal[i]))]];
      }
      if (b === s.mbal[i]) return [s, [send(from, promise(s, ins, i, b))]]; // a repeat: same answer
      const mbal = s.mbal.slice();
      mbal[i] = b;
      const next = new Acceptor(s.name, s.topo, mbal, s.bal, s.val);
      return [next, [logWrite({ type: 'promise', ins, bal: b }), send(from, promise(next, ins, i, b))]];
    }
    case 'phase2a': {
      const v = m.val as InstanceValue;
      if (b < s.mbal[i]) {
        // Stale: a higher ballot has begun. Pass on what this acceptor holds to that ballot's leader;
        // a voter re-sending its vote is asking for the outcome.
        return s.bal[i] >= 0 ? [s, [send(s.topo.owner(s.bal[i]), accepted(ins, s.bal[i], s.val[i]!))]] : [s, nothing];
      }
      if (b === s.bal[i]) return [s, [send(s.topo.owner(b), accepted(ins, b, s.val[i]!))]]; // a repeat: answer again
      const mbal = s.mbal.slice();
      const bal = s.bal.slice();
      const val = s.val.slice();
      mbal[i] = b;
      bal[i] = b;
      val[i] = v;
      const next = new Acceptor(nameOf(val), s.topo, mbal, bal, val);
      return [next, [logWrite({ type: 'accept', ins, bal: b, val: v }), send(s.topo.owner(b), accepted(ins, b, v))]];
    }
    default:
      return [s, nothing];
  }
}

function promise(s: Acceptor, ins: NodeId, i: number, mbal: number): Message {
  return { type: 'phase1b', ins, mbal, bal: s.bal[i], val: s.val[i] ?? 'none' };
}

function accepted(ins: NodeId, bal: number, val: InstanceValue): Message {
  return { type: 'phase2b', ins, bal, val };
}

/** The state the log describes: every promise and acceptance, oldest first. */
function replay(s: Acceptor, log: readonly LogRecord[]): Acceptor {
  const mbal = s.mbal.slice();
  const bal = s.bal.slice();
  const val = s.val.slice();
  for (const r of log) {
    const i = voterIndex(r.ins as string);
    if (i < 0 || i >= mbal.length) continue;
    const b = r.bal as number;
    if (b > mbal[i]) mbal[i] = b;
    if (r.type === 'accept') {
      bal[i] = b;
      val[i] = r.val as InstanceValue;
    }
  }
  return new Acceptor(nameOf(val), s.topo, mbal, bal, val);
}

function nameOf(val: readonly (InstanceValue | null)[]): AcceptorStateName {
  let n = 0;
  for (const v of val) if (v !== null) n++;
  return n === 0 ? 'init' : n === val.length ? 'accepted' : 'accepting';
}
