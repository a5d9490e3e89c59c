// The model checker over the lease lock (issue 19, item 6; docs/DESIGN.md, "One engine").
// The checker has no clock: any timer that is set may fire at any moment, and a message may
// wait in flight for as long as any other steps take. That is exactly the world DDIA ch. 8
// warns about ("Process Pauses": a thread can be stopped at any point for any length of time),
// so every pause and every drifting clock is already one of its interleavings. In that world
// a lease alone promises nothing, and fencing tokens (DDIA ch. 8, fig. 8-5; Burrows, "The
// Chubby lock service", sec. 2.4: sequencers) must keep the store safe all the same.
import { describe, expect, it } from 'vitest';
import {
  afterReceive,
  afterSend,
  catalog,
  catalogEntry,
  check,
  explore,
  grantsAtMost,
  leaseLock,
  lockSafety,
  lockSafetyInvariant,
  pause,
  ScenarioError,
  simulate,
  type Run,
  type StateView,
} from '../lib';
import { client, Client } from '../lib/protocols/lease-lock/index';

/** lockSafetyInvariant on the store's log at the end of a simulated run. */
const invariantHolds = (run: Run) => {
  const log = run.trace.flatMap((e) => (e.kind === 'log' && e.node === 'store' ? [e.record] : []));
  return lockSafetyInvariant.holds({ nodes: { store: { state: 'serving', up: true, log } } });
};

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

  it("agrees with lockSafety, the trace's judge, on every lease case of the catalog and every placement of up to two pauses", () => {
    const scenarios = catalog.filter((c) => c.id.startsWith('lease/') && c.scenario.protocol.name === 'leaseLock').map((c) => c.scenario);
    const pauses = explore({ protocol: lock(false), clients: 2, faults: { kinds: { pause: 2 } }, progress: false });
    for (const p of pauses.placements)
      scenarios.push({ protocol: lock(false), clients: 2, ...(p.faults.length ? { faults: p.faults } : {}) });
    expect(scenarios.length).toBeGreaterThan(300);
    let unsafe = 0;
    for (const s of scenarios) {
      const run = simulate(s);
      expect(invariantHolds(run), JSON.stringify(s.faults)).toBe(run.verdict === 'safe');
      if (run.verdict === 'unsafe') unsafe++;
    }
    expect(unsafe).toBeGreaterThan(0);
  });

  it('agrees with it where a client gets a second grant while it holds the first: it holds and writes under the newer token', () => {
    // The lock pauses with c1's grant unsent; c1 asks again and pauses; by the time c1 reads its
    // grants, token 1's lease is long over and the lock has granted it token 3.
    const run = simulate({
      protocol: lock(false),
      clients: 2,
      horizon: 200,
      faults: [
        pause('lock', afterReceive('lock', 'acquire', { from: 'c1' }), 30),
        pause('c1', afterSend('c1', 'acquire', { to: 'lock', nth: 2 }), 30),
      ],
    });
    const writes = lockSafety(run).writes.map((w) => [w.client, w.token, w.outcome]);
    expect(writes).toEqual([
      ['c2', 2, 'accepted'],
      ['c1', 3, 'accepted'],
    ]);
    expect(run.trace.some((e) => e.kind === 'send' && e.node === 'c1' && e.message.type === 'write' && e.message.token === 3)).toBe(true);
    expect(run.verdict).toBe('safe');
    expect(invariantHolds(run)).toBe(true);
  });

  it('a holding client takes a newer grant as its lease, and ignores an older one (DDIA fig. 8-4: the newest grant is the live lease)', () => {
    const role = client({ lease: 20, work: 5, margin: 2 });
    const holding = new Client('holding', 1, role.init({ id: 'c1', coordinator: 'lock', voters: [], others: [], vote: 'yes' }).ctx);
    const [newer, outputs] = role.step(holding, { kind: 'receive', from: 'lock', message: { type: 'granted', token: 3, lease: 20 } });
    expect([newer.name, newer.token]).toEqual(['holding', 3]);
    expect(outputs).toEqual([{ kind: 'setTimer', timer: 'lease', after: 18 }]);
    const [older] = role.step(new Client('holding', 3, holding.ctx), {
      kind: 'receive',
      from: 'lock',
      message: { type: 'granted', token: 1, lease: 20 },
    });
    expect(older.token).toBe(3);
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
