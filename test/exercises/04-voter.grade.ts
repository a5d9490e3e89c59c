// Probes for lab 04-voter (the lecture; DDIA ch. 9; Bernstein, Hadzilacos and Goodman ch. 7). Judged by grader/exercises/04-voter.ts.
import { voter } from '../../exercises/04-voter';
import { voterLab } from '../../lib/exercise';
import { probe } from '../../grader/worker/probe';
import { catalogStage, checkStage, exploreStage, voterLabSpec as lab } from '../../grader/worker/fixtures/labs';

const withMyVoter = voterLab(voter);

probe('runs every 2PC case of the catalog as textbook 2PC with cooperative termination does', () => catalogStage(withMyVoter, lab));
probe('keeps agreement, validity and termination over every placement of up to two crashes and recoveries (explore)', () => exploreStage(withMyVoter, lab));
probe("keeps agreement and validity in every order of two voters' messages and timers the checker reaches in 25,000 states (check)", () => checkStage(withMyVoter, lab));
