import { nothing, type NodeContext, type NodeId, type Output, type Step } from '../role';
import { voterIndex } from '../voter-set';
import { majority, paperRules, type InstanceValue, type LeaderRules } from './decision';
import { acceptorHosts, KIT_FLOW, type PaxosFlow } from './flow';
import { logWrite, send, type BundledPhase2b, type PaxosCommitMessage, type PaxosCommitRecord, type Phase1b, type Phase2b } from './messages';

/**
 * Who is who in one run, fixed for the run and shared by every state of a node.
 * Ballot `b` belongs to `leaders[b % leaders.length]`, so two leaders never run the
 * same ballot (the paper: ballot numbers are partitioned among the possible leaders).
 */
export class Topology {
  readonly voters: readonly NodeId[];
  /** Where acceptor a(i+1) receives its messages: its own node, or the machine it shares (`flow.colocate`). */
  readonly acceptors: readonly NodeId[];
  /** Where a voter's first vote goes: every acceptor, or the first F + 1 (`flow.phase2a`). */
  readonly voteTargets: readonly NodeId[];
  /** The coordinator first; then, when the acceptors tolerate a fault (F >= 1), the voters in id order. */
  readonly leaders: readonly NodeId[];
  readonly majority: number;
  /** This node's place among the leaders, or -1 if it never leads. */
  readonly leaderIndex: number;
  /** This node's own instance (a voter's index), or -1. */
  readonly instance: number;

  constructor(
    readonly ctx: NodeContext,
    readonly timeout: number,
    readonly rules: LeaderRules = paperRules,
    readonly flow: PaxosFlow = KIT_FLOW,
  ) {
    this.voters = ctx.voters;
    this.acceptors = acceptorHosts(ctx, flow);
    this.majority = majority(this.acceptors.length);
    this.voteTargets = flow.phase2a === 'majority' ? this.acceptors.slice(0, this.majority) : this.acceptors;
    this.leaders = leadersOf(ctx, this.acceptors.length);
    this.leaderIndex = this.leaders.indexOf(ctx.id);
    this.instance = voterIndex(ctx.id);
  }

  /** Whether voters take over when the coordinator is silent (only with F >= 1 acceptors' faults tolerated). */
  get backups(): boolean {
    return this.leaders.length > 1;
  }

  /** The leader a phase 2b of ballot `bal` goes to. Ballot 0 is the coordinator's. */
  owner(bal: number): NodeId {
    return this.leaders[bal % this.leaders.length];
  }

  /** The smallest ballot above `highest` that this node owns. */
  nextBallot(highest: number): number {
    const l = this.leaders.length;
    const b = highest + 1;
    return b + ((((this.leaderIndex - b) % l) + l) % l);
  }
}

/** The leaders of a run, built once per run: every node's context shares the same `voters` array. */
const leadersByVoters = new WeakMap<readonly NodeId[], readonly NodeId[]>();
function leadersOf(ctx: NodeContext, acceptors: number): readonly NodeId[] {
  if (acceptors < 3) return [ctx.coordinator];
  let leaders = leadersByVoters.get(ctx.voters);
  if (leaders === undefined || leaders[0] !== ctx.coordinator) {
    leadersByVoters.set(ctx.voters, (leaders = [ctx.coordinator, ...ctx.voters]));
  }
  return leaders;
}

/**
 * What a leader knows of the instances: the ballot it runs, the promises and acceptances
 * it has counted, and each instance's chosen value once a majority accepted it.
 * Built only by this constructor; arrays are copied on change, never mutated.
 */
