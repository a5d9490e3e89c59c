import prand from 'pure-rand';

/**
 * The random source of one link. Every random choice of a run is drawn from
 * the generator of the link it concerns, seeded from the run's seed and the
 * link's name, so adding traffic on one link never changes another's draws.
 */
export class LinkRandom {
  private rng: prand.RandomGenerator;
  private readonly name: string;

  constructor(seed: number, from: string, to: string) {
    this.name = `${from}->${to}`;
    this.rng = prand.xoroshiro128plus(hash(seed, this.name));
  }

  /**
   * Starts the link over for another run: the same draws `new LinkRandom(seed, from, to)` would
   * make, without building the link's name again (a sweep reseeds its links once per run).
   */
  reseed(seed: number): void {
    this.rng = prand.xoroshiro128plus(hash(seed, this.name));
  }

  /** True with probability `p`; draws nothing when `p` is 0 or 1. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return (this.rng.unsafeNext() >>> 0) / 4294967296 < p;
  }

  /** A whole number from `lo` to `hi`, both included. */
  int(lo: number, hi: number): number {
    if (lo === hi) return lo;
    const span = hi - lo + 1;
    if (span > 4294967296) return prand.unsafeUniformIntDistribution(lo, hi, this.rng);
    // Every message's delay is drawn here, so the draw is written out rather than called through
    // pure-rand's module: the same rejection sampling its uniform distribution does below 2^32
    // values (pure-rand 7), hence the same numbers. A 32-bit output is shifted to 0..2^32-1;
    // outputs past the largest multiple of `span` are drawn again, so no value is favoured.
    const limit = span > 2 ? Math.floor(4294967296 / span) * span : 4294967296;
    let v = this.rng.unsafeNext() + 2147483648;
    while (v >= limit) v = this.rng.unsafeNext() + 2147483648;
    return lo + (v % span);
  }
}

/** FNV-1a over the seed and a name: a stable 32-bit seed per link. */
function hash(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed | 0) ^ Math.floor(seed / 4294967296);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
