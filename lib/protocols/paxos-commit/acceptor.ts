// answer-bearing: 08-acceptor (the student version ships this file compiled, not as source: lib/exercise/README.md)
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
import { voterIndex } from '../voter-set';
import { paperRules, type InstanceValue } from './decision';
import { KIT_FLOW, type PaxosFlow } from './flow';
import { Topology } from './leader';
import {
  logWrite,
  send,
  type PaxosCommitMessage,
  type PaxosCommitRecord,
  type Phase1b,
  type Phase2b,
  type BundledPhase2b,
} from './messages';

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
    /** With `flow.bundle`: ballot-0 votes received but not yet accepted, waiting to be logged and answered together. */
    readonly pending: readonly (InstanceValue | null)[],
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
 * It never leads; it only answers.
 *
 * With `flow.bundle` (the paper's section 4.3: an acceptor may bundle its phase 2b
 * messages for all instances into one), ballot-0 votes wait in `pending` until every
 * instance has voted, or `timeout` ticks after the first, or until any other message
 * arrives; then one log write accepts them all and one phase 2b answers them all. Nothing
 * pending has been accepted: a crash forgets it, and the voters re-send. With `flow.fast`
 * the ballot-0 phase 2b goes to every voter as well as to the coordinator.
 */
export function acceptor(timeout: number, flow: PaxosFlow = KIT_FLOW): Role<Acceptor, PaxosCommitMessage, PaxosCommitRecord> {
  return {
    init: (ctx) => {
      const n = ctx.voters.length;
      const none = new Array(n).fill(null);
      return new Acceptor('init', new Topology(ctx, timeout, paperRules, flow), new Int32Array(n), new Int32Array(n).fill(-1), none, none);
    },
    stateName: (s) => s.name,
    step(s, input: Input<PaxosCommitMessage, PaxosCommitRecord>): Step<Acceptor, PaxosCommitMessage, PaxosCommitRecord> {
      switch (input.kind) {
        case 'start':
          return [s, nothing];
        case 'timeout':
          return input.timer === 'bundle' ? flush(s) : [s, nothing];
        case 'receive':
          return receiveBundling(s, input.from, input.message);
        case 'recover':
          return [replay(s, input.log), nothing];
      }
    },
  };
}

/** With bundling, a first ballot-0 vote waits for the others; any other message first flushes what waits. */
function receiveBundling(s: Acceptor, from: NodeId, m: PaxosCommitMessage): Step<Acceptor, PaxosCommitMessage, PaxosCommitRecord> {
  if (!s.topo.flow.bundle) return receive(s, from, m);
  const i = m.type === 'phase2a' || m.type === 'phase1a' ? voterIndex(m.ins) : -1;
  if (m.type === 'phase2a' && m.bal === 0 && i >= 0 && i < s.pending.length && s.bal[i] < 0 && s.mbal[i] === 0) {
    if (s.pending[i] !== null) return [s, nothing]; // a re-sent vote already waiting: the flush answers it
    const pending = s.pending.slice();
    pending[i] = m.val;
    const waiting = new Acceptor(s.name, s.topo, s.mbal, s.bal, s.val, pending);
    let open = 0;
    for (let k = 0; k < pending.length; k++) if (pending[k] === null && s.bal[k] < 0) open++;
    if (open === 0) return flush(waiting);
    const first = s.pending.every((v) => v === null);
    return [waiting, first ? [setTimer('bundle', s.topo.timeout)] : nothing];
  }
  if (s.pending.every((v) => v === null)) return receive(s, from, m);
  const [flushed, out] = flush(s);
  const [next, more] = receive(flushed, from, m);
  return [next, [...out, ...more]];
}

/** Accept every pending vote with one log write, and answer them with one phase 2b. */
function flush(s: Acceptor): Step<Acceptor, PaxosCommitMessage, PaxosCommitRecord> {
  const votes: Record<NodeId, InstanceValue> = {};
  const mbal = s.mbal.slice();
  const bal = s.bal.slice();
  const val = s.val.slice();
  let any = false;
  for (let i = 0; i < s.pending.length; i++) {
    const v = s.pending[i];
    if (v === null || s.bal[i] >= 0 || s.mbal[i] > 0) continue; // a higher ballot began meanwhile: the vote is stale
    votes[s.topo.voters[i]] = v;
    bal[i] = 0;
    val[i] = v;
    any = true;
  }
  const cleared = new Array(s.pending.length).fill(null);
  if (!any) return [new Acceptor(s.name, s.topo, s.mbal, s.bal, s.val, cleared), [cancelTimer('bundle')]];
  const next = new Acceptor(nameOf(val), s.topo, mbal, bal, val, cleared);
  const message: BundledPhase2b = { type: 'phase2b', bal: 0, votes };
  return [next, [cancelTimer('bundle'), logWrite({ type: 'accept', bal: 0, votes }), ...answer(s, 0, message)]];
}

