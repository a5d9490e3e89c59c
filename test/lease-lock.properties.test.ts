// The kit's properties, held by the lease lock (DDIA ch. 8, fig. 8-5; Chubby sec. 2.4):
// same scenario and seed, same trace; scenarios are JSON; and fencing tokens keep the store
// safe whatever goes wrong: every placement of a pause and a crash (explore), and random
// mixes of every fault, clock drift and a hostile network (fast-check, fixed seed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faults, triggers } from './support/arbitraries';
import {
  afterReceive,
  drift,
  explain,
  explore,
  leaseLock,
  lockSafety,
  pause,
  simulate,
  sweep,
  verdict,
  type Fault,
  type Scenario,
} from '../lib';

const SEED = 20261204;
const CLIENTS = ['c1', 'c2', 'c3'];
const NODES = ['lock', ...CLIENTS, 'store'];
const MESSAGES = ['acquire', 'granted', 'renew', 'release', 'write', 'written', 'rejected'];
const STATES = ['held', 'free', 'waiting', 'holding', 'writing', 'done', 'fenced'];

const trigger = triggers({ nodes: NODES, messages: MESSAGES, states: STATES, maxTick: 120, maxNth: 3 });
const clockDrift: fc.Arbitrary<Fault> = fc
  .tuple(fc.constantFrom(...NODES), fc.constantFrom(0.1, 0.25, 0.5, 2, 4), fc.option(trigger, { nil: undefined }))
  .map(([node, rate, when]) => drift(node, rate, when));
/** DDIA's fault: a client stops right after it got the lock. */
const holderPause: fc.Arbitrary<Fault> = fc
  .tuple(fc.constantFrom(...CLIENTS), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 120 }))
  .map(([c, nth, ticks]) => pause(c, afterReceive(c, 'granted', { nth }), ticks));
const fault = fc.oneof(
  { arbitrary: faults({ nodes: NODES, trigger, groupMax: 3, slowMax: 60, pauseMax: 120 }), weight: 4 },
  { arbitrary: clockDrift, weight: 1 },
  { arbitrary: holderPause, weight: 2 },
);

