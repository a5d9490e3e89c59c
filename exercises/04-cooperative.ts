// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 3787e6ab895cb906: once you edit this file, the build leaves it alone.)
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
  throw new NotDoneYet('04-cooperative', 'committed -> reply commit; aborted -> reply abort; init -> abort first, then reply abort; prepared -> no reply');
}