export class Leadership {
  constructor(
    /** The ballot this node runs phase 1 for, or -1 (the coordinator's ballot 0 needs no phase 1). */
    readonly ballot: number,
    /** The highest ballot this node has started or heard of. */
    readonly highest: number,
    /** Per instance, a bit per acceptor that promised `ballot`. */
    readonly promised: Uint32Array,
    /** Per instance, the highest ballot any promise reported a value accepted in (-1: none). */
    readonly reportedBal: Int32Array,
    readonly reportedVal: readonly (InstanceValue | null)[],
    /** Per instance, 1 once `ballot`'s phase 2a went out (or nothing is left to propose). */
    readonly proposed: Uint8Array,
    /** Per instance, the ballot whose phase 2b messages are being counted, and a bit per acceptor counted. */
    readonly counting: Int32Array,
    readonly counted: Uint32Array,
    /** Per instance, the chosen value, or null while unknown. */
    readonly learned: readonly (InstanceValue | null)[],
  ) {}

  /** Knowing nothing yet, above ballot `highest`. Never mutated, so nodes that have not led share one. */
  static fresh(instances: number, highest: number): Leadership {
    if (highest === 0) {
      let shared = blank.get(instances);
      if (shared === undefined) blank.set(instances, (shared = Leadership.build(instances, 0)));
      return shared;
    }
    return Leadership.build(instances, highest);
  }

  private static build(instances: number, highest: number): Leadership {
    const none: (InstanceValue | null)[] = new Array(instances).fill(null);
    return new Leadership(-1, highest, new Uint32Array(instances), new Int32Array(instances).fill(-1), none,
      new Uint8Array(instances), new Int32Array(instances), new Uint32Array(instances), none);
  }

  with(fields: {
    ballot?: number; highest?: number; promised?: Uint32Array; reportedBal?: Int32Array; reportedVal?: readonly (InstanceValue | null)[];
    proposed?: Uint8Array; counting?: Int32Array; counted?: Uint32Array; learned?: readonly (InstanceValue | null)[];
  }): Leadership {
    return new Leadership(fields.ballot ?? this.ballot, fields.highest ?? this.highest, fields.promised ?? this.promised,
      fields.reportedBal ?? this.reportedBal, fields.reportedVal ?? this.reportedVal, fields.proposed ?? this.proposed,
      fields.counting ?? this.counting, fields.counted ?? this.counted, fields.learned ?? this.learned);
  }
}

const blank = new Map<number, Leadership>();

/**
 * Start a new ballot for every instance whose value is still unknown (the paper's
 * phase 1a). The ballot number is logged first, so that a leader that crashes and
 * comes back never runs the same ballot twice with a different value.
 */
export function startBallot(topo: Topology, lead: Leadership): Step<Leadership, PaxosCommitMessage, PaxosCommitRecord> {
  const n = topo.voters.length;
  const open: number[] = [];
  for (let i = 0; i < n; i++) if (lead.learned[i] === null) open.push(i);
  if (open.length === 0) return [lead, nothing];
  const bal = topo.nextBallot(lead.highest);
  const proposed = new Uint8Array(n).fill(1);
  const out: Output<PaxosCommitMessage, PaxosCommitRecord>[] = [logWrite({ type: 'ballot', bal })];
  for (const i of open) {
    proposed[i] = 0;
    for (const a of topo.acceptors) out.push(send(a, { type: 'phase1a', ins: topo.voters[i], bal }));
  }
  const next = lead.with({
    ballot: bal,
    highest: bal,
    promised: new Uint32Array(n),
    reportedBal: new Int32Array(n).fill(-1),
    reportedVal: new Array(n).fill(null),
    proposed,
  });
  return [next, out];
}

/**
 * A promise (phase 1b). Once a majority promised this ballot for an instance, propose
 * the one value Paxos allows (`safeValue`) to every acceptor (phase 2a). A promise for a
 * higher ballot than ours is a refusal: remember the number, to start above it next time.
 */
