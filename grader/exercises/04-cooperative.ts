import { coordinatorLosses } from '../worker/fixtures/placements';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';
import { judgeRuns } from './protocol-judge';

const expected = [
  { state: 'init', answer: { reply: 'abort', abortFirst: true }, why: 'it has not voted, so it may still refuse; once it aborts, the coordinator cannot commit' },
  { state: 'prepared', answer: { reply: null, abortFirst: false }, why: 'it promised and knows no outcome: whatever it said could contradict the coordinator' },
  { state: 'committed', answer: { reply: 'commit', abortFirst: false }, why: 'it knows the outcome' },
  { state: 'aborted', answer: { reply: 'abort', abortFirst: false }, why: 'it knows the outcome' },
];

export const exercise: ExerciseSpec = {
  id: '04-cooperative',
  lesson: '04',
  title: 'cooperative termination for 2PC',
  tests: [
    {
      name: 'answers a peer in doubt from each state a voter may be in',
      points: 2,
      judge: (o) => {
        if (!Array.isArray(o) || o.length !== expected.length) return `expected ${expected.length} answers, got ${preview(o)}`;
        const k = expected.findIndex((e, i) => JSON.stringify(e.answer) !== JSON.stringify(o[i]));
        return k < 0 ? null : `in state ${expected[k].state} you answer ${preview(o[k])}; expected ${JSON.stringify(expected[k].answer)}: ${expected[k].why}`;
      },
    },
    {
      name: 'over every placement that loses the coordinator, runs end as cooperative 2PC does',
      points: 3,
      judge: judgeRuns({ key: 'coordinator-losses', termination: 'cooperative', placements: coordinatorLosses, lesson: '04', rule: 'your answers' }),
    },
  ],
};
