// Property-based specifications of Paxos Commit (fast-check, fixed seed so CI replays them).
// Under partitions, crash-recover of any node, lost, duplicated and reordered messages, and
// delays far beyond the timeouts, it may wait, but it never decides inconsistently and never
// commits without a yes from every voter (Gray and Lamport 2006: the safety of Paxos needs no
// timing assumption). Once every fault is over, it finishes (its liveness needs only that).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faults, links, triggers } from './support/arbitraries';
import {
  agreement, at, crash, cut, explain, partition, pause, paxosCommit, recover, replayLine, simulate, validity,
  type Fault, type Scenario,
} from '../lib';

const SEED = 20261123;
const VOTERS = ['v1', 'v2', 'v3'];
const ACCEPTORS = ['a1', 'a2', 'a3'];
const NODES = ['coordinator', ...VOTERS, ...ACCEPTORS];
const MESSAGES = ['prepare', 'phase2a', 'phase2b', 'commit', 'abort', 'phase1a', 'phase1b'];

const trigger = triggers({ nodes: NODES, messages: MESSAGES, states: ['waiting', 'prepared', 'committed', 'aborted', 'accepting', 'accepted'], maxTick: 80, maxNth: 4 });
// Slow links up to four times the timeout: the delays that make 3PC split (3pc/slow-network).
const fault = faults({ nodes: NODES, trigger, groupMax: 4, slowMax: 40, pauseMax: 60 });
const link = links(NODES);

const anything: fc.Arbitrary<Scenario> = fc.record({
  votes: fc.dictionary(fc.constantFrom(...VOTERS), fc.constantFrom('yes' as const, 'no' as const), { maxKeys: 3 }),
  faults: fc.array(fault, { maxLength: 6 }),
  loss: fc.constantFrom(0, 0, 0.1, 0.3),
  duplicate: fc.constantFrom(0, 0.1, 0.3),
  reorder: fc.constantFrom(0, 0.2),
  delayMax: fc.integer({ min: 1, max: 12 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
}).map(({ votes, faults, loss, duplicate, reorder, delayMax, seed }) => ({
  protocol: paxosCommit({ acceptors: 3 }),
  voters: 3,
  votes,
  faults,
  network: { delay: [1, delayMax] as [number, number], loss, duplicate, reorder },
  seed,
  horizon: 400,
}));

describe('Paxos Commit under any mix of faults (3 voters, 3 acceptors)', () => {
  it('never ends inconsistent, and never commits without a yes from every voter (1,000 scenarios)', () => {
    const verdicts = new Map<string, number>();
    fc.assert(
      fc.property(anything, (scenario) => {
        const run = simulate(scenario);
        verdicts.set(run.verdict, (verdicts.get(run.verdict) ?? 0) + 1);
        const why = `reproduce with ${replayLine(scenario)}\n${explain(run, { events: 60 })}`;
        expect(run.verdict, why).not.toBe('inconsistent');
        expect(agreement(run).ok, why).toBe(true);
        expect(validity(run).ok, why).toBe(true);
      }),
      { numRuns: 1000, seed: SEED },
    );
    // The property is only worth something if the faults hurt: some runs wait, some abort.
    expect(verdicts.get('blocked') ?? 0).toBeGreaterThan(20);
    expect(verdicts.get('aborted') ?? 0).toBeGreaterThan(20);
    expect(verdicts.get('committed') ?? 0).toBeGreaterThan(20);
  });
});

/** Faults that all end by t=100: every crash is followed by a recovery, every window closes. */
const passing: fc.Arbitrary<Fault[]> = fc.array(
  fc.oneof(
    fc.tuple(fc.constantFrom(...NODES), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }))
      .map(([n, t, d]) => [crash(n, at(t)), recover(n, at(t + d))]),
    fc.tuple(fc.subarray(NODES, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }))
      .map(([g, t, d]) => [partition([g], at(t), at(t + d))]),
    fc.tuple(link, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 })).map(([[a, b], t, d]) => [cut(a, b, at(t), at(t + d))]),
    fc
      .tuple(fc.constantFrom(...NODES), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }))
      .map(([n, t, k]) => [pause(n, at(t), k)]),
  ),
  { maxLength: 4 },
).map((groups) => groups.flat());

describe('Paxos Commit once the faults stop', () => {
  it('every voter decides, the same way, whatever crashed, split or paused before t=100 (400 scenarios)', () => {
    fc.assert(
      fc.property(passing, fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 5 }), (faults, seed, delayMax) => {
        const network: Scenario['network'] = { delay: [1, delayMax] };
        const scenario: Scenario = { protocol: paxosCommit({ acceptors: 3 }), voters: 3, faults, network, seed, horizon: 1000 };
        const run = simulate(scenario);
        expect(['committed', 'aborted'], `reproduce with ${replayLine(scenario)}\n${explain(run, { events: 80 })}`).toContain(run.verdict);
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});
