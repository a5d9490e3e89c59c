// The lease lock, its clients and the store it protects, as specifications: DDIA ch. 8
// ("The leader and the lock", fig. 8-4 and 8-5: a paused holder and fencing tokens) and
// Burrows, "The Chubby lock service" (sec. 2.4: sequencers and lock-delay).
import { describe, expect, it } from 'vitest';
import {
  afterReceive, afterSend, at, catalog, catalogEntry, crash, drift, explain, masters, printEvent, twoMasters, leaseLock, lockSafety, pause, recover, ScenarioError, simulate, twoPhaseCommit,
  type NodeContext, type Run, type Scenario,
} from '../lib';
import { client, lockService, store, type LockService } from '../lib/protocols/lease-lock/index';

/** DDIA fig. 8-4: c1 gets the lock and stops for 100 ticks, five times its lease. */
const ddia = (fencing: boolean): Scenario => ({
  protocol: leaseLock({ lease: 20, fencing }), clients: 2, faults: [pause('c1', afterReceive('c1', 'granted'), 100)],
});
const grants = (run: Run) => run.trace.flatMap((e) => (e.kind === 'send' && e.node === 'lock' && e.message.type === 'granted' ? [{ t: e.t, to: e.to, token: e.message.token }] : []));
const storeSaid = (run: Run) => run.trace.flatMap((e) => (e.kind === 'send' && e.node === 'store' ? [`${e.message.type} ${e.to} ${e.message.token}`] : []));

describe('a lease lock without fencing (DDIA ch. 8, fig. 8-4)', () => {
  const run = simulate(ddia(false));

  it("is unsafe when the holder pauses past its lease: c2 takes the lock and writes, then c1 wakes and writes over it", () => {
    expect(run.verdict, explain(run)).toBe('unsafe');
    expect(storeSaid(run)).toEqual(['written c2 2', 'written c1 1']);
  });

  it('grants the lock to the next waiter once the lease has run out by its own clock, with a token one higher', () => {
    expect(grants(run).slice(0, 2)).toEqual([{ t: 1, to: 'c1', token: 1 }, { t: 21, to: 'c2', token: 2 }]);
  });

  it("has a checker that names the stale write, the lease it outlived, and the write it landed on", () => {
    const safety = lockSafety(run);
    expect(safety.ok).toBe(false);
    expect(safety.nodes).toEqual(['c1']);
    expect(safety.why).toMatch(/t=103 the store accepted c1's write under token 1, whose lease had ended by t=21.*c2's write under token 2 had been accepted at t=28/);
    expect(safety.writes.map((w) => [w.client, w.token, w.outcome, w.after?.client ?? null])).toEqual([['c2', 2, 'accepted', null], ['c1', 1, 'accepted', 'c2']]);
  });
});

describe('a lease lock with fencing tokens (DDIA ch. 8, fig. 8-5; Chubby sec. 2.4, sequencers)', () => {
  const run = simulate(ddia(true));

  it("is safe: the store has seen token 2, so it rejects c1's token 1", () => {
    expect(run.verdict, explain(run)).toBe('safe');
    expect(storeSaid(run)).toEqual(['written c2 2', 'rejected c1 1']);
    expect(run.states.c1).toBe('fenced');
  });

  it("runs exactly as the unfenced lock until the store's answer to c1", () => {
    const unfenced = simulate(ddia(false)).trace;
    const upTo = run.trace.findIndex((e) => e.kind === 'send' && e.message.type === 'rejected');
    expect(run.trace.slice(0, upTo - 1)).toEqual(unfenced.slice(0, upTo - 1));
  });
});

describe('a lease that is long enough', () => {
  it('is safe without fencing when the pause is shorter than the lease: c1 writes and releases before it ends', () => {
    const run = simulate({ protocol: leaseLock({ lease: 20 }), faults: [pause('c1', afterReceive('c1', 'granted'), 10)] });
    expect(run.verdict).toBe('safe');
    expect(storeSaid(run)).toEqual(['written c1 1', 'written c2 2']);
  });

  it('is safe with every client writing once, in token order, when nothing goes wrong', () => {
    const run = simulate({ protocol: leaseLock(), clients: 4 });
    expect(run.verdict).toBe('safe');
    expect(storeSaid(run)).toEqual(['written c1 1', 'written c2 2', 'written c3 3', 'written c4 4']);
    expect(Object.values(run.states)).toEqual(['free', 'done', 'done', 'done', 'done', 'serving']);
  });

  it('lets a client renew a lease its work outlasts, and only the holder under its own token', () => {
    const run = simulate({ protocol: leaseLock({ lease: 20, work: 50 }) });
    expect(run.trace.filter((e) => e.kind === 'send' && e.message.type === 'renew').length).toBeGreaterThanOrEqual(5);
    expect(grants(run).filter((g) => g.to === 'c2').map((g) => g.t)[0]).toBeGreaterThan(50);
    expect(run.verdict).toBe('safe');
  });
});

