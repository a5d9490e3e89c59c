// @ts-nocheck (graded as exercises/04-voter-recovery.ts, where ../lib resolves)
// A plausible wrong answer to 04-voter-recovery: a prepare record is read as a commit.
// loses: reads each kind of log: nothing, a prepare record, then the outcome
// loses: over every crash-and-recover of one voter, runs end as textbook 2PC does
// loses: with the coordinator crashing too, runs end as textbook 2PC does
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
import { NotDoneYet } from '../lib/index';

export function recoverVoter(log: readonly LogRecord[]): 'prepared' | 'committed' | 'aborted' {
  const last = log[log.length - 1];
  if (!last) return 'aborted';
  if (last.type === 'commit') return 'committed';
  if (last.type === 'abort') return 'aborted';
  return 'committed';
}
