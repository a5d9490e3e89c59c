// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp a87d8c72e2cc89fe: once you edit this file, the build leaves it alone.)
// Exercise 04-voter-recovery (lesson 04, 2PC under failure; the lecture; DDIA ch. 9 "coordinator failure").
//
// A 2PC voter crashed and came back. Its volatile state is gone; its durable log
// (oldest record first) survived. Write its recovery rule: from the log alone,
// the state it resumes in.
//   'committed' / 'aborted' - the log holds the outcome;
//   'prepared'  - it voted yes (the log holds the prepare record) and no outcome:
//                 it promised, so it may not decide alone, and asks the coordinator;
//   'aborted'   - it never voted yes (an empty log): it promised nothing.
// Log records have a `type`: 'prepare', 'commit' or 'abort'.
// Try it in lesson 04's notebook: simulate({ protocol: twoPhaseCommitWith({ recoverVoter }), ... }).
import type { LogRecord } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export function recoverVoter(log: readonly LogRecord[]): 'prepared' | 'committed' | 'aborted' {
  throw new NotDoneYet('04-voter-recovery', 'look at the last record: an outcome wins; a prepare record alone means prepared; an empty log means it never voted yes');
}
