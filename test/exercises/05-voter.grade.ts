// Probes for lab 05-voter (Skeen 1981; Bernstein, Hadzilacos and Goodman sec. 7.5). Judged by grader/exercises/05-voter.ts.
import { voter } from '../../exercises/05-voter';
import { threePhaseVoterLab } from '../../lib/exercise';
import { probe } from '../../grader/worker/probe';
import { catalogStage, checkStage, exploreStage, threePhaseVoterLabSpec as lab } from '../../grader/worker/fixtures/labs';

const withMy3pcVoter = threePhaseVoterLab(voter);

probe("runs every 3PC case of the catalog that uses the termination protocol as 3PC with Skeen's rule does", () => catalogStage(withMy3pcVoter, lab));
probe("keeps agreement, validity and termination over every placement of up to two crashes and recoveries wherever 3PC with Skeen's rule keeps them (explore)", () => exploreStage(withMy3pcVoter, lab));
probe("keeps agreement and validity in every order of two voters' messages, timers, two crashes and a recovery, each timer firing when no message is in flight (check)", () => checkStage(withMy3pcVoter, lab));
