// Same scenario and seed, same trace: every run can be replayed, event for event
// (docs/DESIGN.md, "Randomness"; TigerBeetle's VOPR: one seed replays the run).
import { describe, expect, it } from 'vitest';
import { afterSend, at, crash, cut, partition, recover, simulate, twoPhaseCommit, type Scenario } from '../lib';

const lossy = (seed: number): Scenario => ({
  protocol: twoPhaseCommit({ termination: 'cooperative' }),
  voters: 4,
  network: { delay: [1, 4], loss: 0.2, duplicate: 0.1, reorder: 0.2 },
  faults: [
    crash('v2', afterSend('v2', 'vote')),
    recover('v2', at(40)),
    cut('coordinator', 'v3', at(5), at(25)),
    partition([['v1', 'v4']], at(50), at(70)),
  ],
  seed,
});

describe('determinism', () => {
  it('gives the identical trace for the same scenario and seed, over 200 seeds', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const a = simulate(lossy(seed));
      const b = simulate(lossy(seed));
      expect(b.trace).toEqual(a.trace);
      expect(b.verdict).toBe(a.verdict);
      expect(b.stats).toEqual(a.stats);
    }
  });

  it('replays the identical run from the scenario parsed back from JSON', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const s = lossy(seed);
      expect(simulate(JSON.parse(JSON.stringify(s))).trace).toEqual(simulate(s).trace);
    }
  });

  it('gives different traces for different seeds on a lossy network', () => {
    const traces = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) traces.add(JSON.stringify(simulate(lossy(seed)).trace));
    expect(traces.size).toBeGreaterThan(15);
  });

  it('does not depend on anything but the scenario: Math.random and Date.now are never read', () => {
    const random = Math.random;
    const now = Date.now;
    try {
      Math.random = () => { throw new Error('Math.random was read'); };
      Date.now = () => { throw new Error('Date.now was read'); };
      expect(simulate(lossy(7)).trace.length).toBeGreaterThan(10);
    } finally {
      Math.random = random;
      Date.now = now;
    }
  });

  it('without loss, the seed changes nothing when delays are fixed', () => {
    const s: Scenario = { protocol: twoPhaseCommit(), voters: 5 };
    expect(simulate({ ...s, seed: 1 }).trace).toEqual(simulate({ ...s, seed: 99 }).trace);
  });

  it('draws each link from its own generator: traffic on one link does not shift another link\'s delays', () => {
    // Adding v4 adds links, but the coordinator->v1 link draws the same delays as before.
    const delays = (voters: number) =>
      simulate({ protocol: twoPhaseCommit(), voters, network: { delay: [1, 9] }, seed: 3 })
        .trace.filter((e) => e.kind === 'deliver' && e.node === 'v1' && e.from === 'coordinator')
        .map((e) => e.t - (e as { sentAt: number }).sentAt);
    expect(delays(4)).toEqual(delays(3));
  });
});
