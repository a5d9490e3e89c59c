import { ScenarioError } from '../scenario/error';
import type { History, LinearizabilityResult, LinearizableOptions, Model, Operation } from './types';

/**
 * Is this history linearizable with respect to this model? (Herlihy and Wing 1990: every
 * operation appears to take effect at one instant between its call and its return, in an order
 * that a single copy following `model` could have produced.)
 *
 * The search is Wing and Gong's (1993) with Lowe's memo (2017), as Porcupine runs it: walk the
 * calls and returns in time order; try to linearize each operation that has been called; on
 * reaching a return whose operation is not yet linearized, undo the last choice. A memo of
 * (set of operations linearized, model state) pairs already explored cuts the repeats.
 * Parts given by `model.partition` (the keys of `keyValue`) are searched alone.
 *
 * Two operations overlap when neither returned strictly before the other was called: equal
 * times count as overlapping, as in Porcupine. An operation with `ret: Infinity` can be placed
 * anywhere after its call, the very end included, which is the same as never taking effect.
 *
 * @example
 * const h = [
 *   { client: 'a', call: 0, ret: 10, input: { kind: 'write', value: 1 }, output: {} },
 *   { client: 'b', call: 1, ret: 2, input: { kind: 'read' }, output: { value: 1 } },
 *   { client: 'c', call: 3, ret: 4, input: { kind: 'read' }, output: { value: null } },
 * ];
 * linearizable(h, register()).verdict // 'not linearizable': b saw 1, so c, after b, cannot see null
 */
export function linearizable<S, I, O>(
  anyHistory: History,
  model: Model<S, I, O>,
  options: LinearizableOptions = {},
): LinearizabilityResult {
  validateHistory(anyHistory);
  // The model says what the inputs and outputs mean; the history is taken as written.
  const history = anyHistory as History<I, O>;
  const maxSteps = options.maxSteps ?? 10_000_000;
  if (!(Number.isInteger(maxSteps) && maxSteps > 0))
    throw new ScenarioError('options.maxSteps', `a whole number of search steps above 0, not ${String(maxSteps)}`);
  const memo = options.memo ?? true;
  const parts =
    options.partition === false || !model.partition
      ? [{ key: undefined as string | undefined, indices: history.map((_, i) => i) }]
      : model.partition(history);

  let steps = 0;
  let unknownPart: { key?: string; result: PartResult } | undefined;
  const linearizations: number[][] = [];
  for (const part of parts) {
    const result = searchPart(history, part.indices, model, memo, maxSteps - steps);
    steps += result.steps;
    if (result.verdict === 'not linearizable') {
      return {
        ok: false,
        verdict: 'not linearizable',
        longestPrefix: result.longest,
        unplaceable: result.unplaceable,
        state: result.state,
        ...(part.key === undefined ? {} : { key: part.key }),
        steps,
      };
    }
    if (result.verdict === 'unknown') {
      // Another part may still prove the history not linearizable; keep looking with what is left.
      unknownPart ??= { key: part.key, result };
      if (steps >= maxSteps) break;
      continue;
    }
    linearizations.push(result.longest);
  }
  if (unknownPart) {
    const { key, result } = unknownPart;
    return {
      ok: false,
      verdict: 'unknown',
      longestPrefix: result.longest,
      unplaceable: [],
      state: result.state,
      ...(key === undefined ? {} : { key }),
      steps,
      reason:
        `the search took more than maxSteps = ${maxSteps} steps${key === undefined ? '' : ` (key ${key})`} without deciding; ` +
        'raise options.maxSteps, or check a shorter history',
    };
  }
  const linearization = mergeParts(history, linearizations);
  return { ok: true, verdict: 'linearizable', linearization, longestPrefix: linearization, unplaceable: [], steps };
}

interface PartResult {
  verdict: 'linearizable' | 'not linearizable' | 'unknown';
  longest: number[];
  unplaceable: number[];
  state: unknown;
  steps: number;
}

/**
 * The search over one part. Entries are the calls and returns in time order, kept in a doubly
 * linked list (arrays of indices): linearizing an operation lifts its call and return out of the
 * list, undoing puts them back (Wing and Gong's trick: the list is always "what is left").
 */
