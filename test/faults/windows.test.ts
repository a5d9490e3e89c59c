// Cut, partition and slow act only while their window holds: [opensAt, closesAt).
import { describe, expect, it } from 'vitest';
import { cut, partition, slow, Window } from '../../lib/faults';
import { Envelope } from '../../lib/faults/envelope';
import { LinkRandom } from '../../lib/faults/random';
import { envelopes, through } from './support';

describe('cut(from, to, window)', () => {
  it('drops what arrives while the window holds and nothing outside it', async () => {
    // arrivals at ticks 1..10; the window holds over [3, 6)
    const out = await through(envelopes(10), cut('coordinator', 'v1', new Window(3, 6)));
    expect(out.filter((e) => e.dropped === 'cut').map((e) => e.deliverAt)).toEqual([3, 4, 5]);
  });
  it('leaves the other direction alone', async () => {
    const out = await through(envelopes(10, 'v1', 'coordinator'), cut('coordinator', 'v1', Window.always()));
    expect(out).toHaveLength(10);
    expect(out.some((e) => e.dropped)).toBe(false);
  });
  it('does nothing before its window opens (an edge at infinity)', async () => {
    const out = await through(envelopes(10), cut('coordinator', 'v1', new Window()));
    expect(out).toHaveLength(10);
    expect(out.some((e) => e.dropped)).toBe(false);
  });
  it('on an empty stream emits nothing', async () => {
    expect(await through([], cut('a', 'b', Window.always()))).toEqual([]);
  });
});

describe('partition(groups, window)', () => {
  const random = new LinkRandom(1, 'x', 'y');
  const between = (from: string, to: string, at: number) => new Envelope(0, from, to, { type: 'vote' }, at - 1, at, null, false, random);

  it('drops messages across groups and keeps those within one; unnamed nodes form their own group', async () => {
    const window = new Window(0, 10);
    const out = await through(
      [between('coordinator', 'v1', 1), between('coordinator', 'v2', 1), between('v2', 'v3', 1), between('v3', 'v1', 1)],
      partition([['coordinator', 'v1']], window),
    );
    expect(out.map((e) => e.dropped)).toEqual([null, 'partition', null, 'partition']);
  });
  it('heals when its window closes', async () => {
    const out = await through(
      [between('coordinator', 'v2', 9), between('coordinator', 'v2', 10)],
      partition([['coordinator']], new Window(0, 10)),
    );
    expect(out.map((e) => e.dropped)).toEqual(['partition', null]);
  });
});

describe('slow(from, to, extraTicks, window)', () => {
  it('adds the extra ticks to messages sent while the window holds', async () => {
    const out = await through(envelopes(6), slow('coordinator', 'v1', 10, new Window(2, 4)));
    expect(out.map((e) => e.deliverAt - e.sentAt)).toEqual([1, 1, 11, 11, 1, 1]);
  });
  it('holds from the start when given no window', async () => {
    const out = await through(envelopes(3), slow('coordinator', 'v1', 5));
    expect(out.map((e) => e.deliverAt - e.sentAt)).toEqual([6, 6, 6]);
  });
});
