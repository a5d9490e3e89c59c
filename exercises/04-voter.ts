// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 24def9a0017ff694: once you edit this file, the build leaves it alone.)
// Lab 04-voter, 7 points (lesson 04, 2PC under failure; the lecture; DDIA ch. 9 "Two-Phase Commit";
// Bernstein, Hadzilacos and Goodman ch. 7, cooperative termination).
//
// Write a whole 2PC voter: the role every voter of the run plays, next to the library's
// textbook coordinator. The grader runs it in three stages: the 2PC cases of the catalog;
// every placement of up to two crashes and recoveries (`explore`); every order in which two
// voters' messages arrive and their timers fire, as far as 25,000 states reach (`check`).
// A stage that fails names the property your voter broke and gives the smallest run that
// breaks it, as a line to paste into lesson 04's notebook, and draws that run under
// grade/04-voter/.
//
// What the world gives your role (lib/protocols/role.ts): `start`; `receive` of a message
// from a node; `timeout` of a timer you set; `recover` with your durable log after a crash
// (everything else you held is gone). What it may ask for: send, setTimer, cancelTimer,
// logWrite, decide. `ctx.vote` is this voter's vote; `ctx.coordinator` and `ctx.voters`
// name the others. The coordinator sends `prepare`, then `commit` or `abort` (again and
// again until you `ack`), and answers `ask` once it knows the outcome. Votes travel as
// `{ type: 'vote', vote: 'yes' | 'no' }`. In cooperative termination a voter in doubt may
// also `ask` the other voters, who answer `commit` or `abort` (or nothing). Use `timeout`
// ticks for your timers. State names: 'init', 'prepared', 'committed', 'aborted'.
//
// Questions to answer before you write a case: after which message may this voter no longer
// abort on its own? What must be on disk before that message leaves? Who can tell a voter in
// doubt the outcome, and who can only make things worse by answering? Lesson 04's cells
// "the coordinator crashes in the commit phase" and "cooperative termination" show the runs.
import { type Input, type NodeContext, type Role, type Step, type TwoPhaseCommitMessage } from '../lib/index';
import { NotDoneYet, cancelTimer, decide, logWrite, nothing, send, setTimer } from '../lib/index';

/** Ticks to wait before acting on silence: the coordinator uses the same. */
export const timeout = 10;

export type VoterStateName = 'init' | 'prepared' | 'committed' | 'aborted';

/** Your voter's state. Add fields if you need them; build every state with `new`. */
export class VoterState {
  constructor(readonly name: VoterStateName, readonly ctx: NodeContext) {}
}

export const voter: Role<VoterState> = {
  init(ctx) {
    return new VoterState('init', ctx);
  },
  stateName(s) {
    return s.name;
  },
  step(s, input: Input<TwoPhaseCommitMessage>): Step<VoterState> {
    throw new NotDoneYet('04-voter', 'one case per input kind, then one per message type; for each, ask what this voter has promised so far and what a crash right after this step would leave on its disk');
  },
};
