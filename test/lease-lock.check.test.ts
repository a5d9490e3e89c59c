// The model checker over the lease lock (issue 19, item 6; docs/DESIGN.md, "One engine").
// The checker has no clock: any timer that is set may fire at any moment, and a message may
// wait in flight for as long as any other steps take. That is exactly the world DDIA ch. 8
// warns about ("Process Pauses": a thread can be stopped at any point for any length of time),
// so every pause and every drifting clock is already one of its interleavings. In that world
// a lease alone promises nothing, and fencing tokens (DDIA ch. 8, fig. 8-5; Burrows, "The
// Chubby lock service", sec. 2.4: sequencers) must keep the store safe all the same.
import { describe, expect, it } from 'vitest';
import { catalogEntry, check, grantsAtMost, leaseLock, lockSafetyInvariant, ScenarioError, simulate, type StateView } from '../lib';

const lock = (fencing: boolean) => leaseLock({ lease: 20, fencing });

describe('check: fencing tokens keep the store safe in every interleaving (DDIA ch. 8, fig. 8-5; Chubby sec. 2.4)', () => {
  it('finds no stale write accepted, over every interleaving of two clients within two grants', () => {
    const result = check({ protocol: lock(true), clients: 2, progress: false });
    expect(result.bound).toBe('at most 2 grants');
    expect(result.complete).toBe(true);
    expect(result.violation).toBeUndefined();
    expect(result.distinct).toBeGreaterThan(30_000);
  });

  it('still finds none when any one node may crash and recover, the lock service and the store included', () => {
    const result = check({ protocol: lock(true), clients: 2, faults: { crashes: 1, recoveries: 1 }, progress: false });
    expect(result.complete).toBe(true);
    expect(result.violation).toBeUndefined();
    expect(result.distinct).toBeGreaterThan(100_000);
  });

  it('still finds none when the network may lose any message', () => {
    const result = check({ protocol: lock(true), clients: 2, faults: { drop: true }, progress: false });
    expect(result.complete).toBe(true);
    expect(result.violation).toBeUndefined();
  });
});

describe("check: without fencing, the checker finds DDIA's unsafe run by itself (DDIA ch. 8, fig. 8-4)", () => {
  const result = check({ protocol: lock(false), clients: 2, progress: false });
  const actions = result.violation?.trace.map((s) => s.action) ?? [];

  it('breaks lockSafety, and the shortest way is 13 steps from the start', () => {
    expect(result.violation?.invariant).toBe('lockSafety');
    expect(actions).toHaveLength(14); // the initial state, then 13 steps
  });

  it("is DDIA's story: the lock's lease runs out while c1 holds it, c2 gets token 2 and writes, and c1's write under token 1 lands after", () => {
    const at = (action: string) => actions.indexOf(action);
    expect(at('c1 <- lock granted(token=1, lease=20)')).toBeGreaterThan(0);
    expect(at('lock timeout expire')).toBeGreaterThan(at('c1 <- lock granted(token=1, lease=20)'));
    // c1 has not yet written when its lease ends: for c1, the expiry happened during a pause.
    expect(at('c1 timeout work')).toBeGreaterThan(at('lock timeout expire'));
    expect(at('c2 <- lock granted(token=2, lease=20)')).toBeGreaterThan(at('lock timeout expire'));
    expect(at('store <- c2 write(2)')).toBeLessThan(at('store <- c1 write(1)'));
    expect(actions.at(-1)).toBe('store <- c1 write(1)');
  });

  it("says its scenario does not replay: simulate's clocks keep the lease until c1 has written, unless a pause is placed (the catalog's lease/pause-past-lease is that run)", () => {
    expect(result.violation?.replays).toBe(false);
    expect(simulate(result.violation!.scenario!).verdict).toBe('safe');
    expect(simulate(catalogEntry('lease/pause-past-lease').scenario).verdict).toBe('unsafe');
  });

  it('finds nothing within one grant: with a single holder there is no newer write to land on', () => {
    const one = check({ protocol: lock(false), clients: 2, bound: grantsAtMost(1), progress: false });
    expect(one.complete).toBe(true);
    expect(one.violation).toBeUndefined();
  });
});

describe("the bound and the invariant (TLC's state constraint; lib/explore/README.md)", () => {
  it('needs its bound: with none, every lost lease brings a new token and the states never run out', () => {
    const unbounded = check({
      protocol: lock(true),
      clients: 2,
      bound: { name: 'none', holds: () => true },
      limit: 60_000,
      progress: false,
    });
    expect(unbounded.complete).toBe(false);
    expect(unbounded.bound).toBe('none');
  });

  it("lockSafetyInvariant reads the store's log of accepted writes: a token older than one before it breaks it, an equal one does not", () => {
    const world = (tokens: number[]): StateView => ({
      nodes: { store: { state: 'serving', up: true, log: tokens.map((token) => ({ type: 'write', token, from: 'c1' })) } },
    });
    expect(lockSafetyInvariant.holds(world([1, 2, 2, 3]))).toBe(true);
    expect(lockSafetyInvariant.holds(world([2, 1]))).toBe(false);
    expect(lockSafetyInvariant.holds(world([]))).toBe(true);
  });

  it('refuses voters, a bad number of clients and a bound that is no predicate, each with a ScenarioError naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ScenarioError ? e.field : 'not a ScenarioError';
      }
      return 'no error';
    };
    expect(field(() => check({ protocol: lock(true), voters: 2 }))).toBe('voters');
    expect(field(() => check({ protocol: lock(true), clients: 0 }))).toBe('clients');
    expect(field(() => check({ protocol: lock(true), clients: 20 }))).toBe('clients');
    expect(field(() => check({ protocol: lock(true), clients: 2, bound: 3 as never }))).toBe('bound');
  });
});
