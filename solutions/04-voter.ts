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
    // BEGIN SOLUTION
    // HINT: one case per input kind, then one per message type; for each, ask what this voter has
    // HINT: promised so far and what a crash right after this step would leave on its disk
    const ask = (v: VoterState) => [
      setTimer('ask', timeout),
      ...[v.ctx.coordinator, ...v.ctx.voters.filter((p) => p !== v.ctx.id)].map((n) => send(n, { type: 'ask' })),
    ];
    const abortAlone = (v: VoterState): Step<VoterState> => [
      new VoterState('aborted', v.ctx),
      [cancelTimer('prepare'), logWrite({ type: 'abort' }), decide('abort')],
    ];
    const settle = (v: VoterState, decision: 'commit' | 'abort', from: string): Step<VoterState> => [
      new VoterState(decision === 'commit' ? 'committed' : 'aborted', v.ctx),
      [cancelTimer('prepare'), cancelTimer('ask'), logWrite({ type: decision }), decide(decision), send(from, { type: 'ack' })],
    ];
    switch (input.kind) {
      case 'start':
        return [s, [setTimer('prepare', 2 * timeout)]];
      case 'timeout':
        if (input.timer === 'prepare' && s.name === 'init') return abortAlone(s);
        if (input.timer === 'ask' && s.name === 'prepared') return [s, ask(s)];
        return [s, nothing];
      case 'recover': {
        const last = input.log[input.log.length - 1];
        if (!last) return abortAlone(s);
        if (last.type === 'commit') return [new VoterState('committed', s.ctx), nothing];
        if (last.type === 'abort') return [new VoterState('aborted', s.ctx), nothing];
        const prepared = new VoterState('prepared', s.ctx);
        return [prepared, ask(prepared)];
      }
      case 'receive': {
        const { from, message } = input;
        switch (message.type) {
          case 'prepare':
            if (s.name === 'init') {
              if (s.ctx.vote === 'no') {
                return [new VoterState('aborted', s.ctx), [cancelTimer('prepare'), logWrite({ type: 'abort' }), decide('abort'), send(from, { type: 'vote', vote: 'no' })]];
              }
              return [
                new VoterState('prepared', s.ctx),
                [cancelTimer('prepare'), logWrite({ type: 'prepare', tx: 'T1' }), setTimer('ask', timeout), send(from, { type: 'vote', vote: 'yes' })],
              ];
            }
            if (s.name === 'prepared') return [s, [send(from, { type: 'vote', vote: 'yes' })]];
            if (s.name === 'aborted') return [s, [send(from, { type: 'vote', vote: 'no' })]];
            return [s, nothing];
          case 'commit':
            if (s.name === 'prepared') return settle(s, 'commit', from);
            return s.name === 'committed' ? [s, [send(from, { type: 'ack' })]] : [s, nothing];
          case 'abort':
            if (s.name === 'prepared' || s.name === 'init') return settle(s, 'abort', from);
            return s.name === 'aborted' ? [s, [send(from, { type: 'ack' })]] : [s, nothing];
          case 'ask':
            if (s.name === 'committed') return [s, [send(from, { type: 'commit' })]];
            if (s.name === 'aborted') return [s, [send(from, { type: 'abort' })]];
            if (s.name === 'init') {
              const [aborted, out] = abortAlone(s);
              return [aborted, [...out, send(from, { type: 'abort' })]];
            }
            return [s, nothing];
          default:
            return [s, nothing];
        }
      }
    }
    // END SOLUTION
  },
};
