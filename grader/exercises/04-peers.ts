import { twoPhaseCommit, type Scenario } from '../../lib';
import type { ExerciseSpec } from '../types';
import { endsWith, fewestFaults, puzzleShape, type PuzzleRules } from './puzzles';

const rules: PuzzleRules = {
  protocol: 'twoPhaseCommit',
  options: { termination: 'cooperative' },
  protocolText: "twoPhaseCommit({ termination: 'cooperative' })",
  kinds: ['crash', 'recover'],
  maxFaults: 2,
  lesson: '04',
};

const both = (o: unknown) => {
  const pair = o as { saved?: unknown; beyond?: unknown } | null;
  return puzzleShape(pair?.saved, rules) ?? puzzleShape(pair?.beyond, rules);
};
const withTermination = (s: Scenario, termination: 'wait' | 'cooperative'): Scenario => ({ ...s, protocol: twoPhaseCommit({ termination }) });

export const exercise: ExerciseSpec = {
  id: '04-peers',
  lesson: '04',
  title: 'puzzle: a run that cooperative termination saves, and one it cannot',
  tests: [
    {
      name: 'both are runs of 2PC with cooperative termination: three voters voting yes, a lossless network, at most two crashes or recoveries',
      points: 1,
      judge: both,
    },
    {
      name: 'the first ends blocked under textbook 2PC, and aborted once the voters ask each other',
      points: 2,
      judge: (o) => {
        const s = (o as { saved?: unknown } | null)?.saved;
        const shape = puzzleShape(s, rules);
        if (shape) return shape;
        const saved = s as Scenario;
        return endsWith(withTermination(saved, 'wait'), 'blocked', 'blocked under textbook 2PC (termination: wait)', '04')
          ?? endsWith(withTermination(saved, 'cooperative'), 'aborted', 'aborted with cooperative termination', '04');
      },
    },
    {
      name: 'the second ends blocked even when the voters ask each other, with the fewest faults that can do that',
      points: 2,
      judge: (o) => {
        const s = (o as { beyond?: unknown } | null)?.beyond;
        const shape = puzzleShape(s, rules);
        if (shape) return shape;
        const beyond = s as Scenario;
        const ends = endsWith(withTermination(beyond, 'cooperative'), 'blocked', 'blocked with cooperative termination', '04', 10);
        if (ends) return ends;
        const fewest = fewestFaults('2pc-cooperative-blocked', twoPhaseCommit({ termination: 'cooperative' }), rules.kinds, 'blocked');
        const used = (beyond.faults ?? []).length;
        return fewest === null || used <= fewest ? null : `it blocks, with ${used} faults; fewer can do it. Which single moment leaves every voter that is up without anyone to learn the outcome from?`;
      },
    },
  ],
};
