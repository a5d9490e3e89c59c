// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 091e8b6040745ac2: once you edit this file, the build leaves it alone.)
// Lab 05-voter, 7 points (lessons 05 and 06, 3PC; Skeen 1981, "Nonblocking Commit Protocols",
// sec. 5; Bernstein, Hadzilacos and Goodman sec. 7.5; the article's termination protocol).
//
// Write a whole 3PC voter with Skeen's termination protocol: the role every voter of the run
// plays, next to the library's 3PC coordinator. The grader runs it in three stages: the 3PC
// cases of the catalog that use the termination protocol (`termination: 'elect'`); every
// placement of up to two crashes and recoveries (`explore`), where yours must keep every
// property that 3PC with Skeen's rule keeps under the same faults (it loses agreement under a
// few itself, lesson 06); and the model checker (`check`): every order of two voters'
// messages, timer expiries, up to two crashes and a recovery, with Skeen's coordinator
// (`protocol: { preCommitAckTimeout: 'commit' }`) and a timer firing only when no message is
// in flight, the synchronous network 3PC assumes (with no such bound 3PC itself splits).
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
import { type Input, type NodeContext, type NodeId, type Output, type Role, type Step, type ThreePhaseCommitMessage } from '../lib/index';
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
  step(s, input: Input<ThreePhaseCommitMessage>): Step<VoterState> {
    throw new NotDoneYet('05-voter', 'one case per input kind and message; for each, ask what this voter has promised, what is on its disk, and whether a node that may know more is still reachable');
  },
};
