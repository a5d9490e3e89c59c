import { expectedSplit } from '../reference';
import { splits } from '../worker/fixtures/three-phase';
import type { ExerciseSpec } from '../types';
import { compareAnswers, preview } from './judging';

const all = splits();

export const exercise: ExerciseSpec = {
  id: '06-split-brain',
  lesson: '06',
  title: 'what each side of a partition decides under 3PC',
  tests: [
    {
      name: "finds the article's fig. 5 split inconsistent: the precommitted side commits, the uncertain side aborts",
      points: 1,
      judge: (o) => {
        const want = JSON.stringify({ decisions: ['commit', 'abort'], inconsistent: true });
        const got = o as { decisions?: unknown; inconsistent?: unknown } | null;
        return got && JSON.stringify({ decisions: got.decisions, inconsistent: got.inconsistent }) === want ? null : `got ${preview(o)}, expected ${want}`;
      },
    },
    {
      name: 'decides each side of every split of three or four voters on its own',
      points: 2,
      judge: (o) => compareAnswers(o, all.map((s) => expectedSplit(s).decisions), (k) => `splitBrain(${JSON.stringify(all[k])}).decisions`),
    },
    {
      name: 'calls a split inconsistent exactly when one side commits and another aborts',
      points: 1,
      judge: (o) => compareAnswers(o, all.map((s) => expectedSplit(s).inconsistent), (k) => `splitBrain(${JSON.stringify(all[k])}).inconsistent`),
    },
  ],
};
