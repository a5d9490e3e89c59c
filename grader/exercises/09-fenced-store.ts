import { leaseLock, simulate } from '../../lib';
import { LEARNER_LEASE } from '../../lib/exercise';
import { holderFaults, resultOf, scenarioOf, type LeaseResult, type LeaseRun } from '../worker/fixtures/lease';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';

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

const cache = new Map<string, LeaseResult[]>();

/** A judge of the learner's runs over `runs` against the library's fenced store, with the first that differs as feedback. */
export function judgeRuns(key: string, runs: () => readonly LeaseRun[]) {
  return (o: unknown): string | null => {
    const list = runs();
    let expected = cache.get(key);
    if (!expected) {
      expected = list.map((r) => resultOf(simulate(scenarioOf(leaseLock({ lease: 20, work: r.work, fencing: true }), r))));
      cache.set(key, expected);
    }
    const observed = o as { results?: unknown; explained?: Record<string, unknown> } | null;
    if (!observed || !Array.isArray(observed.results) || observed.results.length !== expected.length)
      return `expected ${expected.length} run results, got ${preview(observed?.results)}`;
    const results = observed.results as LeaseResult[];
    const differs = (e: LeaseResult, i: number) =>
      JSON.stringify(e) !== JSON.stringify({ verdict: results[i]?.verdict, answers: results[i]?.answers });
    const failing = expected.findIndex(differs);
    if (failing < 0) return null;
    const told = observed.explained?.[String(failing)];
    const line = JSON.stringify(
      scenarioOf({ name: LEARNER_LEASE, lease: 20, fencing: true, work: list[failing].work, margin: 2, lockDelay: 0 }, list[failing]),
    );
    return [
      `${expected.filter(differs).length} of ${expected.length} runs end differently from the lease lock with the library's fenced store.`,
      'The first:',
      line,
      `with your store: verdict ${results[failing]?.verdict}, the store answered ${preview(results[failing]?.answers)}`,
      `the fenced store: verdict ${expected[failing].verdict}, answers ${preview(expected[failing].answers)}`,
      ...(typeof told === 'string' ? ['', 'Your run, event by event:', told.slice(0, 6000)] : []),
      '',
      "Draw it in lesson 09's notebook: protocol = leaseLockWith(storeStep, { work }),",
      'then show(spaceTime(simulate(<the line above, with that protocol>))).',
    ].join('\n');
  };
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
