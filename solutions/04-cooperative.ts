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
import type { PeerAnswer } from '../lib/exercise/index';
import { NotDoneYet } from '../lib/exercise/index';

export function answerPeer(state: 'init' | 'prepared' | 'committed' | 'aborted'): PeerAnswer {
  // BEGIN SOLUTION
  // HINT: committed -> reply commit; aborted -> reply abort; init -> abort first, then reply abort; prepared -> no reply
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
