import { describe, expect, it } from 'vitest';
import { duplicate, loss } from '../../lib/faults';
import { envelopes, through } from './support';
import { pipe } from 'rxjs';

describe('duplicate(p)', () => {
  it('with p = 0 emits each envelope once', async () => {
    expect(await through(envelopes(50), duplicate(0))).toHaveLength(50);
  });
  it('with p = 1 emits each envelope and then its copy, which shares its id and arrives no earlier', async () => {
    const out = await through(envelopes(20), duplicate(1));
    expect(out).toHaveLength(40);
    for (let i = 0; i < 20; i++) {
      const [original, copy] = [out[2 * i], out[2 * i + 1]];
      expect(copy.id).toBe(original.id);
      expect(copy.copy).toBe(true);
      expect(original.copy).toBe(false);
      expect(copy.deliverAt).toBeGreaterThanOrEqual(original.deliverAt);
      expect(copy.deliverAt - original.deliverAt).toBeLessThanOrEqual(2);
    }
  });
  it('does not copy a message already lost', async () => {
    expect(await through(envelopes(20), pipe(loss(1), duplicate(1)))).toHaveLength(20);
  });
  it('on an empty stream emits nothing', async () => {
    expect(await through([], duplicate(1))).toEqual([]);
  });
});
