// Lab 08-acceptor, 7 points (lesson 08, Paxos Commit; Gray and Lamport, "Consensus on Transaction Commit",
// 2006, sections 3 and 4; Lamport, "Paxos Made Simple", section 2).
//
// Write a whole Paxos Commit acceptor: the role every acceptor (a1, a2, a3) of the run plays,
// next to the library's coordinator and voters. Each voter's vote is chosen by its own
// instance of Paxos, named by the voter's id (`ins: 'v1'`), so your state holds what you
// know per instance. The grader runs it in four stages: the Paxos cases of the catalog,
// every placement of up to two crashes and recoveries (`explore`), runs where one acceptor
// crashes after accepting while F + 1 faults strike around it, and the model checker
// (`check`): every order of one voter's messages and a crash, a timer firing only when no
// message is in flight (Paxos is safe at any timing; with timers free, its ballots grow past
// what a grader can search).
// A stage that fails names the property your acceptor broke and gives the smallest run that
// breaks it, as a line to paste into lesson 08's notebook, and draws that run under grade/08-acceptor/.
//
// Messages (every field is there; numbers are ballots):
//   phase1a { ins, bal }                  a leader starting ballot `bal` of instance `ins`
//   phase1b { ins, mbal, bal, val }       your answer to it: the ballot you now promise (mbal),
//                                         and the ballot and value you last accepted (-1 and 'none' if never)
//   phase2a { ins, bal, val }             a leader (or, in ballot 0, the voter itself) asking you to accept `val`
//   phase2b { ins, bal, val }             your acceptance, sent to the ballot's leader: ballotOwner(ctx, bal)
// A value is 'prepared' or 'aborted'. You never time out and never lead; you only answer.
// After a crash, `recover` hands you your log and nothing else.
//
// Questions to answer before you write a case: what does a promise rule out, and for which
// ballots? What must a new leader learn from you so that it cannot undo a value a majority
// may already have chosen? If you crashed right after a reply left, what would you have to
// remember to keep every promise and acceptance you made? Lesson 08's cells on the
// coordinator crashing after prepare show a new leader at work.
import { type Input, type NodeContext, type Role, type Step } from '../lib/index';
import { NotDoneYet, ballotOwner, logWrite, nothing, send } from '../lib/index';

export type InstanceValue = 'prepared' | 'aborted';

/** Your acceptor's state. Add fields if you need them; build every state with `new`, copy arrays before changing them. */
export class AcceptorState {
  constructor(
    readonly ctx: NodeContext,
    /** Per instance (ctx.voters order): the highest ballot promised. */
    readonly mbal: readonly number[],
    /** Per instance: the ballot last accepted in, -1 if none. */
    readonly bal: readonly number[],
    /** Per instance: the value last accepted, null if none. */
    readonly val: readonly (InstanceValue | null)[],
  ) {}
}

export const acceptor: Role<AcceptorState> = {
  init(ctx) {
    const n = ctx.voters.length;
    return new AcceptorState(ctx, new Array(n).fill(0), new Array(n).fill(-1), new Array(n).fill(null));
  },
  stateName(s) {
    const accepted = s.val.filter((v) => v !== null).length;
    return accepted === 0 ? 'init' : accepted === s.val.length ? 'accepted' : 'accepting';
  },
  step(s, input: Input): Step<AcceptorState> {
    // BEGIN SOLUTION
    // HINT: one case per message type, each deciding from the ballot it carries and what you promised
    // HINT: for that instance; then ask what a crash right after the reply would make you forget
    const with1 = (i: number, mbal: number, bal: number, val: InstanceValue | null) => {
      const m = s.mbal.slice();
      const b = s.bal.slice();
      const v = s.val.slice();
      m[i] = mbal;
      b[i] = bal;
      v[i] = val;
      return new AcceptorState(s.ctx, m, b, v);
    };
    switch (input.kind) {
      case 'start':
      case 'timeout':
        return [s, nothing];
      case 'recover': {
        let next = s;
        for (const r of input.log) {
          const i = s.ctx.voters.indexOf(r.ins as string);
          if (i < 0) continue;
          const b = r.bal as number;
          const mbal = Math.max(next.mbal[i], b);
          next = r.type === 'accept'
            ? new AcceptorState(s.ctx, replace(next.mbal, i, mbal), replace(next.bal, i, b), replace(next.val, i, r.val as InstanceValue))
            : new AcceptorState(s.ctx, replace(next.mbal, i, mbal), next.bal, next.val);
        }
        return [next, nothing];
      }
      case 'receive': {
        const { from, message: m } = input;
        const ins = m.ins as string;
        const i = s.ctx.voters.indexOf(ins);
        if (i < 0) return [s, nothing];
        const b = m.bal as number;
        const report = (a: AcceptorState, mbal: number) => ({ type: 'phase1b', ins, mbal, bal: a.bal[i], val: a.val[i] ?? 'none' });
        switch (m.type) {
          case 'phase1a': {
            if (b < s.mbal[i]) return [s, [send(from, report(s, s.mbal[i]))]];
            if (b === s.mbal[i]) return [s, [send(from, report(s, b))]];
            const next = with1(i, b, s.bal[i], s.val[i]);
            return [next, [logWrite({ type: 'promise', ins, bal: b }), send(from, report(next, b))]];
          }
          case 'phase2a': {
            if (b < s.mbal[i]) {
              // A higher ballot has begun: tell its leader what this acceptor holds.
              return s.bal[i] >= 0 ? [s, [send(ballotOwner(s.ctx, s.bal[i]), { type: 'phase2b', ins, bal: s.bal[i], val: s.val[i] })]] : [s, nothing];
            }
            if (b === s.bal[i]) return [s, [send(ballotOwner(s.ctx, b), { type: 'phase2b', ins, bal: b, val: s.val[i] })]];
            const v = m.val as InstanceValue;
            const next = with1(i, b, b, v);
            return [next, [logWrite({ type: 'accept', ins, bal: b, val: v }), send(ballotOwner(s.ctx, b), { type: 'phase2b', ins, bal: b, val: v })]];
          }
          default:
            return [s, nothing];
        }
      }
    }
    function replace<T>(xs: readonly T[], i: number, x: T): T[] {
      const out = xs.slice();
      out[i] = x;
      return out;
    }
    // END SOLUTION
  },
};
