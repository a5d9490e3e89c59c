// Probes for exercise 02-tally (article fig. 1 and 2; DDIA ch. 9). Judged by grader/exercises/02-tally.ts.
import { tally } from '../../exercises/02-tally';
import { probe } from '../../grader/worker/probe';
import { tallyCases } from '../../grader/worker/fixtures/tally';

const cases = tallyCases(3);
const answers = (pick: (c: (typeof cases)[number]) => boolean) => cases.filter(pick).map((c) => tally(c.voters, c.votes, c.timedOut));

probe('commits when all three voters voted yes, and only then', () => answers(() => true));
probe('aborts on the first no, without waiting for the other votes', () => answers((c) => Object.values(c.votes).includes('no')));
probe('aborts when the votes timer expires with a vote missing, and waits before it expires', () => answers((c) => !Object.values(c.votes).includes('no')));
