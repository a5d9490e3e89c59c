// Puzzle 04-peers, 5 points (lesson 04, 2PC under failure; the lecture's cooperative termination;
// Bernstein, Hadzilacos and Goodman ch. 7).
//
// Find two runs of 2PC with cooperative termination: three voters, all voting yes, a lossless
// network, at most two faults, each a crash or a recovery. Return them as scenario data; the
// grader simulates them.
//   savedByAPeer(): blocked under textbook 2PC (termination: 'wait'), but aborted once the
//                   voters ask each other. (The catalog's '2pc/cooperative-termination-helps'
//                   ends committed: this one must end aborted.)
//   beyondAnyPeer(): blocked even with cooperative termination, with the fewest faults that can
//                   do it.
//
// Questions to answer first: which peer can settle a prepared voter's doubt, and which cannot?
// What can a voter that has not voted yet still do? Rerun lesson 04's cooperative termination
// cell with the coordinator crashing at other moments, and read each voter's state when it does.
import { NotDoneYet, afterSend, crash, twoPhaseCommit, type Scenario } from '../lib/index';

export function savedByAPeer(): Scenario {
  // BEGIN SOLUTION
  // HINT: find a moment to lose the coordinator when some voter has promised nothing yet
  return { protocol: twoPhaseCommit({ termination: 'cooperative' }), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v2' }))] };
  // END SOLUTION
}

export function beyondAnyPeer(): Scenario {
  // BEGIN SOLUTION
  // HINT: find the moment when every voter has promised and none has heard the outcome
  return { protocol: twoPhaseCommit({ termination: 'cooperative' }), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))] };
  // END SOLUTION
}
