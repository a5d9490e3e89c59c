// A world run again for another seed is a new world: a sweep resets one world per combination,
// and simulate keeps the world it last built for the next scenario that differs only in its
// seed (docs/DESIGN.md, "Speed and memory" and "Randomness": same scenario and seed, same trace).
import { describe, expect, it } from 'vitest';
import {
  afterReceive,
  afterSend,
  at,
  crash,
  cut,
  drift,
  onEnter,
  partition,
  pause,
  recover,
  ScenarioError,
  simulate,
  slow,
  threePhaseCommit,
  twoPhaseCommit,
  World,
  type Scenario,
} from '../lib';
import { VoterSet } from '../lib/protocols/voter-set';
import { FIELDS, sameButSeed } from '../lib/scenario/same';

const busy = (seed: number): Scenario => ({
  protocol: twoPhaseCommit({ termination: 'cooperative' }),
  voters: 4,
  network: { delay: [1, 4], loss: 0.15 },
  faults: [
    crash('v2', afterSend('v2', 'vote')),
    recover('v2', at(40)),
    cut('coordinator', 'v3', at(5), at(25)),
    partition([['v1', 'v4']], at(50), at(70)),
    slow('v4', 'coordinator', 3),
    pause('v1', afterReceive('v1', 'prepare'), 6),
    drift('v3', 0.5),
    crash('coordinator', onEnter('coordinator', 'committed')),
    // Triggers that fire in some runs and not in others: what one run set must not last into the next.
    cut('v4', 'coordinator', afterReceive('coordinator', 'vote', { from: 'v2' })),
    drift('v4', 3, afterReceive('v4', 'prepare')),
  ],
  seed,
});

const fresh = (s: Scenario) => simulate(s, { onEvent: () => {} }); // onEvent: a world of its own

describe('a world reset for another seed', () => {
  it('runs event for event as a new world built for that seed, faults, windows and triggers included', () => {
    const world = new World(busy(1));
    world.run();
    let differ = 0;
    for (let seed = 2; seed <= 40; seed++) {
      world.reset(busy(seed)).run();
      const built = new World(busy(seed)).run();
      expect(world.trace).toEqual(built.trace);
      expect(world.summary()).toEqual(built.summary());
      expect(world.stats()).toEqual(built.stats());
      if (JSON.stringify(world.trace) !== JSON.stringify(new World(busy(1)).run().trace)) differ++;
    }
    expect(differ).toBeGreaterThan(30); // the seeds did change the runs
  });

  it('gives a sweep the runs simulate gives one at a time (3PC on a lossy, duplicating network)', () => {
    const s = (seed: number): Scenario => ({
      protocol: threePhaseCommit({ termination: 'elect' }),
      voters: 3,
      network: { delay: [1, 3], loss: 0.1, duplicate: 0.2, reorder: 0.2 },
      seed,
    });
    for (let seed = 1; seed <= 60; seed++) {
      const kept = simulate(s(seed));
      const own = fresh(s(seed));
      expect(kept.trace).toEqual(own.trace);
      expect(kept.stats).toEqual(own.stats);
    }
  });
});

describe('simulate over seeds in a loop', () => {
  it('leaves each run its own trace: a later run does not change an earlier one', () => {
    const first = simulate(busy(1));
    const copy = JSON.stringify(first.trace);
    for (let seed = 2; seed <= 5; seed++) simulate(busy(seed));
    expect(JSON.stringify(first.trace)).toBe(copy);
  });

  it('runs on the network the scenario has now, even when the caller changed it in place', () => {
    const network = { delay: [1, 2] as [number, number], loss: 0 };
    const s = (seed: number): Scenario => ({ protocol: twoPhaseCommit(), voters: 3, network, seed });
    expect(simulate(s(1)).verdict).toBe('committed');
    network.loss = 1;
    const lost = simulate(s(2));
    expect(lost.stats.messagesDelivered).toBe(0);
    expect(lost.trace).toEqual(fresh(s(2)).trace);
  });

  it('is reused only for a scenario that differs in its seed alone: a change to any other field is seen', () => {
    const protocol = twoPhaseCommit();
    const base: Scenario = { protocol, voters: 3, votes: { v1: 'yes' }, faults: [], network: { loss: 0.1 }, horizon: 300, clients: 2, seed: 1 };
    const changed: Record<(typeof FIELDS)[number], Partial<Scenario>> = {
      protocol: { protocol: twoPhaseCommit({ termination: 'cooperative' }) },
      voters: { voters: 4 },
      votes: { votes: { v1: 'no' } },
      faults: { faults: [crash('v1', at(3))] },
      network: { network: { loss: 0.2 } },
      horizon: { horizon: 301 },
      clients: { clients: 3 },
    };
    // simulate keeps a private copy of the scenario it built its world for: equal as data is enough.
    const copy: Scenario = { ...structuredClone({ ...base, protocol: undefined }), protocol };
    expect(sameButSeed(copy, { ...base, seed: 2 })).toBe(true);
    for (const field of FIELDS) expect(sameButSeed(base, { ...base, ...changed[field], seed: 2 }), field).toBe(false);
    // Equal as data means the same keys, of the same kinds of object: what validation would see.
    const alike: Partial<Scenario>[] = [
      { network: { loss: 0.1, delay: undefined } },
      { network: {} },
      { network: Object.create({ loss: 0.1 }) as Scenario['network'] },
      { network: Object.assign(Object.create({ delay: 3 }) as object, { loss: 0.1 }) },
      { votes: ['yes'] as unknown as Scenario['votes'] },
      { faults: {} as Scenario['faults'] },
      { faults: [undefined] as unknown as Scenario['faults'] },
    ];
    for (const field of alike) expect(sameButSeed(copy, { ...base, ...field, seed: 2 }), JSON.stringify(field)).toBe(false);
    expect(sameButSeed(copy, { ...base, sede: 2 } as Scenario)).toBe(false);
    expect(sameButSeed(copy, { ...base, seed: 2.5 })).toBe(false);
  });

  it('still refuses a bad seed, or an unknown field, by name after runs of the same scenario', () => {
    const s: Scenario = { protocol: twoPhaseCommit(), voters: 3, network: { delay: [1, 5], loss: 0.1 } };
    simulate({ ...s, seed: 1 });
    simulate({ ...s, seed: 2 });
    const error = (bad: unknown) => {
      try {
        simulate(bad as Scenario);
      } catch (e) {
        return e instanceof ScenarioError ? e.field : 'not a ScenarioError';
      }
      return 'accepted';
    };
    expect(error({ ...s, seed: 2.5 })).toBe('seed');
    expect(error({ ...s, seed: 3, sede: 4 })).toBe('sede');
    expect(error({ ...s, seed: 3, network: { delay: [1, 5], loss: 0.1, lost: 0.2 } })).toBe('network.lost');
  });
});

describe('VoterSet', () => {
  it('holds the same voters whether its bits fit one number (3 voters) or need words (40)', () => {
    let small = VoterSet.empty(3);
    let large = VoterSet.empty(40);
    for (const v of ['v2', 'v3', 'v2', 'coordinator']) {
      small = small.with(v);
      large = large.with(v);
    }
    for (const v of ['v1', 'v2', 'v3', 'coordinator']) expect(small.has(v)).toBe(large.has(v));
    expect([small.size, large.size]).toEqual([2, 2]);
    expect(large.with('v40').has('v40')).toBe(true);
    expect(VoterSet.empty(32).with('v32').has('v32')).toBe(true);
  });
});
