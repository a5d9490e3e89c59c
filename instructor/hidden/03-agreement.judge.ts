import { randomTraces } from '../../grader/worker/fixtures/agreement';
import { expectedAgreement } from '../reference/rules';
import { compareAnswers } from '../../grader/exercises/judging';
import type { HiddenSpec } from '../../grader/types';

const traces = randomTraces(200);

export const hidden: HiddenSpec = {
  id: '03-agreement',
  tests: [{
    name: 'agrees with the rule on 200 random traces',
    points: 1,
    judge: (o) => compareAnswers(o, traces.map(expectedAgreement), (k) => `the trace ${JSON.stringify(traces[k])}`),
  }],
};
