import { voterLabSpec as lab } from '../worker/fixtures/labs';
import type { ExerciseSpec } from '../types';
import { judgeCatalog, judgeStage } from './labs';

export const exercise: ExerciseSpec = {
  id: '04-voter',
  lesson: '04',
  title: 'lab: the whole 2PC voter, with recovery and cooperative termination',
  tests: [
    { name: 'runs every 2PC case of the catalog as textbook 2PC with cooperative termination does', points: 2, judge: judgeCatalog(lab) },
    { name: 'keeps agreement, validity and termination over every placement of up to two crashes and recoveries (explore)', points: 3, judge: judgeStage(lab, 'explore') },
    { name: "keeps agreement and validity in every order of two voters' messages and timers the checker reaches in 25,000 states (check)", points: 2, judge: judgeStage(lab, 'check') },
  ],
};
