import { cancelTimer, decide, nothing, setTimer, type Decision, type Input, type NodeId, type Output, type Role, type Step } from '../role';
import { paperRules, type LeaderRules } from './decision';
import { KIT_FLOW, type PaxosFlow } from './flow';
import { Leadership, loggedBallot, onPhase1b, onPhase2bMessage, startBallot, Topology } from './leader';
import { send, type PaxosCommitMessage, type PaxosCommitRecord } from './messages';

export type CoordinatorStateName = 'init' | 'waiting' | 'committed' | 'aborted';

/** The Paxos Commit coordinator's state: the initial leader. Built only by this constructor. */
export class Coordinator {
  constructor(readonly name: CoordinatorStateName, readonly topo: Topology, readonly lead: Leadership) {}
}

/**
 * The coordinator: the leader of ballot 0 (Gray and Lamport, "Consensus on Transaction Commit", 2006).
 *
 * It sends `prepare` to every voter; the voters send their votes to the acceptors, not to
 * it, and it learns each voter's instance from the acceptors' phase 2b messages. It commits
 * when every instance chose prepared and aborts when one chose aborted (`leaderDecision`). If
 * instances are still open after `timeout` ticks, it starts a higher ballot for them, which
 * proposes `aborted` wherever no majority of acceptors reports a vote, and tries again
 * every `2 * timeout` ticks while it has no outcome. It writes nothing to
 * its log but ballot numbers: the acceptors hold the outcome, so after a crash it runs a
 * new ballot and learns again what was chosen, where 2PC's coordinator, finding no decision, aborts.
 * With `flow.fast` (Faster Paxos Commit) the voters learn the outcome from the acceptors
 * themselves, so it announces nothing; it still answers a voter that re-sends its vote.
 */
export function coordinator(
  timeout: number,
  rules: LeaderRules = paperRules,
  flow: PaxosFlow = KIT_FLOW,
): Role<Coordinator, PaxosCommitMessage, PaxosCommitRecord> {
  return {
    init: (ctx) => {
      const topo = new Topology(ctx, timeout, rules, flow);
      return new Coordinator('init', topo, Leadership.fresh(ctx.voters.length, 0));
    },
    stateName: (s) => s.name,
    step(s, input: Input<PaxosCommitMessage, PaxosCommitRecord>): Step<Coordinator, PaxosCommitMessage, PaxosCommitRecord> {
      switch (input.kind) {
        case 'start':
          return [
            new Coordinator('waiting', s.topo, s.lead),
            [setTimer('ballot', timeout), ...s.topo.voters.map((v) => send(v, { type: 'prepare' }))],
          ];
        case 'receive':
          return receive(s, input.from, input.message);
        case 'timeout':
          if (input.timer === 'ballot' && s.name === 'waiting') return newBallot(s);
          return [s, nothing];
        case 'recover': {
          const lead = Leadership.fresh(s.topo.voters.length, loggedBallot(input.log));
          return newBallot(new Coordinator('waiting', s.topo, lead));
        }
      }
    },
  };

  function receive(s: Coordinator, from: NodeId, m: PaxosCommitMessage): Step<Coordinator, PaxosCommitMessage, PaxosCommitRecord> {
    switch (m.type) {
      case 'phase1b': {
        if (s.name !== 'waiting') return [s, nothing];
        const [lead, out] = onPhase1b(s.topo, s.lead, from, m);
        return [new Coordinator(s.name, s.topo, lead), out];
      }
      case 'phase2b': {
        const [lead, learned, repeats] = onPhase2bMessage(s.topo, s.lead, from, m);
        const next = new Coordinator(s.name, s.topo, lead);
        if (s.name === 'committed' || s.name === 'aborted') {
          // A voter re-sent its vote: it is still waiting, so tell it again.
          return [next, repeats.map((ins) => send(ins, { type: s.name === 'committed' ? 'commit' : 'abort' }))];
        }
        if (!learned) return [next, nothing];
        const decision = s.topo.rules.leaderDecision(lead.learned);
        return decision === undefined ? [next, nothing] : announce(next, decision);
      }
      default:
        return [s, nothing];
    }
  }

  function newBallot(s: Coordinator): Step<Coordinator, PaxosCommitMessage, PaxosCommitRecord> {
    const [lead, out] = startBallot(s.topo, s.lead);
    // A ballot takes four message delays; retrying sooner than twice the timeout would preempt itself on a slow network.
    return [new Coordinator(s.name, s.topo, lead), [...out, setTimer('ballot', 2 * timeout)]];
  }

  function announce(s: Coordinator, decision: Decision): Step<Coordinator, PaxosCommitMessage, PaxosCommitRecord> {
    const out: Output<PaxosCommitMessage, PaxosCommitRecord>[] = [cancelTimer('ballot'), decide(decision)];
    // A decision learned in ballot 0 under Faster Paxos Commit reached every voter already.
    if (!(s.topo.flow.fast && s.lead.ballot < 0)) for (const v of s.topo.voters) out.push(send(v, { type: decision }));
    return [new Coordinator(decision === 'commit' ? 'committed' : 'aborted', s.topo, s.lead), out];
  }
}
