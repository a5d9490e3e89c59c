import { compareAnswers } from '../../grader/exercises/judging';
import { randomQueueHistories } from '../../grader/worker/fixtures/queue';
import type { HiddenSpec } from '../../grader/types';
import { linearizable, type Model } from '../../lib/linearizability/index';

/** The reference queue: stays on the instructor's side. */
const reference: Model<readonly unknown[], { kind: 'enq'; value?: unknown } | { kind: 'deq' }, { value?: unknown; unknown?: boolean }> = {
  name: 'queue',
  init: () => [],
  step: (s, input, output) => {
    if (input.kind === 'enq') return [true, [...s, input.value]];
    return [output?.unknown === true || output?.value === (s.length === 0 ? null : s[0]), s.slice(1)];
  },
  equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
};

export const hidden: HiddenSpec = {
  id: '10-queue',
  tests: [
    {
      name: 'agrees with the reference queue on 150 random histories of up to seven operations',
      points: 1,
      judge: (o) => {
        const histories = randomQueueHistories(150, 10);
        return compareAnswers(
          o,
          histories.map((h) => linearizable(h, reference as never).verdict),
          (k) => `linearizable(${JSON.stringify(histories[k])}, queueModel()).verdict`,
        );
      },
    },
  ],
};
