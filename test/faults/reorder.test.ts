import { describe, expect, it } from 'vitest';
import { reorder } from '../../lib/faults';
import { envelopes, through } from './support';

describe('reorder(p, maxExtra)', () => {
  it('with p = 0 keeps every arrival where it was', async () => {
    const out = await through(envelopes(20), reorder(0, 5));
    expect(out.map((e) => e.deliverAt)).toEqual(envelopes(20).map((e) => e.deliverAt));
  });
  it('with p = 1 holds every message back by 1 to maxExtra ticks, so later sends overtake it', async () => {
    const out = await through(envelopes(200), reorder(1, 5));
    const extra = out.map((e, i) => e.deliverAt - (i + 1));
    expect(Math.min(...extra)).toBe(1);
    expect(Math.max(...extra)).toBe(5);
    const overtaken = out.some((e, i) => i + 1 < out.length && out[i + 1].deliverAt < e.deliverAt);
    expect(overtaken).toBe(true);
  });
  it('on an empty stream emits nothing', async () => {
    expect(await through([], reorder(1))).toEqual([]);
  });
});
