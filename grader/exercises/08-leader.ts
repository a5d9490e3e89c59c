import { paxosCommit, replayLine } from '../../lib';
import { LEARNER_PAXOS } from '../../lib/exercise';
import {
  expectedDecision, expectedSafeValue, leaderPlacements, learnedLists, paxosScenarioOf, promiseSets,
} from '../worker/fixtures/paxos';
import type { ExerciseSpec } from '../types';
import { compareAnswers } from './judging';
import { judgeRunsAgainst } from './protocol-judge';

/** The learner's runs of every placement must end as the paper's rules end them: verdict and decisions. */
const judgeLeaderRuns = judgeRunsAgainst({
  key: 'paxos-leader-placements',
  placements: leaderPlacements,
  reference: (p) => paxosScenarioOf(paxosCommit(), p),
  replay: (p) => replayLine(paxosScenarioOf({ name: LEARNER_PAXOS, acceptors: 3, timeout: 10 }, p)),
  referenceName: "Paxos Commit with the paper's rules",
  referenceLabel: "the paper's rules",
  first: 'first',
  lesson: '08',
  rule: 'your rules',
  before: 'call paxosCommitWith({ leaderDecision, safeValue })',
});

const decisions = (ns: readonly number[]) => (o: unknown) => {
  const lists = ns.flatMap((n) => learnedLists(n));
  return compareAnswers(o, lists.map(expectedDecision), (k) => `leaderDecision(${JSON.stringify(lists[k])})`);
};

const proposals = (sets: readonly (readonly { bal: number; val: string }[])[]) => (o: unknown) =>
  compareAnswers(o, sets.map((s) => expectedSafeValue(s as never)), (k) => `safeValue(${JSON.stringify(sets[k])})`);

export const visibleProposals = () => [...promiseSets(2, 2), ...promiseSets(3, 2)];

export const exercise: ExerciseSpec = {
  id: '08-leader',
  lesson: '08',
  title: "Paxos Commit's leader: deciding, and proposing safely",
  tests: [
    { name: 'decides from every list of one to three instances: commit, abort or wait', points: 2, judge: decisions([1, 2, 3]) },
    { name: 'proposes the one value a new ballot may propose, from the promises of any majority of three acceptors', points: 2, judge: (o) => proposals(visibleProposals())(o) },
    { name: "leading Paxos Commit through every coordinator crash, runs end as the paper's rules end them", points: 2, judge: judgeLeaderRuns },
  ],
};