const scenario = (fencing: boolean): fc.Arbitrary<Scenario> =>
  fc
    .record({
      lease: fc.integer({ min: 2, max: 40 }),
      work: fc.integer({ min: 1, max: 40 }),
      faults: fc.array(fault, { maxLength: 4 }),
      loss: fc.constantFrom(0, 0, 0.1),
      duplicate: fc.constantFrom(0, 0.1),
      reorder: fc.constantFrom(0, 0.2),
      delayMax: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map(({ lease, work, faults, loss, duplicate, reorder, delayMax, seed }) => ({
      protocol: leaseLock({ lease, work, fencing }),
      clients: 3,
      faults,
      network: { delay: [1, delayMax] as [number, number], loss, duplicate, reorder },
      seed,
      horizon: 400,
    }));

describe('the lease lock keeps the kit\'s promises (COURSE.md, "The library")', () => {
  it('replays the identical trace from the same scenario and seed, and from its JSON (200 scenarios)', () => {
    fc.assert(
      fc.property(scenario(false), (s) => {
        const run = simulate(s);
        expect(simulate(s).trace).toEqual(run.trace);
        expect(simulate(JSON.parse(JSON.stringify(s)) as Scenario).trace).toEqual(run.trace);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('draws a different run from a different seed when the network is random', () => {
    const s = (seed: number): Scenario => ({ protocol: leaseLock(), clients: 3, network: { delay: [1, 4], loss: 0.1 }, seed });
    expect(simulate(s(1)).trace).not.toEqual(simulate(s(2)).trace);
  });

  it("agrees with verdict(run), the checkers' judgement from the trace alone (200 scenarios)", () => {
    fc.assert(
      fc.property(scenario(false), (s) => {
        const run = simulate(s);
        expect(verdict(run)).toBe(run.verdict);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('sweeps like any protocol, counting safe and unsafe runs per row', () => {
    const rows = sweep({
      base: { protocol: leaseLock(), faults: [pause('c1', afterReceive('c1', 'granted'), 30)] },
      vary: { 'protocol.lease': [10, 40] },
      seeds: 2,
    });
    expect(rows.map((r) => [r['protocol.lease'], r.safe, r.unsafe, r.unsafeShare])).toEqual([
      [10, 0, 2, 1],
      [40, 2, 0, 0],
    ]);
  });

  it('judges the same verdict whether or not the run keeps its trace (sweeps keep none)', () => {
    const s: Scenario = { protocol: leaseLock(), faults: [drift('c1', 0.1)] };
    expect(simulate(s, { trace: 'none' }).verdict).toBe(simulate(s).verdict);
    expect(simulate(s, { trace: 'none' }).verdict).toBe('unsafe');
  });
});

describe('fencing tokens keep the store safe whatever goes wrong (DDIA ch. 8, fig. 8-5)', () => {
  it('is never unsafe under random crashes, recoveries, cuts, partitions, slow links, pauses, drifting clocks and a lossy, duplicating, reordering network (500 scenarios)', () => {
    fc.assert(
      fc.property(scenario(true), (s) => {
        const run = simulate(s);
        if (run.verdict !== 'safe') throw new Error(`${lockSafety(run).why}\n${explain(run)}`);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('while the same scenarios without fencing are unsafe in some', () => {
    const unsafe = fc.sample(scenario(false), { seed: SEED, numRuns: 300 }).filter((s) => simulate(s).verdict === 'unsafe');
    expect(unsafe.length).toBeGreaterThan(10);
  });
});

describe('explore: every placement of a pause and a crash (lesson 09; COURSE.md, "Exploring every fault placement")', () => {
  const placements = (fencing: boolean, clients: number, kinds: Parameters<typeof explore>[0]['faults']) =>
    explore({ protocol: leaseLock({ lease: 20, fencing }), clients, faults: kinds, progress: false });

  it('finds no unsafe run with fencing over every placement of up to two pauses, crashes and recoveries (2 clients)', () => {
    const result = placements(true, 2, { kinds: ['pause', 'crash', 'recover'], max: 2 });
    expect(result.notReached).toBeUndefined();
    expect(result.tried).toBeGreaterThan(1000);
    expect(result.counts).toEqual({ safe: result.tried, unsafe: 0 });
  });

  it('finds no unsafe run with fencing over every placement of one pause and one crash (3 clients)', () => {
    const result = placements(true, 3, { kinds: { pause: 1, crash: 1 } });
    expect(result.notReached).toBeUndefined();
    expect(result.counts.unsafe).toBe(0);
  });

  it('prunes only placements whose full run reaches the same verdict (lockSafety tells explore what of the past it remembers)', () => {
    const result = placements(false, 2, { kinds: ['pause', 'crash', 'recover'], max: 2 });
    const pruned = result.placements.filter((p) => p.pruned);
    expect(pruned.length).toBeGreaterThan(100);
    for (const p of pruned) {
      const full = simulate(
        { protocol: leaseLock({ lease: 20, fencing: false }), clients: 2, seed: 1, faults: p.faults },
        { trace: 'none' },
      );
      expect(full.verdict, JSON.stringify(p.faults)).toBe(p.verdict);
    }
  });

  it('finds unsafe runs without fencing, and the smallest is one pause that replays unsafe', () => {
    const result = placements(false, 2, { kinds: ['pause', 'crash', 'recover'], max: 2 });
    expect(result.counts.unsafe).toBeGreaterThan(0);
    const smallest = result.smallest.unsafe!;
    expect(smallest.faults).toHaveLength(1);
    expect(smallest.faults![0].kind).toBe('pause');
    expect(simulate(smallest).verdict).toBe('unsafe');
  });
});
