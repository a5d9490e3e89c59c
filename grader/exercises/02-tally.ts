import { expectedTally } from '../reference';
import { tallyCases, type TallyCase } from '../worker/fixtures/tally';
import type { ExerciseSpec } from '../types';
import { compareAnswers } from './judging';

const cases = tallyCases(3);
const describeCase = (c: TallyCase) => `tally(${JSON.stringify(c.voters)}, ${JSON.stringify(c.votes)}, ${c.timedOut})`;
const judgeOver = (pick: (c: TallyCase) => boolean) => (o: unknown) => {
  const chosen = cases.filter(pick);
  return compareAnswers(o, chosen.map(expectedTally), (k) => describeCase(chosen[k]));
};

export const exercise: ExerciseSpec = {
  id: '02-tally',
  lesson: '02',
  title: "the coordinator's decision rule",
  tests: [
    {
      name: 'commits when all three voters voted yes, and only then',
      points: 2,
      // Judged on the commit/not-commit line only, so that this test is about unanimity alone.
      judge: (o) => {
        if (!Array.isArray(o) || o.length !== cases.length) return `expected ${cases.length} answers, got ${JSON.stringify(o)?.slice(0, 80)}`;
        const k = cases.findIndex((c, i) => (expectedTally(c) === 'commit') !== (o[i] === 'commit'));
        return k < 0 ? null : `${describeCase(cases[k])} returned ${JSON.stringify(o[k])}; commit needs a yes from every voter, and a yes from every voter is enough`;
      },
    },
    { name: 'aborts on the first no, without waiting for the other votes', points: 1, judge: judgeOver((c) => Object.values(c.votes).includes('no')) },
    {
      name: 'aborts when the votes timer expires with a vote missing, and waits before it expires',
      points: 1,
      judge: judgeOver((c) => !Object.values(c.votes).includes('no')),
    },
  ],
};
