// answer-bearing: 05-voter (the student version ships this file compiled, not as source: lib/exercise/README.md)
import { cancelTimer, nothing, setTimer, type Decision, type NodeId, type Output, type Step } from '../role';
import { logWrite, send, type ThreePhaseCommitMessage, type ThreePhaseCommitRecord } from './messages';
import { VoterSet } from '../voter-set';
import { skeen, type ReportedState } from './skeen';
import { prepareRecord, settle, Voter } from './voter-state';

/**
 * The termination protocol of 3PC with `termination: 'elect'` (the article's, after Skeen 1981,
 * sec. 5): what a voter does when it is elected coordinator, or must find the next one.
 *
 * - `next`: ask the lowest-id voter it has not given up on to take over (`elect`); if that is
 *   itself, take over. (A recovered voter never gets here: it asks instead, see `voter.ts`.)
 * - `lead`: ask every other voter for its state (`stateReq`), its own counted first.
 * - `reported` / `conclude`: with every state in, or at the `reports` timeout, decide by Skeen's
 *   rule (`skeen.ts`); if that says commit after a precommitted report, first bring everyone to
 *   precommitted (`preCommit`) and wait for their acks.
 * - `acknowledged` / `commit`: with every ack in, or at the `preCommitAcks` timeout (a voter that
 *   did not acknowledge has failed, as Skeen assumes), commit and tell everyone.
 *
 * A voter that hears nothing from the voter it elected or follows for `3 * timeout` ticks gives
 * up on it and calls `next` again.
 */
export interface Election {
  next(s: Voter, suspects: VoterSet): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord>;
  lead(s: Voter): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord>;
  reported(s: Voter, from: NodeId, state: ReportedState): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord>;
  conclude(s: Voter): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord>;
  acknowledged(s: Voter, from: NodeId): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord>;
  commit(s: Voter): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord>;
}

/** The election's steps, with its timers derived from `timeout`. */
export function election(timeout: number): Election {
  const leaderWait = 3 * timeout;

  /** Asks the lowest-id voter not given up on to take over; if that is this voter, it takes over. */
  function next(s: Voter, suspects: VoterSet): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    const candidate = s.ctx.voters.find((v) => !suspects.has(v) || v === s.ctx.id)!;
    if (candidate === s.ctx.id) return lead(s.following(null, suspects));
    return [s.following(candidate, suspects), [setTimer('leader', leaderWait), send(candidate, { type: 'elect' })]];
  }

  /** Becomes the new coordinator: asks every other voter for its state, its own counted first. */
  function lead(s: Voter): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    const none = VoterSet.empty(s.ctx.voters.length);
    const leader = s.leadingWith(s.name, 'gathering', none, [s.name], none);
    const others = s.ctx.voters.filter((v) => v !== s.ctx.id);
    if (others.length === 0) return conclude(leader);
    const out: Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord>[] = [cancelTimer('preCommit'), cancelTimer('doCommit'), cancelTimer('leader'), setTimer('reports', timeout)];
    for (const v of others) out.push(send(v, { type: 'stateReq' }));
    return [leader, out];
  }

  /** Decides by Skeen's rule on the states gathered (silent voters are taken for failed). */
  function conclude(s: Voter): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    const step = skeen(s.states);
    if (step !== 'preCommit') return decideAsLeader(s, step);
    const others = s.ctx.voters.filter((v) => v !== s.ctx.id);
    const precommitting = s.leadingWith('precommitted', 'precommitting', s.reported, s.states, VoterSet.empty(s.ctx.voters.length));
    if (others.length === 0) return commitAsLeader(precommitting);
    const out: Output<ThreePhaseCommitMessage, ThreePhaseCommitRecord>[] = [cancelTimer('reports')];
    if (s.name === 'uncertain') out.push(logWrite(prepareRecord));
    out.push(setTimer('preCommitAcks', timeout));
    for (const v of others) out.push(send(v, { type: 'preCommit' }));
    return [precommitting, out];
  }

  function commitAsLeader(s: Voter): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    return decideAsLeader(s, 'commit');
  }

  function decideAsLeader(s: Voter, decision: Decision): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    const [decided, out] = settle(s, decision, null);
    const type = decision === 'commit' ? 'doCommit' : 'abort';
    const sends = s.ctx.voters.filter((v) => v !== s.ctx.id).map((v) => send(v, { type }));
    return [decided, [...out, ...sends]];
  }

  function reported(s: Voter, from: NodeId, state: ReportedState): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    if (s.leading !== 'gathering' || s.reported.has(from)) return [s, nothing];
    const all = s.reported.with(from);
    const gathered = s.leadingWith(s.name, 'gathering', all, [...s.states, state], s.acks);
    return all.size === s.ctx.voters.length - 1 ? conclude(gathered) : [gathered, nothing];
  }

  function acknowledged(s: Voter, from: NodeId): Step<Voter, ThreePhaseCommitMessage, ThreePhaseCommitRecord> {
    if (s.leading !== 'precommitting' || s.name !== 'precommitted') return [s, nothing];
    const acks = s.acks.with(from);
    const counted = s.leadingWith(s.name, 'precommitting', s.reported, s.states, acks);
    return acks.size === s.ctx.voters.length - 1 ? commitAsLeader(counted) : [counted, nothing];
  }

  return { next, lead, reported, conclude, acknowledged, commit: commitAsLeader };
}
