import { describe, expect, it } from 'vitest';
import { delay } from '../../lib/faults';
import { envelopes, through } from './support';

describe('delay(min, max)', () => {
  it('with a fixed delay stamps every arrival that many ticks after the send', async () => {
    const out = await through(envelopes(5), delay(3));
    expect(out.map((e) => e.deliverAt - e.sentAt)).toEqual([3, 3, 3, 3, 3]);
  });
  it('with a range draws each delay within it, reaching both ends', async () => {
    const out = await through(envelopes(500), delay(1, 4));
    const delays = new Set(out.map((e) => e.deliverAt - e.sentAt));
    expect([...delays].sort()).toEqual([1, 2, 3, 4]);
  });
  it('with zero delivers at the tick of the send', async () => {
    const out = await through(envelopes(3), delay(0));
    expect(out.map((e) => e.deliverAt)).toEqual([0, 1, 2]);
  });
  it('on an empty stream emits nothing', async () => {
    expect(await through([], delay(1, 3))).toEqual([]);
  });
});
