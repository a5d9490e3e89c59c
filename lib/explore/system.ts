/**
 * A transition system over packed states, in the sense of TLA+: initial states, and a
 * next-state relation given as actions. A state is `words` 32-bit words; the checker
 * never looks inside one, it only hashes, compares and stores them. Both Lamport's
 * TwoPhase (written straight in bits) and any protocol's roles (`rolesSystem`) are one.
 */
export interface PackedSystem {
  /** What is being checked, for reports. */
  readonly name: string;
  /** 32-bit words per state. */
  readonly words: number;
  /** The name of each action: `emit(a)` labels a step with `actions[a]`. At most 65,536. */
  readonly actions: readonly string[];
  /** Writes each initial state into `out` and calls `emit(0)` after each. */
  initial(out: Uint32Array, emit: (action: number) => void): void;
  /**
   * Writes each successor of the state at `states[at..at + words)` into `out`, calling
   * `emit(action)` after each. Must not keep `out` or `states`: both are reused.
   */
  next(states: Uint32Array, at: number, out: Uint32Array, emit: (action: number) => void): void;
  /** What must hold in every reachable state. */
  readonly invariants: readonly PackedInvariant[];
  /** The state at `states[at..]` in words, for a trace a reader can follow. */
  show(states: Uint32Array, at: number): string;
}

/** A named predicate over a packed state. */
export interface PackedInvariant {
  readonly name: string;
  holds(states: Uint32Array, at: number): boolean;
}