describe("Chubby's lock-delay (sec. 2.4)", () => {
  it('keeps the lock from anyone for lockDelay ticks after a lease ran out, so a short-paused holder still writes first', () => {
    const scenario = (lockDelay: number): Scenario => ({ protocol: leaseLock({ lease: 20, lockDelay }), faults: [pause('c1', afterReceive('c1', 'granted'), 30)] });
    expect(simulate(scenario(0)).verdict).toBe('unsafe');
    const delayed = simulate(scenario(20));
    expect(delayed.verdict).toBe('safe');
    expect(grants(delayed)[1]).toMatchObject({ t: 41, to: 'c2', token: 2 });
  });
});

describe('the roles are pure (etcd/raft style: input in, state and outputs out)', () => {
  const ctx = (id: string): NodeContext => ({ id, coordinator: 'lock', voters: [], others: ['lock', 'c1', 'c2', 'store'], vote: 'yes' });

  it('the lock logs each token before it grants it, and ignores a renewal from a client that is not the holder', () => {
    const lock = lockService(20, 0);
    const s0 = lock.init(ctx('lock'));
    const [s1, out1] = lock.step(s0, { kind: 'receive', from: 'c1', message: { type: 'acquire' } });
    expect(out1.map((o) => o.kind)).toEqual(['log', 'setTimer', 'send']);
    expect((s1 as LockService).token).toBe(1);
    const [s2, out2] = lock.step(s1, { kind: 'receive', from: 'c2', message: { type: 'renew', token: 1 } });
    expect(out2).toEqual([]);
    expect(s2).toBe(s1);
  });

  it('the lock never hands out a token twice across a crash: it resumes from its log, holder and all', () => {
    const run = simulate({ protocol: leaseLock(), faults: [crash('lock', afterSend('lock', 'granted')), recover('lock', at(10))] });
    const tokens = grants(run).map((g) => g.token);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(run.verdict).toBe('safe');
  });

  it('the store, fenced, answers rejected to a token older than one it accepted, and leaves its state alone', () => {
    const fenced = store(true);
    const [s1] = fenced.step(fenced.init(ctx('store')), { kind: 'receive', from: 'c2', message: { type: 'write', token: 2 } });
    const [s2, out] = fenced.step(s1, { kind: 'receive', from: 'c1', message: { type: 'write', token: 1 } });
    expect(out).toEqual([{ kind: 'send', to: 'c1', message: { type: 'rejected', token: 1 } }]);
    expect(s2).toBe(s1);
  });

  it('a client writes under the token it was granted', () => {
    const c = client({ lease: 20, work: 5, margin: 2 });
    const [s1] = c.step(c.init(ctx('c1')), { kind: 'start' });
    const [s2] = c.step(s1, { kind: 'receive', from: 'lock', message: { type: 'granted', token: 7, lease: 20 } });
    const [, out] = c.step(s2, { kind: 'timeout', timer: 'work' });
    expect(out).toContainEqual({ kind: 'send', to: 'store', message: { type: 'write', token: 7 } });
  });
});

describe('scenarios of the lease lock, validated (one ScenarioError naming the field)', () => {
  const base = { protocol: leaseLock() };
  function rejects(scenario: unknown, field: string, allowed: RegExp) {
    let error: unknown;
    try {
      simulate(scenario as Scenario);
    } catch (e) {
      error = e;
    }
    expect(error, `expected a ScenarioError at ${field}`).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).field).toBe(field);
    expect((error as ScenarioError).message).toMatch(allowed);
  }

  it('zero clients', () => rejects({ ...base, clients: 0 }, 'clients', /from 1 to 100, got 0/));
  it('too many clients', () => rejects({ ...base, clients: 101 }, 'clients', /from 1 to 100, got 101/));
  it('a fractional number of clients', () => rejects({ ...base, clients: 1.5 }, 'clients', /whole number from 1 to 100/));
  it('voters in a lease-lock run', () => rejects({ ...base, voters: 3 }, 'voters', /leaseLock has no voters; size its run with clients/));
  it('votes in a lease-lock run', () => rejects({ ...base, votes: { v1: 'no' } }, 'votes', /has no voters/));
  it('a fault on v1 in a lease-lock run', () => rejects({ ...base, faults: [crash('v1', at(3))] }, 'faults[0].node', /'v1' is not a node of this run; nodes are lock, c1, c2, store/));
  it('a fault on a client beyond clients', () => rejects({ ...base, clients: 2, faults: [pause('c3', at(3), 10)] }, 'faults[0].node', /nodes are lock, c1, c2, store/));
  it('clients in a commit run', () => rejects({ protocol: twoPhaseCommit(), clients: 2 }, 'clients', /twoPhaseCommit has no clients; size its run with voters/));
  it('fencing that is not a boolean', () => rejects({ protocol: { ...leaseLock(), fencing: 'yes' } }, 'protocol.fencing', /one of true, false, got 'yes'/));
  it('a lease of zero', () => rejects({ protocol: leaseLock({ lease: 0 }) }, 'protocol.lease', /from 1 to 1000000, got 0/));
  it('a message the lock never sends', () => rejects({ ...base, faults: [crash('c1', afterReceive('c1', 'grant'))] }, 'faults[0].when.type', /messages are acquire, granted, renew, release, write, written, rejected/));
});

