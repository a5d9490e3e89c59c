// @ts-nocheck (graded as exercises/05-voter.ts, where ../lib resolves)
// A plausible wrong answer to lab 05-voter: a voter that recovers with only its yes on its log decides abort instead of asking. With the lecture's coordinator, which aborts when an ack is missing, explore never catches it; with Skeen's, which commits, it splits: the catalog's '3pc/vote-survives-crash' and the check stage run that coordinator.
// loses: runs every 3PC case of the catalog that uses the termination protocol as 3PC with Skeen's rule does
// loses: keeps agreement and validity in every order of two voters' messages, timers, two crashes and a recovery, each timer firing when no message is in flight (check)
// Lab 05-voter, 7 points (lessons 05 and 06, 3PC; Skeen 1981, "Nonblocking Commit Protocols",
// sec. 5; Bernstein, Hadzilacos and Goodman sec. 7.5; the article's termination protocol).
//
// Write a whole 3PC voter with Skeen's termination protocol: the role every voter of the run
// plays, next to the library's 3PC coordinator. The grader runs it in two stages: the 3PC
// cases of the catalog that use the termination protocol (`termination: 'elect'`), and every
// placement of up to two crashes and recoveries (`explore`), where yours must keep every
// property that 3PC with Skeen's rule keeps under the same faults (it loses agreement under a
// few itself, and under the checker's clockless interleavings, lesson 06: so no `check` stage).
// A stage that fails names the property your voter broke and gives the smallest run that
// breaks it, as a line to paste into lesson 05's notebook, and draws it under grade/05-voter/.
//
// The world gives your role `start`, `receive`, `timeout` and `recover` (with your log only).
// The coordinator sends `canCommit`, then `preCommit` (answer `preCommitAck`), then `doCommit`
// or `abort` (answer `ack`); votes are `{ type: 'vote', vote }`. When the coordinator falls
// silent, voters elect one of them (`elect`, to the lowest-id voter not given up on), which asks
// everyone's state (`stateReq`, answered by `{ type: 'stateReport', state }`), decides, and may
// first bring everyone to precommitted with its own `preCommit`. A voter that crashed and came
// back without an outcome may `ask` everyone; only an outcome (`doCommit` or `abort`) answers.
// Timers: wait `2 * timeout` for the coordinator and for canCommit, `3 * timeout` for an elected
// voter, `timeout` for reports and acks. States: 'init', 'uncertain', 'precommitted',
// 'committed', 'aborted'.
//
// Questions to answer before you write a case: what must be on disk before a yes leaves, and
// before a precommit is acknowledged? Which states may an elected voter find, and which of them
// prove that someone may already have committed? Why must a voter that recovers without an
// outcome never decide by a timeout? Lessons 05 and 06 show the runs: '3pc/crash-and-cut-skeen',
// '3pc/vote-survives-crash', '3pc/coordinator-recovers-and-asks'.
import { type Input, type NodeContext, type NodeId, type Output, type Role, type Step } from '../lib/index';
import { NotDoneYet, cancelTimer, decide, logWrite, nothing, send, setTimer } from '../lib/index';

/** Ticks to wait before acting on silence: the coordinator uses the same. */
export const timeout = 10;

export type VoterStateName = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

/** Where an elected voter is in its work. */
export type Leading = 'no' | 'gathering' | 'precommitting';

/** Your voter's state. Change the fields if you need others; build every state with `new`. */
export class VoterState {
  constructor(
    readonly name: VoterStateName,
    readonly ctx: NodeContext,
    /** The elected voter this one waits on (itself when it leads); null while it trusts the coordinator. */
    readonly leader: NodeId | null,
    /** Voters it gave up on. */
    readonly suspects: readonly NodeId[],
    readonly leading: Leading,
    /** As elected voter: who reported, and the states gathered (its own first). */
    readonly reported: readonly NodeId[],
    readonly states: readonly VoterStateName[],
    /** As elected voter: who acknowledged its preCommit. */
    readonly acks: readonly NodeId[],
    /** It crashed after voting yes and came back without an outcome. */
    readonly recovered: boolean,
  ) {}
}

