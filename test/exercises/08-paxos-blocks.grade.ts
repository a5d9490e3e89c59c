// Probes for puzzle 08-paxos-blocks (Gray and Lamport, 2006).
// The grader simulates the scenario itself: grader/exercises/08-paxos-blocks.ts.
import { paxosBlocks } from '../../exercises/08-paxos-blocks';
import { probe } from '../../grader/worker/probe';

probe('is a run of Paxos Commit with three acceptors: three voters voting yes, a lossless network, at most two crashes or recoveries', () => paxosBlocks());
probe('ends blocked, and stays blocked with ten times the horizon', () => paxosBlocks());
probe('uses the fewest crashes and recoveries that can block Paxos Commit', () => paxosBlocks());
