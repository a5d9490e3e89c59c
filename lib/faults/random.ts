import prand from 'pure-rand';

/**
 * The random source of one link. Every random choice of a run is drawn from
 * the generator of the link it concerns, seeded from the run's seed and the
 * link's name, so adding traffic on one link never changes another's draws.
 */
export class LinkRandom {
  // xoroshiro128+ (Blackman and Vigna), its 128 bits as four 32-bit halves, stepped in place: the
  // generator pure-rand's `xoroshiro128plus(seed)` builds, the same numbers in the same order,
  // without a generator object built for every link of every run.
  private s00 = 0;
  private s01 = 0;
  private s10 = 0;
  private s11 = 0;
  private readonly name: string;

  constructor(seed: number, from: string, to: string) {
    this.name = `${from}->${to}`;
    this.reseed(seed);
  }

  /**
   * Starts the link over for another run: the same draws `new LinkRandom(seed, from, to)` would
   * make, without building the link's name again (a sweep reseeds its links once per run).
   */
  reseed(seed: number): void {
    const h = hash(seed, this.name);
    this.s01 = -1;
    this.s00 = ~h;
    this.s11 = h | 0;
    this.s10 = 0;
  }

  /** True with probability `p`; draws nothing when `p` is 0 or 1. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return (this.unsafeNext() >>> 0) / 4294967296 < p;
  }

  /** A whole number from `lo` to `hi`, both included. */
  int(lo: number, hi: number): number {
    if (lo === hi) return lo;
    const span = hi - lo + 1;
    if (span > 4294967296) return prand.unsafeUniformIntDistribution(lo, hi, this as unknown as prand.RandomGenerator);
    const limit = span > 2 ? Math.floor(4294967296 / span) * span : 4294967296;
    let v = this.unsafeNext() + 2147483648;
    while (v >= limit) v = this.unsafeNext() + 2147483648;
    // v % span, exactly (v and span are whole numbers under 2^32, so the quotient's floor is
    // exact): a % of doubles is a call into C, this a division, a floor, a product and a difference.
    return lo + (v - Math.floor(v / span) * span);
  }

  /**
   * The next 32 bits, as a signed integer. Named as pure-rand names it, because its
   * `unsafeUniformIntDistribution` (spans over 2^32, above) draws through this method alone.
   */
  unsafeNext(): number {
    const s00 = this.s00;
    const s01 = this.s01;
    const out = (s00 + this.s10) | 0;
    const a0 = this.s10 ^ s00;
    const a1 = this.s11 ^ s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
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
