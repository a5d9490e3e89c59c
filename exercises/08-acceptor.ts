// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 67abb5c19a3f425d: once you edit this file, the build leaves it alone.)
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
    throw new NotDoneYet('08-acceptor', 'one case per message type, each deciding from the ballot it carries and what you promised for that instance; then ask what a crash right after the reply would make you forget');
  },
};
