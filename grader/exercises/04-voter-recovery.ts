import { recoveryLogs } from '../worker/fixtures/logs';
import { voterCrashes } from '../worker/fixtures/placements';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';
import { judgeRuns } from './protocol-judge';

export const exercise: ExerciseSpec = {
  id: '04-voter-recovery',
  lesson: '04',
  title: "the 2PC voter's recovery rule",
  tests: [
    {
      name: 'reads each kind of log: nothing, a prepare record, then the outcome',
      points: 2,
      judge: (o) => {
        if (!Array.isArray(o) || o.length !== recoveryLogs.length) return `expected ${recoveryLogs.length} answers, got ${preview(o)}`;
        const k = recoveryLogs.findIndex((c, i) => o[i] !== c.resumes);
        return k < 0 ? null : `with ${recoveryLogs[k].what} you resume ${preview(o[k])}; the textbook resumes ${recoveryLogs[k].resumes}`;
      },
    },
    {
      name: 'over every crash-and-recover of one voter, runs end as textbook 2PC does',
      points: 3,
      judge: judgeRuns({ key: 'voter-crashes', termination: 'wait', placements: voterCrashes, lesson: '04', rule: 'your recovery rule' }),
    },
  ],
};
