import { paxosCommit, simulate } from '../../lib';
import { LEARNER_PAXOS } from '../../lib/exercise';
import {
  expectedDecision, expectedSafeValue, leaderPlacements, learnedLists, paxosScenarioOf, promiseSets, resultOf, type RunResult,
} from '../worker/fixtures/paxos';
import type { ExerciseSpec } from '../types';
import { compareAnswers, preview } from './judging';

let paperResults: RunResult[] | null = null;

/** The learner's runs of every placement must end as the paper's rules end them: verdict and decisions. */
function judgeLeaderRuns(o: unknown): string | null {
  const placements = leaderPlacements();
  paperResults ??= placements.map((p) => resultOf(simulate(paxosScenarioOf(paxosCommit(), p), { trace: 'none' })));
  const expected = paperResults;
  const observed = o as { results?: unknown; explained?: Record<string, unknown> } | null;
  if (!observed || !Array.isArray(observed.results) || observed.results.length !== expected.length) {
    return `expected ${expected.length} run results, got ${preview(observed?.results)}`;
  }
  const results = observed.results as RunResult[];
  const differs = (i: number) => JSON.stringify(expected[i]) !== JSON.stringify({ verdict: results[i]?.verdict, decisions: results[i]?.decisions });
  const failing = expected.findIndex((_, i) => differs(i));
  if (failing < 0) return null;
  const told = observed.explained?.[String(failing)];
  return [
    `${expected.filter((_, i) => differs(i)).length} of ${expected.length} fault placements end differently from Paxos Commit with the paper's rules. The first:`,
    JSON.stringify(paxosScenarioOf({ name: LEARNER_PAXOS, acceptors: 3, timeout: 10 }, placements[failing])),
    `with your rules: verdict ${results[failing]?.verdict}, decisions ${JSON.stringify(results[failing]?.decisions)}`,
    `the paper's rules: verdict ${expected[failing].verdict}, decisions ${JSON.stringify(expected[failing].decisions)}`,
    ...(typeof told === 'string' ? ['', 'Your run, event by event:', told.slice(0, 6000)] : []),
    '',
    "Draw it in lesson 08's notebook: call paxosCommitWith({ leaderDecision, safeValue }), then run the space-time diagram cell on simulate(<the line above>).",
  ].join('\n');
}

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
    { name: 'proposes the value of the highest ballot a majority of three acceptors reports, or aborted if none', points: 2, judge: (o) => proposals(visibleProposals())(o) },
    { name: "leading Paxos Commit through every coordinator crash, runs end as the paper's rules end them", points: 2, judge: judgeLeaderRuns },
  ],
};