describe('clocks that lie: drift (DDIA ch. 8, "Unreliable Clocks")', () => {
  const slowClock = (fencing: boolean): Scenario => ({ protocol: leaseLock({ lease: 20, work: 10, fencing }), faults: [drift('c1', 0.25)] });
  const timeouts = (run: Run, node: string) => run.trace.flatMap((e) => (e.kind === 'timeout' && e.node === node ? [`${e.timer}@${e.t}`] : []));

  it("stretches a node's timers by 1/rate: c1's 10-tick work timer, set at t=2, fires at t=42", () => {
    const run = simulate(slowClock(false));
    expect(timeouts(run, 'c1')).toContain('work@42');
    expect(timeouts(run, 'c2')).toContain('work@32');
  });

  it('lets a holder with a slow clock believe its lease is still valid and write after the next holder: unsafe without fencing', () => {
    const run = simulate(slowClock(false));
    expect(run.verdict, explain(run)).toBe('unsafe');
    expect(lockSafety(run).why).toMatch(/c1's write under token 1, whose lease had ended by t=21/);
  });

  it('is safe with fencing: the store never needed to trust a clock', () => {
    const run = simulate(slowClock(true));
    expect(run.verdict).toBe('safe');
    expect(storeSaid(run)).toEqual(['written c2 2', 'rejected c1 1']);
  });

  it('a fast clock speeds timers up from the moment it starts drifting; a timer set before keeps its time', () => {
    const run = simulate({ protocol: leaseLock({ lease: 20, work: 15 }), faults: [drift('lock', 2, at(5)), pause('c1', afterReceive('c1', 'granted'), 100)] });
    // c1's lease was set at t=1, before the drift: it ends at t=21. c2's, set at t=21 on a double-speed clock, ends at t=31.
    expect(timeouts(run, 'lock').slice(0, 2)).toEqual(['expire@21', 'expire@31']);
  });

  it('is in the trace, printed, and replays from JSON', () => {
    const scenario = slowClock(false);
    const run = simulate(scenario);
    expect(run.trace[0]).toEqual({ t: 0, kind: 'drift', node: 'c1', rate: 0.25 });
    expect(printEvent(run.trace[0])).toBe("t=0 c1's clock runs at 0.25x true speed");
    expect(simulate(JSON.parse(JSON.stringify(scenario)) as Scenario).trace).toEqual(run.trace);
  });

  it('is refused with a rate that is not a clock speed, or on a node that does not exist', () => {
    for (const rate of [0, -1, 1000, Number.NaN, '2' as never]) {
      expect(() => simulate({ protocol: leaseLock(), faults: [drift('c1', rate)] })).toThrow(/faults\[0\]\.rate: expected a clock rate from 0.01 to 100/);
    }
    expect(() => simulate({ protocol: leaseLock(), faults: [drift('v1', 2)] })).toThrow(/faults\[0\]\.node: 'v1' is not a node/);
    expect(() => simulate({ protocol: leaseLock(), faults: [{ kind: 'drift', node: 'c1' } as never] })).toThrow(/faults\[0\]\.rate: is required/);
  });
});

describe('the lease/* cases of the catalog (DDIA ch. 8; Chubby sec. 2.4; the lecture)', () => {
  const lease = catalog.filter((e) => e.id.startsWith('lease/'));

  it('cover a pause past the lease, a pause within it, a slow clock, and the monitor with and without a lease', () => {
    expect(lease.map((e) => e.id)).toEqual([
      'lease/pause-past-lease', 'lease/pause-past-lease-fenced', 'lease/pause-within-lease', 'lease/slow-clock', 'lease/slow-clock-fenced',
      'lease/monitor-two-masters', 'lease/monitor-with-lease',
    ]);
  });

  it.each(lease.filter((e) => e.id.endsWith('-fenced')).map((e) => [e.id, e] as const))('%s is its unfenced twin plus fencing, and safe where the twin is unsafe', (id, entry) => {
    const twin = catalogEntry(id.replace(/-fenced$/, ''));
    expect(twin.expected).toBe('unsafe');
    expect({ ...entry.scenario, protocol: { ...entry.scenario.protocol, fencing: false } }).toEqual(twin.scenario);
    expect(simulate(entry.scenario).verdict).toBe('safe');
  });

  it('the lecture\'s monitor makes a second master when the link is cut, and the lease stops it', () => {
    const without = simulate(catalogEntry('lease/monitor-two-masters').scenario);
    const withLease = simulate(catalogEntry('lease/monitor-with-lease').scenario);
    expect(masters(without)).toEqual(['v1', 'v2']);
    expect(twoMasters(without).why).toBe('t=18 v2 became master while v1 still was');
    expect(masters(withLease)).toEqual(['v2']);
    expect(withLease.states.v1).toBe('backup');
  });
});
