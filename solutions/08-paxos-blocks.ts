// Puzzle 08-paxos-blocks, 4 points (lesson 08, Paxos Commit; Gray and Lamport, "Consensus on
// Transaction Commit", 2006, section 4: Paxos Commit is non-blocking while a majority of
// acceptors and some leader are up).
//
// Lesson 08 shows Paxos Commit finishing where 2PC blocks. Find a run where it blocks anyway:
// paxosCommit() with three acceptors, three voters all voting yes, a lossless network, and the
// fewest crashes and recoveries that can do it (a partition is not allowed here). Return it
// as scenario data; the grader simulates it with ten times its horizon.
//
// Questions to answer first: which nodes must be up for some leader to learn every instance's
// value? Which of them can a voter or a backup leader not do without? Reread the paper's
// claim about F + 1 and rerun lesson 08's cells with the faults moved to other nodes.
import { NotDoneYet, afterReceive, crash, paxosCommit, type Scenario } from '../lib/index';

export function paxosBlocks(): Scenario {
  // BEGIN SOLUTION
  // HINT: count what a majority needs, then take away just enough of it at a moment when nothing is decided yet
  return {
    protocol: paxosCommit(),
    voters: 3,
    faults: [crash('a1', afterReceive('a1', 'phase2a', { from: 'v1' })), crash('a2', afterReceive('a2', 'phase2a', { from: 'v1' }))],
  };
  // END SOLUTION
}
