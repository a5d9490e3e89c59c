import { cancelTimer, decide, nothing, setTimer, type Decision, type Input, type NodeId, type Output, type Role, type Step } from '../role';
import { prepareRecord } from '../two-phase-commit/voter';
import { paperRules, type InstanceValue, type LeaderRules } from './decision';
import { KIT_FLOW, type PaxosFlow } from './flow';
import { Leadership, loggedBallot, onPhase1b, onPhase2bMessage, startBallot, Topology } from './leader';
import { logWrite, send, type PaxosCommitMessage, type PaxosCommitRecord, type Phase2a } from './messages';

export type VoterStateName = 'init' | 'prepared' | 'committed' | 'aborted';

/** A Paxos Commit voter's state. `waits` counts the timeouts it has spent prepared without an outcome. */
export class Voter {
  constructor(readonly name: VoterStateName, readonly topo: Topology, readonly lead: Leadership, readonly waits: number) {}
}

/**
 * A voter, the paper's resource manager (Gray and Lamport, 2006).
 *
 * On `prepare` it votes by proposing, in ballot 0 of its own instance, `prepared` (after
 * logging its prepare record) or `aborted`, to every acceptor: its vote goes to the
 * acceptors, not to the coordinator. Then it waits for `commit` or `abort`. Each `timeout`
 * ticks without one it re-sends its vote (a leader that already decided answers it). When
 * the acceptors tolerate a fault (3 or more), a voter that has waited `i + 2` timeouts
 * (`i` = 0 for v1) becomes a backup leader: it starts a ballot of its own for every open
 * instance, learns the outcome, and tells every voter; it tries again every `i + 2`
 * timeouts while it has no outcome. The stagger lets v1 go first and v2 only if v1 did
 * not finish.
 *
 * With `flow.phase2a: 'majority'` the first vote goes to F + 1 acceptors only, and a
 * re-sent one to all of them (the paper's section 4.3: the others are used only if one of
 * those fails). With `flow.fast` it learns the outcome itself from the acceptors' ballot-0
 * phase 2b messages (Faster Paxos Commit).
 */
