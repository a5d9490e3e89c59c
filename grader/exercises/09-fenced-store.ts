import { leaseLock } from '../../lib';
import { fencedScenario, holderFaults, LEASE, resultOf, scenarioOf, type LeaseResult, type LeaseRun } from '../worker/fixtures/lease';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';
import { judgeRunsAgainst } from './protocol-judge';

/** Each step the probe takes, and what the library's fenced store does there. */
export const STEP_CASES: readonly { what: string; expected: unknown }[] = [
  {
    what: 'a first write, token 1, from c1',
    expected: {
      highest: 1,
      outputs: [
        { kind: 'log', record: { type: 'write', token: 1, from: 'c1' } },
        { kind: 'send', to: 'c1', message: { type: 'written', token: 1 } },
      ],
    },
  },
  {
    what: 'then a write under token 3 from c2',
    expected: {
      highest: 3,
      outputs: [
        { kind: 'log', record: { type: 'write', token: 3, from: 'c2' } },
        { kind: 'send', to: 'c2', message: { type: 'written', token: 3 } },
      ],
    },
  },
  {
    what: 'then a stale write under token 2 from c1',
    expected: { highest: 3, outputs: [{ kind: 'send', to: 'c1', message: { type: 'rejected', token: 2 } }] },
  },
  { what: 'then a timer it never set', expected: { highest: 3, outputs: [] } },
];

/** JSON with every object's keys sorted: the order a learner writes fields in does not matter. */
function canonical(o: unknown): string {
  return JSON.stringify(o, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/** Compares the learner's steps with the fenced store's, and names the first that differs. */
export function judgeSteps(o: unknown): string | null {
  if (!Array.isArray(o) || o.length !== STEP_CASES.length) return `expected ${STEP_CASES.length} steps, got ${preview(o)}`;
  const k = STEP_CASES.findIndex((c, i) => canonical(c.expected) !== canonical(o[i]));
  return k < 0
    ? null
    : `on ${STEP_CASES[k].what}, your store went to ${preview(o[k])}; the fenced store goes to ${preview(STEP_CASES[k].expected)}`;
}

/**
 * The line that replays a run with the learner's store, as lesson 09's exercise cell runs it
 * (the cell imports storeStep and leaseLockWith): the run's scenario, with the lease lock
 * through the learner's store in place of its protocol.
 */
export function replayOf(r: LeaseRun): string {
  const { clients, faults, horizon } = scenarioOf(leaseLock(), r);
  return `simulate({ ...${JSON.stringify({ clients, faults, horizon })}, protocol: leaseLockWith(storeStep, { lease: ${LEASE}, work: ${r.work} }) })`;
}

/** A judge of the learner's runs over `runs` against the library's fenced store: verdict and every answer the store sent. */
export function judgeRuns(key: string, runs: () => readonly LeaseRun[]) {
  return judgeRunsAgainst<LeaseRun, LeaseResult>({
    key: `fenced-store-${key}`,
    placements: runs,
    reference: fencedScenario,
    outcome: { of: resultOf, trace: true, say: (r) => `verdict ${r.verdict}, the store answered ${preview(r.answers)}` },
    replay: replayOf,
    referenceName: "the lease lock with the library's fenced store",
    referenceLabel: 'the fenced store',
    first: 'smallest',
    lesson: '09',
    rule: 'your store',
    before: 'run the exercise cell (it imports storeStep and leaseLockWith)',
  });
}

export const exercise: ExerciseSpec = {
  id: '09-fenced-store',
  lesson: '09',
  title: "the fenced store's step",
  tests: [
    { name: 'takes a fresh write, rejects a stale one, and ignores the rest, step by step', points: 2, judge: judgeSteps },
    {
      name: 'over paused holders, slow clocks and a paused store, answers every write as the fenced store does',
      points: 3,
      judge: judgeRuns('holders', holderFaults),
    },
  ],
};
