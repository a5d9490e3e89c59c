/**
 * Every distinct state a search has reached, packed: each state is `words` 32-bit
 * words in one growing `Uint32Array`, in the order found (so the array is also the
 * breadth-first queue), with the index of its parent and the action that led to it
 * beside it. An open-addressing hash table of indices (linear probing over an
 * `Int32Array`) answers "seen before?". No JS object is made per state: about
 * 4 x words + 6 bytes for the state and its parent link, plus 4-16 for the table.
 */
export class StateStore {
  /** How many distinct states are stored. */
  count = 0;
  states: Uint32Array;
  parents: Int32Array;
  actions: Uint16Array;
  private table: Int32Array;
  private mask: number;

  constructor(readonly words: number, capacity = 1 << 12) {
    this.states = new Uint32Array(capacity * words);
    this.parents = new Int32Array(capacity);
    this.actions = new Uint16Array(capacity);
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity * 2 - 1;
  }

  /**
   * Adds the state in `s[0..words)` unless already stored. Returns its new index, or -1 if
   * it was there. `parent` is -1 for an initial state.
   */
  add(s: Uint32Array, parent: number, action: number): number {
    const words = this.words;
    const states = this.states;
    const table = this.table;
    const mask = this.mask;
    let slot = hash(s, 0, words) & mask;
    for (;;) {
      const held = table[slot];
      if (held === 0) break;
      const at = (held - 1) * words;
      let same = true;
      for (let w = 0; w < words; w++) {
        if (states[at + w] !== s[w]) {
          same = false;
          break;
        }
      }
      if (same) return -1;
      slot = (slot + 1) & mask;
    }
    const index = this.count;
    if ((index + 1) * words > states.length) {
      this.grow();
      return this.add(s, parent, action);
    }
    const at = index * words;
    for (let w = 0; w < words; w++) this.states[at + w] = s[w];
    this.parents[index] = parent;
    this.actions[index] = action;
    table[slot] = index + 1;
    this.count = index + 1;
    // Keep the table at most half full, so that probes stay short.
    if (this.count * 2 > mask) this.rehash((mask + 1) * 2);
    return index;
  }

  /** The bytes every typed array of the store holds, capacity included. */
  bytes(): number {
    return this.states.byteLength + this.parents.byteLength + this.actions.byteLength + this.table.byteLength;
  }

  /** The path of actions and state indices from an initial state to `index`, oldest first. */
  path(index: number): { state: number; action: number }[] {
    const steps: { state: number; action: number }[] = [];
    for (let i = index; i >= 0; i = this.parents[i]) steps.push({ state: i, action: this.actions[i] });
    return steps.reverse();
  }

  private grow() {
    const capacity = Math.ceil((this.states.length / this.words) * 1.5) + 16;
    const states = new Uint32Array(capacity * this.words);
    states.set(this.states);
    this.states = states;
    const parents = new Int32Array(capacity);
    parents.set(this.parents);
    this.parents = parents;
    const actions = new Uint16Array(capacity);
    actions.set(this.actions);
    this.actions = actions;
  }

  private rehash(size: number) {
    const table = new Int32Array(size);
    const mask = size - 1;
    const words = this.words;
    const states = this.states;
    for (let i = 0; i < this.count; i++) {
      let slot = hash(states, i * words, words) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** A murmur3-style mix of the words of a state; any bit change moves every output bit. */
function hash(s: Uint32Array, at: number, words: number): number {
  let h = 0x9747b28c ^ words;
  for (let w = 0; w < words; w++) {
    let k = Math.imul(s[at + w], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