export const voter: Role<VoterState> = {
  init(ctx) {
    return new VoterState('init', ctx, null, [], 'no', [], [], [], false);
  },
  stateName(s) {
    return s.name;
  },
  step(s, input: Input): Step<VoterState> {
    const wait = 2 * timeout;
    const leaderWait = 3 * timeout;
    const voteRecord = { type: 'vote', tx: 'T1', vote: 'yes' };
    const prepareRecord = { type: 'prepare', tx: 'T1', redo: 'apply the writes of T1', undo: 'restore the values T1 overwrote' };
    const timers = ['canCommit', 'preCommit', 'doCommit', 'leader', 'reports', 'preCommitAcks', 'ask'];
    const order = (a: NodeId, b: NodeId) => s.ctx.voters.indexOf(a) - s.ctx.voters.indexOf(b);
    const add = (set: readonly NodeId[], v: NodeId) => (set.includes(v) ? set : [...set, v].sort(order));
    const named = (v: VoterState, name: VoterStateName) =>
      new VoterState(name, v.ctx, v.leader, v.suspects, v.leading, v.reported, v.states, v.acks, v.recovered);
    const following = (v: VoterState, leader: NodeId | null, suspects: readonly NodeId[]) =>
      new VoterState(v.name, v.ctx, leader, suspects, 'no', v.reported, v.states, v.acks, v.recovered);
    const leadingWith = (
      v: VoterState,
      name: VoterStateName,
      leading: Leading,
      reported: readonly NodeId[],
      states: readonly VoterStateName[],
      acks: readonly NodeId[],
    ) =>
      new VoterState(name, v.ctx, v.ctx.id, v.suspects, leading, reported, states, acks, v.recovered);
    const others = s.ctx.voters.filter((v) => v !== s.ctx.id);
    const report = (to: NodeId, state: VoterStateName) => send(to, { type: 'stateReport', state });
    const settle = (v: VoterState, decision: 'commit' | 'abort', from: NodeId | null, log = true): Step<VoterState> => {
      const decided = new VoterState(decision === 'commit' ? 'committed' : 'aborted', v.ctx, v.leader, v.suspects, 'no', v.reported, v.states, v.acks, v.recovered);
      const out: Output[] = [...timers.map(cancelTimer), ...(log ? [logWrite({ type: decision })] : []), decide(decision)];
      if (from !== null) out.push(send(from, { type: 'ack' }));
      return [decided, out];
    };
    const ask = (v: VoterState): Output[] => [setTimer('ask', wait), send(v.ctx.coordinator, { type: 'ask' }), ...others.map((o) => send(o, { type: 'ask' }))];
    const decideAsLeader = (v: VoterState, decision: 'commit' | 'abort'): Step<VoterState> => {
      const [decided, out] = settle(v, decision, null);
      return [decided, [...out, ...others.map((o) => send(o, { type: decision === 'commit' ? 'doCommit' : 'abort' }))]];
    };
    const conclude = (v: VoterState): Step<VoterState> => {
      const states = v.states;
      const step = states.includes('committed') ? 'commit' : states.includes('aborted') ? 'abort' : states.includes('precommitted') ? 'preCommit' : 'abort';
      if (step !== 'preCommit') return decideAsLeader(v, step);
      const precommitting = leadingWith(v, 'precommitted', 'precommitting', v.reported, v.states, []);
      if (others.length === 0) return decideAsLeader(precommitting, 'commit');
      const out: Output[] = [cancelTimer('reports')];
      if (v.name === 'uncertain') out.push(logWrite(prepareRecord));
      out.push(setTimer('preCommitAcks', timeout), ...others.map((o) => send(o, { type: 'preCommit' })));
      return [precommitting, out];
    };
    const lead = (v: VoterState): Step<VoterState> => {
      const leader = leadingWith(v, v.name, 'gathering', [], [v.name], []);
      if (others.length === 0) return conclude(leader);
      return [leader, [cancelTimer('preCommit'), cancelTimer('doCommit'), cancelTimer('leader'), setTimer('reports', timeout), ...others.map((o) => send(o, { type: 'stateReq' }))]];
    };
    const next = (v: VoterState, suspects: readonly NodeId[]): Step<VoterState> => {
      const candidate = v.ctx.voters.find((c) => !suspects.includes(c) || c === v.ctx.id)!;
      if (candidate === v.ctx.id) return lead(following(v, null, suspects));
      return [following(v, candidate, suspects), [setTimer('leader', leaderWait), send(candidate, { type: 'elect' })]];
    };
    const undecided = s.name === 'uncertain' || s.name === 'precommitted';

    switch (input.kind) {
      case 'start':
        return [s, [setTimer('canCommit', wait)]];
      case 'recover': {
        const last = input.log[input.log.length - 1];
        if (!last) return settle(s, 'abort', null);
        if (last.type === 'commit') return [named(s, 'committed'), nothing];
        if (last.type === 'abort') return [named(s, 'aborted'), nothing];
        // Only its yes on disk: it never precommitted, so (it reasons) nobody can have committed.
        if (last.type !== 'prepare') return settle(s, 'abort', null);
        const back = new VoterState('precommitted', s.ctx, null, s.suspects, 'no', s.reported, s.states, s.acks, true);
        return [back, ask(back)];
      }
      case 'timeout':
        switch (input.timer) {
          case 'ask':
            return undecided && s.recovered ? [s, ask(s)] : [s, nothing];
          case 'canCommit':
            return s.name === 'init' ? settle(s, 'abort', null) : [s, nothing];
          case 'preCommit':
          case 'doCommit':
            return !undecided || s.recovered ? [s, nothing] : next(s, s.suspects);
          case 'leader':
            if (!undecided || s.recovered) return [s, nothing];
            return next(s, s.leader === null || s.leader === s.ctx.id ? s.suspects : add(s.suspects, s.leader));
          case 'reports':
            return s.leading === 'gathering' && undecided ? conclude(s) : [s, nothing];
          case 'preCommitAcks':
            return s.leading === 'precommitting' && undecided ? decideAsLeader(s, 'commit') : [s, nothing];
          default:
            return [s, nothing];
        }
      case 'receive': {
        const { from, message } = input;
        switch (message.type) {
          case 'canCommit':
            if (s.name === 'init') {
              if (s.ctx.vote === 'no') {
                const [aborted, out] = settle(s, 'abort', null, false);
                return [aborted, [...out, send(from, { type: 'vote', vote: 'no' })]];
              }
              return [named(s, 'uncertain'), [cancelTimer('canCommit'), logWrite(voteRecord), setTimer('preCommit', wait), send(from, { type: 'vote', vote: 'yes' })]];
            }
            if (undecided) return [s, [send(from, { type: 'vote', vote: 'yes' })]];
            if (s.name === 'aborted') return [s, [send(from, { type: 'vote', vote: 'no' })]];
            return [s, nothing];
          case 'preCommit': {
            if (!undecided) return [s, nothing];
            const waitFor = s.recovered ? setTimer('ask', wait) : from === s.ctx.coordinator ? setTimer('doCommit', wait) : setTimer('leader', leaderWait);
            if (s.name === 'precommitted') return [s, [waitFor, send(from, { type: 'preCommitAck' })]];
            return [named(s, 'precommitted'), [cancelTimer('preCommit'), logWrite(prepareRecord), waitFor, send(from, { type: 'preCommitAck' })]];
          }
          case 'doCommit':
            if (undecided) return settle(s, 'commit', from);
            return s.name === 'init' ? [s, nothing] : [s, [send(from, { type: 'ack' })]];
          case 'abort':
            if (s.name === 'init' || undecided) return settle(s, 'abort', from);
            return [s, [send(from, { type: 'ack' })]];
          case 'ask':
            if (s.name === 'committed') return [s, [send(from, { type: 'doCommit' })]];
            if (s.name === 'aborted') return [s, [send(from, { type: 'abort' })]];
            return [s, nothing];
          case 'elect':
            if (s.name === 'committed') return [s, [send(from, { type: 'doCommit' })]];
            if (s.name === 'aborted') return [s, [send(from, { type: 'abort' })]];
            if (s.name === 'init') {
              const [aborted, out] = settle(s, 'abort', null);
              return [aborted, [...out, send(from, { type: 'abort' })]];
            }
            return s.leading === 'no' && !s.recovered ? lead(s) : [s, nothing];
          case 'stateReq':
            if (s.name === 'init') {
              const [aborted, out] = settle(s, 'abort', null);
              return [aborted, [...out, report(from, 'aborted')]];
            }
            if (s.name === 'committed' || s.name === 'aborted') return [s, [report(from, s.name)]];
            if (s.leading !== 'no' && s.ctx.voters.indexOf(from) > s.ctx.voters.indexOf(s.ctx.id)) return [s, [report(from, s.name)]];
            return [
              following(s, from, s.suspects),
              [
                cancelTimer('preCommit'), cancelTimer('doCommit'), cancelTimer('reports'), cancelTimer('preCommitAcks'),
                s.recovered ? setTimer('ask', wait) : setTimer('leader', leaderWait), report(from, s.name),
              ],
            ];
          case 'stateReport': {
            if (s.leading !== 'gathering' || s.reported.includes(from)) return [s, nothing];
            const all = add(s.reported, from);
            const gathered = leadingWith(s, s.name, 'gathering', all, [...s.states, message.state as VoterStateName], s.acks);
            return all.length === others.length ? conclude(gathered) : [gathered, nothing];
          }
          case 'preCommitAck': {
            if (s.leading !== 'precommitting' || s.name !== 'precommitted') return [s, nothing];
            const acks = add(s.acks, from);
            const counted = leadingWith(s, s.name, 'precommitting', s.reported, s.states, acks);
            return acks.length === others.length ? decideAsLeader(counted, 'commit') : [counted, nothing];
          }
          default:
            return [s, nothing];
        }
      }
    }
  },
};
