import { describe, expect, it } from 'vitest';
import { loss } from '../../lib/faults';
import { envelopes, through } from './support';

describe('loss(p)', () => {
  it('with p = 0 drops nothing', async () => {
    const out = await through(envelopes(100), loss(0));
    expect(out).toHaveLength(100);
    expect(out.filter((e) => e.dropped)).toHaveLength(0);
  });
  it('with p = 1 drops everything, saying why', async () => {
    const out = await through(envelopes(100), loss(1));
    expect(out).toHaveLength(100);
    expect(out.every((e) => e.dropped === 'loss')).toBe(true);
  });
  it('with p = 0.3 drops about three in ten, the same ones for the same seed', async () => {
    const a = await through(envelopes(2000), loss(0.3));
    const dropped = a.filter((e) => e.dropped).length;
    expect(dropped).toBeGreaterThan(500);
    expect(dropped).toBeLessThan(700);
    const b = await through(envelopes(2000), loss(0.3));
    expect(b.map((e) => e.dropped)).toEqual(a.map((e) => e.dropped));
  });
  it('passes every envelope on, marked or not: the world records the drop', async () => {
    expect(await through(envelopes(10), loss(1))).toHaveLength(10);
  });
  it('on an empty stream emits nothing and completes', async () => {
    expect(await through([], loss(0.5))).toEqual([]);
  });
});
