import { StateStore } from './state-store';
import type { PackedSystem } from './system';

/** One step of a trace: the action taken and the state it led to, in words. */
export interface TraceStep {
  readonly action: string;
  readonly state: string;
}

/** The outcome of a breadth-first search of a packed system. */
export interface SearchResult {
  readonly system: string;
  /** Distinct reachable states (initial ones included), as TLC counts them. */
  readonly distinct: number;
  /** Steps on the longest of the shortest paths from an initial state (0: only initial states). */
  readonly depth: number;
  /** False if `limit` stopped the search before every state was reached. */
  readonly complete: boolean;
  /** The first invariant found broken, and the shortest trace to it (first step: the initial state). */
  readonly violation?: { readonly invariant: string; readonly trace: readonly TraceStep[]; readonly index: number };
  /** Wall-clock milliseconds of the search (a measurement, never part of the answer). */
  readonly ms: number;
  /** Bytes of typed arrays the search held at the end, per distinct state. */
  readonly bytesPerState: number;
}

export interface SearchOptions {
  /** Stop after this many distinct states. @defaultValue 50,000,000 */
  readonly limit?: number;
  /** Called about every 65,536 states, for a progress bar. */
  readonly onProgress?: (distinct: number) => void;
}

/**
 * Every reachable state of `system`, breadth first, so that the first broken invariant
 * comes with a shortest trace. The store's array of states is the queue.
 *
 * @example
 * const result = searchSystem(twoPhaseSpec(3)); // result.distinct === 288
 */
export function searchSystem(system: PackedSystem, options: SearchOptions = {}): SearchResult & { store: StateStore } {
  const started = performance.now();
  const limit = options.limit ?? 50_000_000;
  const words = system.words;
  const store = new StateStore(words);
  const out = new Uint32Array(words);
  const invariants = system.invariants;
  let parent = -1;
  let broken = -1;
  let brokenInvariant = '';

  const emit = (action: number) => {
    const index = store.add(out, parent, action);
    if (index < 0 || broken >= 0) return;
    for (let i = 0; i < invariants.length; i++) {
      if (!invariants[i].holds(store.states, index * words)) {
        broken = index;
        brokenInvariant = invariants[i].name;
        return;
      }
    }
  };

  system.initial(out, emit);
  let head = 0;
  let nextReport = 1 << 16;
  while (head < store.count && broken < 0 && store.count < limit) {
    parent = head;
    system.next(store.states, head * words, out, emit);
    head++;
    if (options.onProgress && store.count >= nextReport) {
      nextReport += 1 << 16;
      options.onProgress(store.count);
    }
  }
  const complete = head >= store.count && broken < 0;
  const ms = performance.now() - started;
  const result: SearchResult & { store: StateStore } = {
    system: system.name,
    distinct: store.count,
    depth: deepest(store),
    complete: complete || broken >= 0,
    ms,
    bytesPerState: store.bytes() / Math.max(1, store.count),
    store,
  };
  if (broken >= 0) {
    const trace = store.path(broken).map((step, i) => ({
      action: i === 0 ? 'initial state' : system.actions[step.action],
      state: system.show(store.states, step.state * words),
    }));
    return { ...result, violation: { invariant: brokenInvariant, trace, index: broken } };
  }
  return result;
}

/** The number of steps from an initial state to the last state found: BFS order makes it the deepest. */
function deepest(store: StateStore): number {
  let steps = 0;
  for (let i = store.count - 1; i >= 0 && store.parents[i] >= 0; i = store.parents[i]) steps++;
  return steps;
}
