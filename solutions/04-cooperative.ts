// Warm-up 04-cooperative, 5 points, +1 hidden (lesson 04, 2PC under failure; the lecture's cooperative termination;
// Bernstein, Hadzilacos and Goodman ch. 7).
//
// With cooperative termination, a prepared voter that hears nothing from the coordinator also
// asks the other voters. Write what a voter answers a peer, given its own state ('init',
// 'prepared', 'committed' or 'aborted'): { reply: 'commit' | 'abort' | null, abortFirst }
// (`reply` null: say nothing; `abortFirst`: abort for good before answering).
//
// Questions to answer first, for each state: what does this voter know that the peer does
// not? What has it promised, and to whom? Could its answer contradict what the coordinator
// decided or will decide? Rerun lesson 04's cell on '2pc/cooperative-termination-helps' with
// your answers, then crash the coordinator at other moments.
import type { PeerAnswer } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export function answerPeer(state: 'init' | 'prepared' | 'committed' | 'aborted'): PeerAnswer {
  // BEGIN SOLUTION
  // HINT: for each of the four states, ask what the voter knows and what it has promised; answer only what cannot contradict the coordinator
  switch (state) {
    case 'committed':
      return { reply: 'commit', abortFirst: false };
    case 'aborted':
      return { reply: 'abort', abortFirst: false };
    case 'init':
      return { reply: 'abort', abortFirst: true };
    case 'prepared':
      return { reply: null, abortFirst: false };
  }
  // END SOLUTION
}
