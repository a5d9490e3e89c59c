import { paxosCommit, type Scenario } from '../../lib';
import type { ExerciseSpec } from '../types';
import { endsWith, fewestFaults, puzzleShape, type PuzzleRules } from './puzzles';

const paper = paxosCommit();
const rules: PuzzleRules = {
  protocol: 'paxosCommit',
  options: { acceptors: 3, timeout: paper.timeout },
  protocolText: 'paxosCommit() with three acceptors',
  kinds: ['crash', 'recover'],
  maxFaults: 2,
  lesson: '08',
};

export const exercise: ExerciseSpec = {
  id: '08-paxos-blocks',
  lesson: '08',
  title: 'puzzle: a run where Paxos Commit blocks',
  tests: [
    {
      name: 'is a run of Paxos Commit with three acceptors: three voters voting yes, a lossless network, at most two crashes or recoveries',
      points: 1,
      judge: (o) => puzzleShape(o, rules),
    },
    {
      name: 'ends blocked, and stays blocked with ten times the horizon',
      points: 2,
      judge: (o) => puzzleShape(o, rules) ?? endsWith(o as Scenario, 'blocked', 'blocked', '08', 10),
    },
    {
      name: 'uses the fewest crashes and recoveries that can block Paxos Commit',
      points: 1,
      judge: (o) => {
        const wrong = puzzleShape(o, rules) ?? endsWith(o as Scenario, 'blocked', 'blocked', '08', 10);
        if (wrong) return wrong;
        const fewest = fewestFaults('paxos-blocked-1', paper, rules.kinds, 'blocked', 1) ?? fewestFaults('paxos-blocked-2', paper, ['crash'], 'blocked', 2);
        const used = ((o as Scenario).faults ?? []).length;
        return fewest === null || used <= fewest ? null : `it blocks with ${used} faults; fewer can do it.`;
      },
    },
  ],
};
