import { compareAnswers, preview } from '../../grader/exercises/judging';
import { expectedDecision, expectedSafeValue, learnedLists, promiseSets } from '../../grader/worker/fixtures/paxos';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '08-leader',
  tests: [{
    name: 'decides for four and five instances, and proposes safely from three promises with ballots up to 3',
    points: 1,
    judge: (o) => {
      const seen = o as { decisions?: unknown; proposals?: unknown } | null;
      if (!seen || typeof seen !== 'object') return `expected decisions and proposals, got ${preview(o)}`;
      const lists = [4, 5].flatMap((n) => learnedLists(n));
      const sets = promiseSets(3, 3);
      return compareAnswers(seen.decisions, lists.map(expectedDecision), (k) => `leaderDecision(${JSON.stringify(lists[k])})`)
        ?? compareAnswers(seen.proposals, sets.map(expectedSafeValue), (k) => `safeValue(${JSON.stringify(sets[k])})`);
    },
  }],
};
