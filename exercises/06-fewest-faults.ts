// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 7905a54923733f1e: once you edit this file, the build leaves it alone.)
// Puzzle 06-fewest-faults, 4 points (lesson 06, 3PC under partitions, recovery and slow networks;
// Skeen; the lecture on 3PC's timeouts).
//
// The catalog's inconsistent 3PC runs ('3pc/crash-and-cut', '3pc/partition-split-brain', ...)
// each need two faults. Find a run of 3PC with the lecture's timeouts (threePhaseCommit(), as
// it comes) that ends inconsistent with the fewest faults that can do it: three voters, all
// voting yes, a lossless network, crashes, recoveries, cuts or partitions. Return it as
// scenario data; the grader simulates it and compares its size with what `explore` finds.
//
// Questions to answer first: what does each voter do when its timer expires in each state?
// Which states can voters be in at the same moment? Rerun lesson 06's cells with the
// coordinator crashing at other moments and watch each voter's timeout.
import { NotDoneYet, afterSend, crash, threePhaseCommit, type Scenario } from '../lib/index';

export function splitWithFewestFaults(): Scenario {
  throw new NotDoneYet('06-fewest-faults', 'find the moment when the voters stand in different states and only one node could still bring them together');
}
