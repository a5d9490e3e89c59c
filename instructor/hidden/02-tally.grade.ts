// Hidden probes for exercise 02-tally: the same rule for one to five voters.
import { tally } from '../../exercises/02-tally';
import { probe } from '../../grader/worker/probe';
import { tallyCases } from '../../grader/worker/fixtures/tally';

probe('holds for one to five voters', () => [1, 2, 4, 5].map((n) => tallyCases(n).map((c) => tally(c.voters, c.votes, c.timedOut))));
