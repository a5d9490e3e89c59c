/**
 * The shapes the checker reads and returns. A history is plain data (JSON, with `ret: Infinity`
 * written as `null` or a large number by whoever serialises it), so a run's history can be saved,
 * edited by hand and checked again.
 */

/**
 * One operation as a client saw it: it called at `call` and got `output` back at `ret`.
 * `ret` is `Infinity` when the client never learnt the outcome (it timed out): such an operation
 * may have taken effect at any time after its call, or never.
 */
export interface Operation<I = unknown, O = unknown> {
  readonly client: string | number;
  readonly call: number;
  readonly ret: number;
  readonly input: I;
  readonly output: O;
}

export type History<I = unknown, O = unknown> = readonly Operation<I, O>[];

/**
 * A sequential specification: what one copy of the object, applying one operation at a time,
 * would answer. `step` says whether `input` can return `output` in `state`, and the state after.
 * Porcupine's models have the same shape (Init, Step, Equal, Partition).
 */
export interface Model<S = unknown, I = unknown, O = unknown> {
  readonly name: string;
  /** The state before any operation. */
  init(): S;
  /** `[true, next]` if a single copy in `state` could answer `output` to `input`; `[false, state]` otherwise. */
  step(state: S, input: I, output: O): readonly [boolean, S];
  /** Whether two states are the same, for the search's memo. @defaultValue `===` */
  equal?(a: S, b: S): boolean;
  /** A 32-bit hash consistent with `equal`. @defaultValue a hash of the primitive or its JSON */
  hash?(state: S): number;
  /**
   * Splits a history into independent parts checked one by one (P-compositionality, Herlihy and
   * Wing's locality): each part is a list of indices into the history and a label.
   * @defaultValue the whole history as one part
   */
  partition?(history: History<I, O>): { readonly key: string; readonly indices: readonly number[] }[];
  /** `write(3)`, `read() -> 3`: how charts and messages name an operation. */
  describe?(input: I, output: O): string;
}

/** How far the search may go, and which of its two savings to use. */
export interface LinearizableOptions {
  /**
   * The most search steps (one step tries one operation in one state) before giving up with the
   * verdict `unknown`. The search is exponential in the worst case: this keeps a notebook cell
   * from hanging. Counted in steps, not seconds, so the same history gets the same answer.
   * @defaultValue 10,000,000
   */
  readonly maxSteps?: number;
  /** Check each part of `model.partition` alone (P-compositionality). @defaultValue true */
  readonly partition?: boolean;
  /** Remember (linearized set, state) pairs already explored and skip them (Lowe). @defaultValue true */
  readonly memo?: boolean;
}

export type LinearizabilityVerdict = 'linearizable' | 'not linearizable' | 'unknown';

/**
 * What `linearizable` found. Operations are named by their index in the history.
 * `ok` is true only when a linearization was found: an `unknown` verdict (the search hit
 * `maxSteps`) has `ok: false` and a `reason`, so `if (result.ok)` never mistakes a search that
 * gave up for a proof.
 */
export interface LinearizabilityResult {
  readonly ok: boolean;
  readonly verdict: LinearizabilityVerdict;
  /** When ok: every operation in an order that respects real time and the model. */
  readonly linearization?: readonly number[];
  /**
   * The longest sequence of operations the search could linearize (in the part that failed):
   * a legal order of operations closed under real-time precedence. Empty if not even the first
   * operation can be placed. When ok: the whole linearization.
   */
  readonly longestPrefix: readonly number[];
  /**
   * The operations that could come next after `longestPrefix` by real time, none of which the
   * model accepts in the state the prefix leaves. Empty when ok.
   */
  readonly unplaceable: readonly number[];
  /** The model's state after `longestPrefix`. */
  readonly state?: unknown;
  /** The part (e.g. the key) that failed or ran out of steps; absent for a one-part model. */
  readonly key?: string;
  /** Search steps taken, all parts together. */
  readonly steps: number;
  /** Why the verdict is `unknown`. */
  readonly reason?: string;
}
