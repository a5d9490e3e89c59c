// explore over the lease lock (issue 19, item 6; COURSE.md, "Exploring every fault placement"):
// every placement of up to two faults of every kind explore places, with and without fencing
// tokens (DDIA ch. 8, fig. 8-4 and 8-5; Burrows, "The Chubby lock service", sec. 2.4).
//
// The bounds, and why they are honest (lib/explore/README.md): runs end at t=200, ten leases.
// A lock service that keeps granting to a client it cannot reach hands out a new token every
// lease, so such a run never settles and would offer trigger points up to the horizon; 200
// ticks leave every placement room to play out (a fault's pause or slow link lasts 30).
import { describe, expect, it } from 'vitest';
import { afterSend, cut, explore, FAULT_KINDS, leaseLock, simulate, triggerPoints, type Fault, type Scenario } from '../lib';

const HORIZON = 200;
const everyKind = (fencing: boolean) =>
  explore({
    protocol: leaseLock({ lease: 20, fencing }),
    clients: 2,
    faults: { kinds: [...FAULT_KINDS], max: 2 },
    horizon: HORIZON,
    progress: false,
  });

describe('explore: every placement of up to two faults, of all six kinds (DDIA ch. 8, fig. 8-5; Chubby sec. 2.4)', () => {
  it('finds fencing never unsafe over every placement of up to two crashes, recoveries, cuts, partitions, pauses and slow links (2 clients)', () => {
    const result = everyKind(true);
    expect(result.notReached).toBeUndefined();
    // Every placement, each run or pruned as equivalent to one run before it (a count to notice changes by).
    expect(result.tried).toBe(18_117);
    expect(result.counts).toEqual({ safe: result.tried, unsafe: 0 });
  });

  it('finds unsafe runs in the same placements without fencing, and the smallest is one pause of the holder, which replays unsafe (DDIA fig. 8-4)', () => {
    const result = everyKind(false);
    expect(result.notReached).toBeUndefined();
    expect(result.tried).toBe(18_117);
    expect(result.counts.unsafe).toBeGreaterThan(100);
    const smallest = result.smallest.unsafe!;
    expect(smallest.faults).toHaveLength(1);
    expect(smallest.faults![0]).toMatchObject({ kind: 'pause', node: 'c1' });
    expect(simulate(smallest).verdict).toBe('unsafe');
  });
});

describe('explore: every placement of a pause and a crash (issue 19: "fencing is never unsafe")', () => {
  const pauseAndCrash = (fencing: boolean) =>
    explore({ protocol: leaseLock({ lease: 20, fencing }), clients: 2, faults: { kinds: { pause: 1, crash: 1 } }, progress: false });

  it('finds no unsafe run with fencing, and some without, over the same placements', () => {
    const fenced = pauseAndCrash(true);
    const unfenced = pauseAndCrash(false);
    expect(fenced.notReached).toBeUndefined();
    expect(fenced.tried).toBeGreaterThan(300);
    expect(fenced.counts.unsafe).toBe(0);
    expect(unfenced.tried).toBe(fenced.tried);
    expect(unfenced.counts.unsafe).toBeGreaterThan(0);
  });
});

describe('explore places a heal only where it can change the run (lib/explore/README.md)', () => {
  // The lock's grant to c1 is cut off and the lock keeps granting to a client that never hears;
  // a heal lets the next grant through. Heals between the same two dropped messages are one run.
  const cutFault = cut('lock', 'c1', afterSend('lock', 'granted', { to: 'c1' }));
  const base: Scenario = { protocol: leaseLock({ lease: 20, fencing: true }), clients: 2, horizon: HORIZON, faults: [cutFault] };

  it('gives the same run for every heal point between the same two messages the cut dropped, and different runs across them', () => {
    const parent = simulate(base);
    const opened = parent.trace.findIndex((e) => e.kind === 'send' && e.node === 'lock' && e.message.type === 'granted');
    const drops = parent.trace.flatMap((e, i) => (e.kind === 'drop' && e.reason === 'cut' ? [i] : []));
    expect(drops.length).toBeGreaterThan(1);
    const classes = new Map<number, string[]>();
    for (const p of triggerPoints(parent.trace, 30)) {
      if (p.index <= opened || (p.node !== 'lock' && p.node !== 'c1')) continue;
      const healed: Fault = { ...cutFault, until: p.trigger } as Fault;
      const run = simulate({ ...base, faults: [healed] });
      const dropsBefore = drops.filter((d) => d < p.index).length;
      const list = classes.get(dropsBefore) ?? [];
      list.push(JSON.stringify(run.trace.filter((e) => e.kind !== 'window')));
      classes.set(dropsBefore, list);
    }
    expect(classes.size).toBeGreaterThan(1);
    expect([...classes.values()].some((runs) => runs.length > 1)).toBe(true);
    for (const runs of classes.values()) expect(new Set(runs).size).toBe(1);
    const firsts = [...classes.values()].map((runs) => runs[0]);
    expect(new Set(firsts).size).toBe(firsts.length);
  });
});
