// Probes for exercise 08-leader (Gray and Lamport, "Consensus on Transaction Commit", 2006). Judged by grader/exercises/08-leader.ts.
import { leaderDecision, safeValue } from '../../exercises/08-leader';
import { probe } from '../../grader/worker/probe';
import { leaderPlacements, learnedLists, learnerPaxosRuns, promiseSets } from '../../grader/worker/fixtures/paxos';

probe('decides from every list of one to three instances: commit, abort or wait', () => [1, 2, 3].flatMap((n) => learnedLists(n)).map((l) => leaderDecision(l)));
probe('proposes the one value a new ballot may propose, from the promises of any majority of three acceptors', () =>
  [...promiseSets(2, 2), ...promiseSets(3, 2)].map((s) => safeValue(s)));
probe("leading Paxos Commit through every coordinator crash, runs end as the paper's rules end them", () =>
  learnerPaxosRuns({ leaderDecision, safeValue }, leaderPlacements()));
