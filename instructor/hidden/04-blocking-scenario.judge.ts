import { blockedRun } from '../../grader/exercises/04-blocking-scenario';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '04-blocking-scenario',
  tests: [{ name: 'stays blocked with ten times the horizon: blocked, not merely slow', points: 1, judge: (o) => blockedRun(o, 10) }],
};
