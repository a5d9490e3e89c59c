import { threePhaseVoterLabSpec as lab } from '../worker/fixtures/labs';
import type { ExerciseSpec } from '../types';
import { judgeCatalog, judgeStage } from './labs';

export const exercise: ExerciseSpec = {
  id: '05-voter',
  lesson: '05',
  title: "lab: the whole 3PC voter, with Skeen's termination protocol and recovery",
  tests: [
    { name: "runs every 3PC case of the catalog that uses the termination protocol as 3PC with Skeen's rule does", points: 2, judge: judgeCatalog(lab) },
    { name: "keeps agreement, validity and termination over every placement of up to two crashes and recoveries wherever 3PC with Skeen's rule keeps them (explore)", points: 3, judge: judgeStage(lab, 'explore') },
    { name: "keeps agreement and validity in every order of two voters' messages, timers, two crashes and a recovery, each timer firing when no message is in flight (check)", points: 2, judge: judgeStage(lab, 'check') },
  ],
};
