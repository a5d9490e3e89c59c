import { leaderDecision, safeValue } from '../../exercises/08-leader';
import { probe } from '../../grader/worker/probe';
import { learnedLists, promiseSets } from '../../grader/worker/fixtures/paxos';

probe('decides for four and five instances, and proposes safely from three promises with ballots up to 3', () => ({
  decisions: [4, 5].flatMap((n) => learnedLists(n)).map((l) => leaderDecision(l)),
  proposals: promiseSets(3, 3).map((s) => safeValue(s)),
}));