/** A phase 2b of ballot `bal` goes to the ballot's leader, and with `flow.fast` a ballot-0 one to every voter too. */
function answer(s: Acceptor, bal: number, m: Phase2b | BundledPhase2b): Output<PaxosCommitMessage, PaxosCommitRecord>[] {
  const owner = s.topo.owner(bal);
  const out: Output<PaxosCommitMessage, PaxosCommitRecord>[] = [send(owner, m)];
  if (bal === 0 && s.topo.flow.fast) for (const v of s.topo.voters) if (v !== owner) out.push(send(v, m));
  return out;
}

function receive(s: Acceptor, from: NodeId, m: PaxosCommitMessage): Step<Acceptor, PaxosCommitMessage, PaxosCommitRecord> {
  if (m.type !== 'phase1a' && m.type !== 'phase2a') return [s, nothing];
  const i = voterIndex(m.ins);
  if (i < 0 || i >= s.topo.voters.length) return [s, nothing];
  const ins = m.ins;
  const b = m.bal;
  switch (m.type) {
    case 'phase1a': {
      if (b < s.mbal[i]) {
        // A refusal: the ballot is stale; telling its leader the higher number lets it start above.
        return [s, [send(from, promise(s, ins, i, s.mbal[i]))]];
      }
      if (b === s.mbal[i]) return [s, [send(from, promise(s, ins, i, b))]]; // a repeat: same answer
      const mbal = s.mbal.slice();
      mbal[i] = b;
      const next = new Acceptor(s.name, s.topo, mbal, s.bal, s.val, s.pending);
      return [next, [logWrite({ type: 'promise', ins, bal: b }), send(from, promise(next, ins, i, b))]];
    }
    case 'phase2a': {
      const v = m.val;
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
      const next = new Acceptor(nameOf(val), s.topo, mbal, bal, val, s.pending);
      return [next, [logWrite({ type: 'accept', ins, bal: b, val: v }), ...answer(s, b, accepted(ins, b, v))]];
    }
    default:
      return [s, nothing];
  }
}

function promise(s: Acceptor, ins: NodeId, i: number, mbal: number): Phase1b {
  return { type: 'phase1b', ins, mbal, bal: s.bal[i], val: s.val[i] ?? 'none' };
}

function accepted(ins: NodeId, bal: number, val: InstanceValue): Phase2b {
  return { type: 'phase2b', ins, bal, val };
}

/** The state the log describes: every promise and acceptance, oldest first. */
function replay(s: Acceptor, log: readonly PaxosCommitRecord[]): Acceptor {
  const mbal = s.mbal.slice();
  const bal = s.bal.slice();
  const val = s.val.slice();
  for (const r of log) {
    // On a shared machine (`flow.colocate`) the log also holds the coordinator's or voter's records.
    if (r.type !== 'promise' && r.type !== 'accept') continue;
    const b = r.bal;
    if ('votes' in r) {
      // A bundle: one acceptance per instance, all in ballot `b`.
      for (const [ins, v] of Object.entries(r.votes)) {
        const k = voterIndex(ins);
        if (k < 0 || k >= mbal.length) continue;
        if (b > mbal[k]) mbal[k] = b;
        bal[k] = b;
        val[k] = v;
      }
      continue;
    }
    const i = voterIndex(r.ins);
    if (i < 0 || i >= mbal.length) continue;
    if (b > mbal[i]) mbal[i] = b;
    if (r.type === 'accept') {
      bal[i] = b;
      val[i] = r.val;
    }
  }
  return new Acceptor(nameOf(val), s.topo, mbal, bal, val, new Array(mbal.length).fill(null));
}

function nameOf(val: readonly (InstanceValue | null)[]): AcceptorStateName {
  let n = 0;
  for (const v of val) if (v !== null) n++;
  return n === 0 ? 'init' : n === val.length ? 'accepted' : 'accepting';
}
