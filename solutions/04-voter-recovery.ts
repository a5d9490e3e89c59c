// Warm-up 04-voter-recovery, 5 points, +1 hidden (lesson 04, 2PC under failure; the lecture; DDIA ch. 9 "coordinator failure").
//
// A 2PC voter crashed and came back. Its volatile state is gone; its durable log (oldest
// record first, each with a `type`: 'prepare', 'commit' or 'abort') survived. Write its
// recovery rule: from the log alone, the state it resumes in, 'prepared', 'committed' or
// 'aborted'. The grader plugs your rule into 2PC and runs every crash of a voter.
//
// Questions to answer first: for each kind of log, what had this voter told the coordinator
// before it crashed? What may the coordinator have decided meanwhile? Which states would let
// the voter decide something the coordinator might contradict? Lesson 04's cell on
// '2pc/voter-down-in-commit' runs your rule; crash the voter at other moments too.
import type { LogRecord } from '../lib/index';
import { NotDoneYet } from '../lib/index';

export function recoverVoter(log: readonly LogRecord[]): 'prepared' | 'committed' | 'aborted' {
  // BEGIN SOLUTION
  // HINT: for each kind of log, ask what the voter had promised before the crash and who may know the outcome
  const last = log[log.length - 1];
  if (!last) return 'aborted';
  if (last.type === 'commit') return 'committed';
  if (last.type === 'abort') return 'aborted';
  return 'prepared';
  // END SOLUTION
}
