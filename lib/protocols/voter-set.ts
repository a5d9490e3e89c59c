import type { NodeId } from './role';

/**
 * An immutable set of voters, one bit per voter (`v1` is bit 0). Up to 32 voters the bits are
 * one number, so adding a voter (a vote, an ack) builds one small object and no array; beyond
 * that they are packed in words and adding one copies ceil(N/32) of them, so a coordinator that
 * counts votes from 1,000 voters stays cheap and its old states stay untouched.
 */
export class VoterSet {
  static empty(voters: number): VoterSet {
    return voters <= SMALL ? new VoterSet(null, 0, 0) : new VoterSet(new Uint32Array((voters + 31) >>> 5), 0, 0);
  }

  private constructor(
    /** The bits of a set of more than 32 voters; null for a smaller one, whose bits are `bits`. */
    private readonly words: Uint32Array | null,
    private readonly bits: number,
    readonly size: number,
  ) {}

  has(voter: NodeId): boolean {
    const i = voterIndex(voter);
    return i >= 0 && this.holds(i);
  }

  /** This set with `voter` in it (the same set if it already was). */
  with(voter: NodeId): VoterSet {
    const i = voterIndex(voter);
    if (i < 0 || this.holds(i)) return this;
    // A voter past the set's last word is counted but not held, as it always was (a run's
    // senders are its own nodes, so no role meets one).
    if (this.words === null) return new VoterSet(null, i < 32 ? this.bits | (1 << i) : this.bits, this.size + 1);
    const words = this.words.slice();
    words[i >>> 5] |= 1 << (i & 31);
    return new VoterSet(words, 0, this.size + 1);
  }

  /** Whether the voter of index `i` (not negative) is in the set: one look-up of its id, not two. */
  private holds(i: number): boolean {
    if (this.words === null) return i < 32 && (this.bits & (1 << i)) !== 0;
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }
}

/** The most voters whose set fits the bits of one number (bit 31, the sign bit, included). */
const SMALL = 32;

/** Node ids met so far and their voter index: a vote or an ack looks its sender up, not parses it. */
const indexes = new Map<NodeId, number>();

/** `v1` -> 0, `v12` -> 11; -1 for a node that is not a voter. */
export function voterIndex(node: NodeId): number {
  let i = indexes.get(node);
  if (i === undefined) {
    i = parseVoter(node);
    if (indexes.size < 4096) indexes.set(node, i);
  }
  return i;
}

function parseVoter(node: NodeId): number {
  if (node.charCodeAt(0) !== 118 /* v */) return -1;
  const n = Number(node.slice(1));
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}