export function voter(
  timeout: number,
  rules: LeaderRules = paperRules,
  flow: PaxosFlow = KIT_FLOW,
): Role<Voter, PaxosCommitMessage, PaxosCommitRecord> {
  return {
    init: (ctx) => new Voter('init', new Topology(ctx, timeout, rules, flow), Leadership.fresh(ctx.voters.length, 0), 0),
    stateName: (s) => s.name,
    step(s, input: Input<PaxosCommitMessage, PaxosCommitRecord>): Step<Voter, PaxosCommitMessage, PaxosCommitRecord> {
      switch (input.kind) {
        case 'start':
          return [s, [setTimer('prepare', 2 * timeout)]];
        case 'receive':
          return receive(s, input.from, input.message);
        case 'timeout':
          if (input.timer === 'prepare' && s.name === 'init') return abortAlone(s);
          if (input.timer === 'outcome' && s.name === 'prepared') return stillWaiting(s);
          return [s, nothing];
        case 'recover':
          return recover(s, input.log);
      }
    },
  };

  function receive(s: Voter, from: NodeId, m: PaxosCommitMessage): Step<Voter, PaxosCommitMessage, PaxosCommitRecord> {
    switch (m.type) {
      case 'prepare':
        if (s.name === 'init') {
          if (s.topo.ctx.vote === 'no') {
            return [new Voter('aborted', s.topo, s.lead, 0), [cancelTimer('prepare'), logWrite({ type: 'abort' }), decide('abort'), ...vote(s, 'aborted', s.topo.voteTargets)]];
          }
          return [
            new Voter('prepared', s.topo, s.lead, 0),
            [cancelTimer('prepare'), logWrite(prepareRecord), setTimer('outcome', timeout), ...vote(s, 'prepared', s.topo.voteTargets)],
          ];
        }
        // A repeated prepare gets the same vote again.
        return s.name === 'prepared' ? [s, vote(s, 'prepared')] : [s, nothing];
      case 'commit':
        return s.name === 'prepared' ? settle(s, 'commit', nothing) : [s, nothing];
      case 'abort':
        return s.name === 'prepared' || s.name === 'init' ? settle(s, 'abort', nothing) : [s, nothing];
      case 'phase1b': {
        if (s.name !== 'prepared') return [s, nothing];
        const [lead, out] = onPhase1b(s.topo, s.lead, from, m);
        return [new Voter(s.name, s.topo, lead, s.waits), out];
      }
      case 'phase2b': {
        const [lead, learned, repeats] = onPhase2bMessage(s.topo, s.lead, from, m);
        const next = new Voter(s.name, s.topo, lead, s.waits);
        if (s.name === 'committed' || s.name === 'aborted') {
          return [next, repeats.map((ins) => send(ins, { type: s.name === 'committed' ? 'commit' : 'abort' }))];
        }
        if (!learned || s.name !== 'prepared') return [next, nothing];
        const decision = s.topo.rules.leaderDecision(lead.learned);
        if (decision === undefined) return [next, nothing];
        // A backup leader that learned the outcome: its own decision first, then everyone else's.
        // A voter that only listened to ballot 0 (`flow.fast`) keeps it to itself: every voter heard the same.
        const others = s.lead.ballot < 0 ? [] : s.topo.voters.filter((v) => v !== s.topo.ctx.id).map((v) => send(v, { type: decision }));
        return settle(next, decision, others);
      }
      default:
        return [s, nothing];
    }
  }

  /** The vote: ballot 0 of this voter's own instance, to every acceptor (or `to`). Only a yes carries `vote: 'yes'`. */
  function vote(s: Voter, val: InstanceValue, to: readonly NodeId[] = s.topo.acceptors): Output<PaxosCommitMessage, PaxosCommitRecord>[] {
    const ins = s.topo.ctx.id;
    const message: Phase2a = val === 'prepared' ? { type: 'phase2a', ins, bal: 0, val, vote: 'yes' } : { type: 'phase2a', ins, bal: 0, val, vote: 'no' };
    return to.map((a) => send(a, message));
  }

  function stillWaiting(s: Voter): Step<Voter, PaxosCommitMessage, PaxosCommitRecord> {
    const waits = s.waits + 1;
    const out: Output<PaxosCommitMessage, PaxosCommitRecord>[] = [setTimer('outcome', timeout), ...vote(s, 'prepared')];
    // v1 leads every 2 timeouts, v2 every 3, ...: staggered, so that two backups rarely start ballots together.
    if (!s.topo.backups || waits % (s.topo.instance + 2) !== 0) return [new Voter(s.name, s.topo, s.lead, waits), out];
    const [lead, ballot] = startBallot(s.topo, s.lead);
    return [new Voter(s.name, s.topo, lead, waits), [...out, ...ballot]];
  }

  function settle(
    s: Voter,
    decision: Decision,
    then: readonly Output<PaxosCommitMessage, PaxosCommitRecord>[],
  ): Step<Voter, PaxosCommitMessage, PaxosCommitRecord> {
    return [
      new Voter(decision === 'commit' ? 'committed' : 'aborted', s.topo, s.lead, s.waits),
      [cancelTimer('prepare'), cancelTimer('outcome'), logWrite({ type: decision }), decide(decision), ...then],
    ];
  }

  function abortAlone(s: Voter): Step<Voter, PaxosCommitMessage, PaxosCommitRecord> {
    // It never voted yes, so it may abort on its own; it tells the acceptors, so a leader learns it sooner.
    return [new Voter('aborted', s.topo, s.lead, 0), [cancelTimer('prepare'), logWrite({ type: 'abort' }), decide('abort'), ...vote(s, 'aborted', s.topo.voteTargets)]];
  }

  function recover(s: Voter, log: readonly PaxosCommitRecord[]): Step<Voter, PaxosCommitMessage, PaxosCommitRecord> {
    const lead = Leadership.fresh(s.topo.voters.length, loggedBallot(log));
    let prepared = false;
    let decided: Decision | null = null;
    for (const r of log) {
      if (r.type === 'prepare') prepared = true;
      else if (r.type === 'commit' || r.type === 'abort') decided = r.type;
    }
    if (decided !== null) return [new Voter(decided === 'commit' ? 'committed' : 'aborted', s.topo, lead, 0), nothing];
    if (!prepared) return abortAlone(new Voter('init', s.topo, lead, 0));
    // Prepared: the promise holds across the crash. Re-send the vote, in case it never left.
    return [new Voter('prepared', s.topo, lead, 0), [setTimer('outcome', timeout), ...vote(s, 'prepared')]];
  }
}
