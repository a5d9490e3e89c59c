import type { NodeId } from './role';

/**
 * An immutable set of voters, packed one bit per voter (`v1` is bit 0).
 * Adding a voter copies ceil(N/32) words, so a coordinator that counts
 * votes from 1,000 voters stays cheap and its old states stay untouched.
 */
export class VoterSet {
  static empty(voters: number): VoterSet {
    return new VoterSet(new Uint32Array((voters + 31) >>> 5), 0);
  }

  private constructor(private readonly words: Uint32Array, readonly size: number) {}

  has(voter: NodeId): boolean {
    const i = voterIndex(voter);
    return i >= 0 && (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  /** This set with `voter` in it (the same set if it already was). */
  with(voter: NodeId): VoterSet {
    const i = voterIndex(voter);
    if (i < 0 || this.has(voter)) return this;
    const words = this.words.slice();
    words[i >>> 5] |= 1 << (i & 31);
    return new VoterSet(words, this.size + 1);
  }
}

/** `v1` -> 0, `v12` -> 11; -1 for a node that is not a voter. */
export function voterIndex(node: NodeId): number {
  if (node.charCodeAt(0) !== 118 /* v */) return -1;
  const n = Number(node.slice(1));
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}
