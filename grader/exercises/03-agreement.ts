import { expectedAgreement } from '../reference';
import { catalogTraces, crashedDeciders, disagreements } from '../worker/fixtures/agreement';
import type { ExerciseSpec } from '../types';
import { compareAnswers } from './judging';

const over = (cases: { id: string; trace: readonly unknown[] }[]) => (o: unknown) =>
  compareAnswers(o, cases.map((c) => expectedAgreement(c.trace as never)), (k) => `on "${cases[k].id}" your checker`);

export const exercise: ExerciseSpec = {
  id: '03-agreement',
  lesson: '03',
  title: 'the agreement checker',
  tests: [
    { name: 'finds every 2PC run of the catalog in agreement (2PC never disagrees: it blocks instead)', points: 1, judge: (o) => over(catalogTraces())(o) },
    { name: 'finds the disagreement in hand-made traces and names every node against the first decision', points: 2, judge: over(disagreements) },
    { name: "counts a crashed node's decision: it was taken, and may have been seen", points: 1, judge: over(crashedDeciders) },
  ],
};