function searchPart<S, I, O>(
  history: History<I, O>,
  indices: readonly number[],
  model: Model<S, I, O>,
  memo: boolean,
  maxSteps: number,
): PartResult {
  const n = indices.length;
  // Entry e (1..2n): op = e's operation (local number), isCall. Entry 0 is the list's head.
  const order: number[] = [];
  for (let k = 0; k < n; k++) order.push(2 * k, 2 * k + 1); // 2k: call of local op k, 2k+1: its return
  const time = (x: number) => (x & 1 ? history[indices[x >> 1]].ret : history[indices[x >> 1]].call);
  // Calls before returns at equal times (overlapping); Infinity sorts last, so no subtraction.
  order.sort((a, b) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : (a & 1) - (b & 1) || a - b));
  const size = 2 * n + 1;
  const next = new Int32Array(size);
  const prev = new Int32Array(size);
  const op = new Int32Array(size);
  const isCall = new Uint8Array(size);
  const match = new Int32Array(size); // a call's return entry
  const entryOfReturn = new Int32Array(n);
  for (let p = 0; p < order.length; p++) {
    const e = p + 1;
    op[e] = order[p] >> 1;
    isCall[e] = order[p] & 1 ? 0 : 1;
    if (!isCall[e]) entryOfReturn[op[e]] = e;
    prev[e] = p;
    next[e] = p + 1 < order.length ? e + 1 : -1;
  }
  next[0] = n > 0 ? 1 : -1;
  prev[0] = -1;
  for (let e = 1; e < size; e++) if (isCall[e]) match[e] = entryOfReturn[op[e]];

  const inputs = indices.map((i) => history[i].input);
  const outputs = indices.map((i) => history[i].output);
  const equal = model.equal?.bind(model) ?? ((a: S, b: S) => a === b);
  const hashState = model.hash?.bind(model) ?? defaultHash;

  // The memo: (linearized set, state). The set is a bitset with a Zobrist hash kept up to date
  // in O(1) per change (Porcupine rehashes the bitset each time).
  const words = (n + 31) >>> 5;
  const linearized = new Uint32Array(words);
  let setHash = 0;
  const zobrist = new Int32Array(n);
  for (let k = 0; k < n; k++) zobrist[k] = mix32(k + 1);
  const seen = new Memo<S>(words, equal);

  // The stack of choices: the call entry linearized and the state before it.
  const stackEntry: number[] = [];
  const stackState: S[] = [];
  let state = model.init();
  let longest: number[] = [];
  let longestState: unknown = state;
  let unplaceable: number[] = [];
  let bestLength = -1;
  let steps = 0;

  let entry = next[0];
  while (next[0] !== -1) {
    if (++steps > maxSteps) return { verdict: 'unknown', longest, unplaceable: [], state: longestState, steps: steps - 1 };
    if (isCall[entry]) {
      const k = op[entry];
      const [legal, after] = model.step(state, inputs[k], outputs[k]);
      if (legal) {
        linearized[k >>> 5] |= 1 << (k & 31);
        setHash ^= zobrist[k];
        const fresh = !memo || seen.add((setHash ^ Math.imul(hashState(after), 0x9e3779b1)) | 0, linearized, after);
        if (fresh) {
          stackEntry.push(entry);
          stackState.push(state);
          state = after;
          lift(entry, match[entry], next, prev);
          entry = next[0];
        } else {
          linearized[k >>> 5] &= ~(1 << (k & 31));
          setHash ^= zobrist[k];
          entry = next[entry];
        }
      } else {
        entry = next[entry];
      }
    } else {
      // A return whose operation is not linearized: nothing tried before it fits. This is as far
      // as this branch goes; remember the longest such point for the learner.
      if (stackEntry.length > bestLength) {
        bestLength = stackEntry.length;
        longest = stackEntry.map((e) => indices[op[e]]);
        longestState = state;
        // Every call before this return was tried and refused (this return's own call among them).
        unplaceable = [];
        for (let e = next[0]; e !== entry; e = next[e]) unplaceable.push(indices[op[e]]);
      }
      if (stackEntry.length === 0) return { verdict: 'not linearizable', longest, unplaceable, state: longestState, steps };
      const undone = stackEntry.pop()!;
      state = stackState.pop()!;
      const k = op[undone];
      linearized[k >>> 5] &= ~(1 << (k & 31));
      setHash ^= zobrist[k];
      unlift(undone, match[undone], next, prev);
      entry = next[undone];
    }
  }
  return { verdict: 'linearizable', longest: stackEntry.map((e) => indices[op[e]]), unplaceable: [], state, steps };
}

function lift(call: number, ret: number, next: Int32Array, prev: Int32Array): void {
  next[prev[call]] = next[call];
  prev[next[call]] = prev[call]; // a call always has its return after it
  next[prev[ret]] = next[ret];
  if (next[ret] !== -1) prev[next[ret]] = prev[ret];
}

function unlift(call: number, ret: number, next: Int32Array, prev: Int32Array): void {
  next[prev[ret]] = ret;
  if (next[ret] !== -1) prev[next[ret]] = ret;
  next[prev[call]] = call;
  prev[next[call]] = call;
}