export function onPhase1b(
  topo: Topology,
  lead: Leadership,
  from: NodeId,
  m: Phase1b,
): Step<Leadership, PaxosCommitMessage, PaxosCommitRecord> {
  const i = voterIndex(m.ins);
  const acc = topo.acceptors.indexOf(from);
  const mbal = m.mbal;
  if (i < 0 || i >= topo.voters.length || acc < 0) return [lead, nothing];
  const base = mbal > lead.highest ? lead.with({ highest: mbal }) : lead;
  if (mbal !== lead.ballot || lead.proposed[i] === 1 || (lead.promised[i] & (1 << acc)) !== 0) return [base, nothing];

  const promised = lead.promised.slice();
  promised[i] |= 1 << acc;
  let { reportedBal, reportedVal } = lead;
  if (m.bal > reportedBal[i]) {
    reportedBal = reportedBal.slice();
    reportedBal[i] = m.bal;
    const vals = reportedVal.slice();
    vals[i] = m.val === 'none' ? null : m.val;
    reportedVal = vals;
  }
  if (bitCount(promised[i]) < topo.majority) return [base.with({ promised, reportedBal, reportedVal }), nothing];

  const proposed = lead.proposed.slice();
  proposed[i] = 1;
  const val = topo.rules.safeValue([{ bal: reportedBal[i], val: reportedVal[i] ?? 'none' }]);
  const out = topo.acceptors.map((a) => send(a, { type: 'phase2a', ins: topo.voters[i], bal: lead.ballot, val }));
  return [base.with({ promised, reportedBal, reportedVal, proposed }), out];
}

/** What a phase 2b told the leader. */
export type Phase2bNews = 'learned' | 'counted' | 'repeat';

/**
 * An acceptance (phase 2b). A majority of acceptors accepting the same ballot means the
 * instance has chosen that value. An acceptance counted before (or of an older ballot)
 * is a `repeat`: a voter still waiting re-sent its vote, and wants the outcome.
 */
export function onPhase2b(topo: Topology, lead: Leadership, from: NodeId, m: Phase2b): readonly [Leadership, Phase2bNews] {
  const i = voterIndex(m.ins);
  const acc = topo.acceptors.indexOf(from);
  const bal = m.bal;
  if (i < 0 || i >= topo.voters.length || acc < 0) return [lead, 'counted'];
  if (bal < lead.counting[i] || (bal === lead.counting[i] && (lead.counted[i] & (1 << acc)) !== 0)) return [lead, 'repeat'];

  let counting = lead.counting;
  const counted = lead.counted.slice();
  if (bal > lead.counting[i]) {
    counting = counting.slice();
    counting[i] = bal;
    counted[i] = 0;
  }
  counted[i] |= 1 << acc;
  if (lead.learned[i] !== null || bitCount(counted[i]) < topo.majority) return [lead.with({ counting, counted }), 'counted'];
  const learned = lead.learned.slice();
  learned[i] = m.val;
  return [lead.with({ counting, counted, learned }), 'learned'];
}

/**
 * A phase 2b message, single or bundled (`flow.bundle`: `votes` maps each instance to the
 * value accepted), counted instance by instance. Returns whether any instance was learned
 * and the instances whose acceptance was a repeat.
 */
export function onPhase2bMessage(
  topo: Topology,
  lead: Leadership,
  from: NodeId,
  m: Phase2b | BundledPhase2b,
): readonly [Leadership, boolean, NodeId[]] {
  if (!('votes' in m)) {
    const [next, news] = onPhase2b(topo, lead, from, m);
    return [next, news === 'learned', news === 'repeat' ? [m.ins] : []];
  }
  const votes = m.votes;
  let next = lead;
  let learned = false;
  const repeats: NodeId[] = [];
  for (const ins of Object.keys(votes)) {
    const [after, news] = onPhase2b(topo, next, from, { type: 'phase2b', ins, bal: m.bal, val: votes[ins] });
    next = after;
    if (news === 'learned') learned = true;
    else if (news === 'repeat') repeats.push(ins);
  }
  return [next, learned, repeats];
}

/** The highest ballot a leader's log records, so that a recovered leader starts above it. */
export function loggedBallot(log: readonly PaxosCommitRecord[]): number {
  let highest = 0;
  for (const r of log) if (r.type === 'ballot' && r.bal > highest) highest = r.bal;
  return highest;
}

function bitCount(x: number): number {
  let c = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) c++;
  return c;
}
