// Property-based specifications of 2PC (fast-check, fixed seed so CI replays them):
// whatever goes wrong, 2PC may block but never decides inconsistently, and never
// commits without every yes (DDIA ch. 9: 2PC is safe; its weakness is blocking).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faults, triggers } from './support/arbitraries';
import {
  agreement, explain, simulate, twoPhaseCommit, validity,
  type Scenario,
} from '../lib';

const SEED = 20261123;
const VOTERS = ['v1', 'v2', 'v3'];
const NODES = ['coordinator', ...VOTERS];

const trigger = triggers({
  nodes: NODES,
  messages: ['prepare', 'vote', 'commit', 'abort', 'ack', 'ask'],
  states: ['waiting', 'prepared', 'committed', 'aborted'],
  maxTick: 80,
  maxNth: 3,
});
const fault = faults({ nodes: NODES, trigger, groupMax: 3, pauseMax: 60 });

const scenario = (termination: 'wait' | 'cooperative', presumption: 'none' | 'abort' | 'commit' = 'none'): fc.Arbitrary<Scenario> =>
  fc.record({
    votes: fc.dictionary(fc.constantFrom(...VOTERS), fc.constantFrom('yes' as const, 'no' as const), { maxKeys: 3 }),
    faults: fc.array(fault, { maxLength: 5 }),
    loss: fc.constantFrom(0, 0, 0.1, 0.3),
    duplicate: fc.constantFrom(0, 0.1, 0.3),
    reorder: fc.constantFrom(0, 0.2),
    delayMax: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  }).map(({ votes, faults, loss, duplicate, reorder, delayMax, seed }) => ({
    protocol: twoPhaseCommit({ termination, presumption }),
    voters: 3,
    votes,
    faults,
    network: { delay: [1, delayMax] as [number, number], loss, duplicate, reorder },
    seed,
    horizon: 400,
  }));

describe.each(['wait', 'cooperative'] as const)('2PC with termination %s, under any mix of faults', (termination) => {
  it('never ends inconsistent, and never commits without a yes from every voter (1,000 scenarios)', () => {
    fc.assert(
      fc.property(scenario(termination), (s) => {
        const run = simulate(s);
        const agreed = agreement(run);
        const valid = validity(run);
        if (!agreed.ok || !valid.ok || run.verdict === 'inconsistent') {
          throw new Error(`${agreed.why}; ${valid.why}\n${explain(run)}`);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

// Presumed abort and presumed commit (Mohan, Lindsay and Obermarck 1986, §3 and §4) drop forced
// writes and acks for one outcome; lost messages, duplicates and crashes that lose the lazy
// records must still never split the voters.
describe.each([
  ['abort', 'wait'], ['abort', 'cooperative'], ['commit', 'wait'], ['commit', 'cooperative'],
] as const)('2PC with presumption %s and termination %s, under any mix of faults', (presumption, termination) => {
  it('never ends inconsistent, and never commits without a yes from every voter (500 scenarios)', () => {
    fc.assert(
      fc.property(scenario(termination, presumption), (s) => {
        const run = simulate(s);
        const agreed = agreement(run);
        const valid = validity(run);
        if (!agreed.ok || !valid.ok || run.verdict === 'inconsistent') {
          throw new Error(`${agreed.why}; ${valid.why}\n${explain(run)}`);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('2PC with no faults', () => {
  it('commits when every voter votes yes, and aborts when any votes no (1,000 scenarios)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.constantFrom('wait' as const, 'cooperative' as const),
        fc.integer({ min: 1, max: 5 }),
        (voters, yes, termination, delayMax) => {
          const votes: Record<string, 'yes' | 'no'> = {};
          for (let i = 1; i <= voters; i++) votes[`v${i}`] = yes[i - 1] ? 'yes' : 'no';
          const run = simulate({ protocol: twoPhaseCommit({ termination }), voters, votes, network: { delay: [1, delayMax] } });
          const expected = Object.values(votes).every((v) => v === 'yes') ? 'committed' : 'aborted';
          expect(run.verdict, explain(run)).toBe(expected);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