/**
 * The set of (linearized operations, state) pairs explored, as a hash table whose entries live
 * in flat arrays: one bitset per entry copied into a shared Uint32Array, not an object each
 * (the object-per-entry version spent a third of its time collecting garbage).
 */
class Memo<S> {
  /** Open addressing: slot -> entry + 1 (0 = empty); linear probing. */
  private table = new Int32Array(1 << 12);
  private hashes = new Int32Array(1024);
  private bits: Uint32Array;
  private readonly states: S[] = [];
  private count = 0;

  constructor(
    private readonly words: number,
    private readonly equal: (a: S, b: S) => boolean,
  ) {
    this.bits = new Uint32Array(Math.max(1, words) * 1024);
  }

  /** Adds the pair; false if it was already there. */
  add(hash: number, linearized: Uint32Array, state: S): boolean {
    const words = this.words;
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (let e = this.table[slot] - 1; e !== -1; slot = (slot + 1) & mask, e = this.table[slot] - 1) {
      if (this.hashes[e] !== hash || !this.equal(this.states[e], state)) continue;
      let same = true;
      for (let w = 0, base = e * words; w < words; w++) {
        if (this.bits[base + w] !== linearized[w]) {
          same = false;
          break;
        }
      }
      if (same) return false;
    }
    const e = this.count++;
    if (e === this.hashes.length) this.grow();
    this.bits.set(linearized, e * words);
    this.hashes[e] = hash;
    this.states.push(state);
    if (2 * this.count > this.table.length) this.rehash();
    else this.table[slot] = e + 1;
    return true;
  }

  private grow(): void {
    const hashes = new Int32Array(2 * this.hashes.length);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const bits = new Uint32Array(2 * this.bits.length);
    bits.set(this.bits);
    this.bits = bits;
  }

  /** Doubles the table and puts every entry back (the newest included). */
  private rehash(): void {
    const table = new Int32Array(2 * this.table.length);
    const mask = table.length - 1;
    for (let e = 0; e < this.count; e++) {
      let slot = this.hashes[e] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = e + 1;
    }
    this.table = table;
  }
}

/** MurmurHash3's 32-bit finalizer: spreads small integers over all 32 bits. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}

/** A hash of a primitive state (or of its JSON), consistent with `===` on primitives. */
export function defaultHash(state: unknown): number {
  if (typeof state === 'number') return Number.isInteger(state) ? mix32(state | 0) ^ (state / 4294967296) : mix32(Math.round(state * 1e6));
  if (state === null || state === undefined) return 0x2545f491;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- String runs only where JSON has no text (a function, a symbol)
  const text = typeof state === 'string' ? state : (JSON.stringify(state) ?? String(state));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/**
 * One order for the whole history from one linearization per part: repeatedly take, among the
 * parts' next operations, the one called first. An operation X that must come before the one
 * taken (X returned before it was called) would sit behind a part head called even earlier,
 * so real time is kept (the locality argument of Herlihy and Wing, section 3.3).
 */
function mergeParts<I, O>(history: History<I, O>, parts: number[][]): number[] {
  if (parts.length === 1) return parts[0];
  const heads = parts.map(() => 0);
  const merged: number[] = [];
  for (;;) {
    let best = -1;
    for (let p = 0; p < parts.length; p++) {
      if (heads[p] === parts[p].length) continue;
      if (best === -1 || history[parts[p][heads[p]]].call < history[parts[best][heads[best]]].call) best = p;
    }
    if (best === -1) return merged;
    merged.push(parts[best][heads[best]++]);
  }
}

/** A bad history throws one ScenarioError naming the operation and the field. */
export function validateHistory(history: unknown): asserts history is History {
  if (!Array.isArray(history)) throw new ScenarioError('history', 'an array of operations { client, call, ret, input, output }');
  history.forEach((op: Partial<Operation> | null, i) => {
    const at = `history[${i}]`;
    if (op === null || typeof op !== 'object') throw new ScenarioError(at, 'an operation { client, call, ret, input, output }');
    if (typeof op.client !== 'string' && typeof op.client !== 'number')
      throw new ScenarioError(`${at}.client`, 'a string or a number naming the client');
    if (typeof op.call !== 'number' || !Number.isFinite(op.call))
      throw new ScenarioError(`${at}.call`, `a finite time, not ${String(op.call)}`);
    if (typeof op.ret !== 'number' || Number.isNaN(op.ret) || op.ret < op.call)
      throw new ScenarioError(
        `${at}.ret`,
        `a time at or after call (${op.call}), or Infinity for an unknown outcome; not ${String(op.ret)}`,
      );
    if (!('input' in op)) throw new ScenarioError(`${at}.input`, 'what the client asked, e.g. { kind: "read" }');
  });
}
