import { threePhaseCommit, type Scenario } from '../../lib';
import type { ExerciseSpec } from '../types';
import { endsWith, fewestFaults, puzzleShape, type PuzzleRules } from './puzzles';

const lecture = threePhaseCommit();
const rules: PuzzleRules = {
  protocol: 'threePhaseCommit',
  options: { termination: lecture.termination, preCommitAckTimeout: lecture.preCommitAckTimeout, timeout: lecture.timeout },
  protocolText: 'threePhaseCommit(), the lecture\'s timeouts',
  kinds: ['crash', 'recover', 'cut', 'partition'],
  maxFaults: 2,
  lesson: '06',
};

export const exercise: ExerciseSpec = {
  id: '06-fewest-faults',
  lesson: '06',
  title: "puzzle: the fewest faults that split 3PC with the lecture's timeouts",
  tests: [
    {
      name: "is a run of 3PC with the lecture's timeouts: three voters voting yes, a lossless network, at most two crashes, recoveries, cuts or partitions",
      points: 1,
      judge: (o) => puzzleShape(o, rules),
    },
    { name: 'ends inconsistent', points: 1, judge: (o) => puzzleShape(o, rules) ?? endsWith(o as Scenario, 'inconsistent', 'inconsistent', '06') },
    {
      name: 'uses the fewest faults that can make 3PC end inconsistent',
      points: 2,
      judge: (o) => {
        const wrong = puzzleShape(o, rules) ?? endsWith(o as Scenario, 'inconsistent', 'inconsistent', '06');
        if (wrong) return wrong;
        // One fault first: explore over every single placement is quick, and is enough when it finds one.
        const fewest = fewestFaults('3pc-inconsistent-1', lecture, rules.kinds, 'inconsistent', 1) ?? fewestFaults('3pc-inconsistent-2', lecture, rules.kinds, 'inconsistent', 2);
        const used = ((o as Scenario).faults ?? []).length;
        return fewest === null || used <= fewest ? null : `it ends inconsistent with ${used} faults, as the catalog's runs do; fewer can. Which node, lost at which moment, leaves the voters in states that the timeouts settle differently?`;
      },
    },
  ],
};
