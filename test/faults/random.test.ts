import prand from 'pure-rand';
import { describe, expect, it } from 'vitest';
import { LinkRandom } from '../../lib/faults/random';

// A link's random source steps xoroshiro128+ in place. Same scenario and seed, same trace
// (docs/DESIGN.md) holds across versions of the kit only if it draws exactly what pure-rand's
// generator of the same seed draws, as it did when it held one.
describe('a link\'s random source', () => {
  const seedOf = (r: LinkRandom) => (r as unknown as { s11: number }).s11;

  it('draws the 32-bit numbers pure-rand\'s xoroshiro128plus draws from the same seed', () => {
    for (const seed of [1, 7, 2 ** 31 - 1, 2 ** 40 + 3]) {
      const link = new LinkRandom(seed, 'coordinator', 'v1');
      const reference = prand.xoroshiro128plus(seedOf(link));
      const ours = Array.from({ length: 1000 }, () => link.unsafeNext());
      expect(ours).toEqual(Array.from({ length: 1000 }, () => reference.unsafeNext()));
    }
  });

  it('draws whole numbers in a range as pure-rand\'s uniform distribution does, huge spans included', () => {
    const link = new LinkRandom(3, 'v1', 'v2');
    const reference = prand.xoroshiro128plus(seedOf(link));
    // Spans up to 2^32 take the remainder by hand (random.ts); those at its edges are here.
    const spans = [
      [1, 5], [0, 1], [1, 3], [0, 2 ** 31], [-(2 ** 31), 2 ** 31 - 1], [0, 2 ** 32 - 2], [9, 9 + 2 ** 32 - 1],
      [0, 2 ** 33], [-7, 2 ** 40],
    ] as const;
    for (const [lo, hi] of spans) {
      for (let i = 0; i < 200; i++) expect(link.int(lo, hi)).toBe(prand.unsafeUniformIntDistribution(lo, hi, reference));
    }
  });

  it('starts over when reseeded: the draws of a new source of that seed and link', () => {
    const used = new LinkRandom(5, 'a', 'b');
    for (let i = 0; i < 10; i++) used.chance(0.5);
    used.reseed(9);
    const fresh = new LinkRandom(9, 'a', 'b');
    expect(Array.from({ length: 50 }, () => used.int(1, 6))).toEqual(Array.from({ length: 50 }, () => fresh.int(1, 6)));
  });

  it('gives each link its own stream: the reverse link draws differently', () => {
    const there = new LinkRandom(1, 'coordinator', 'v1');
    const back = new LinkRandom(1, 'v1', 'coordinator');
    expect(Array.from({ length: 20 }, () => there.int(1, 100))).not.toEqual(Array.from({ length: 20 }, () => back.int(1, 100)));
  });
});
