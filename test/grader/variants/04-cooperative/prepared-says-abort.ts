// @ts-nocheck (graded as exercises/04-cooperative.ts, where ../lib resolves)
// A plausible wrong answer to 04-cooperative: a prepared peer answers abort.
// loses: answers a peer in doubt from each state a voter may be in
// loses: over every placement that loses the coordinator, runs end as cooperative 2PC does
// loses: with a voter crashing and recovering too, runs end as cooperative 2PC does
// Exercise 04-cooperative (lesson 04, 2PC under failure; the lecture's cooperative termination).
//
// With cooperative termination, a prepared voter that hears nothing from the
// coordinator also asks the other voters. Write what a voter answers a peer,
// given its own state ('init', 'prepared', 'committed' or 'aborted'):
//   - it knows the outcome: tell it;
//   - it has not voted yet: it may still refuse, so it aborts first, for good,
//     then tells the peer to abort (the coordinator can no longer commit);
//   - it is prepared too: it knows nothing the peer does not, so it stays silent.
// Return { reply: 'commit' | 'abort' | null, abortFirst: boolean }.
// Try it in lesson 04's notebook: twoPhaseCommitWith({ answerPeer }, { termination: 'cooperative' }).
import type { PeerAnswer } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export function answerPeer(state: 'init' | 'prepared' | 'committed' | 'aborted'): PeerAnswer {
  switch (state) {
    case 'committed':
      return { reply: 'commit', abortFirst: false };
    case 'aborted':
      return { reply: 'abort', abortFirst: false };
    case 'init':
      return { reply: 'abort', abortFirst: true };
    case 'prepared':
      return { reply: 'abort', abortFirst: false };
  }
}
