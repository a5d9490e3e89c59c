import type { History, Model } from './types';

/**
 * The definition, searched by brute force: try every order of the operations that respects real
 * time (an operation may come next only if no remaining operation returned before it was
 * called) and ask the model about each. No linked list, no memo, no parts. Exponential: for
 * specifications and as the bench's baseline on small histories, never for real ones.
 */
export function linearizableByDefinition<S, I, O>(history: History<I, O>, model: Model<S, I, O>): boolean {
  const n = history.length;
  const done = new Uint8Array(n);
  const go = (state: S, placed: number): boolean => {
    if (placed === n) return true;
    let earliestReturn = Infinity;
    for (let i = 0; i < n; i++) if (!done[i] && history[i].ret < earliestReturn) earliestReturn = history[i].ret;
    for (let i = 0; i < n; i++) {
      if (done[i] || history[i].call > earliestReturn) continue;
      const [legal, after] = model.step(state, history[i].input, history[i].output);
      if (!legal) continue;
      done[i] = 1;
      if (go(after, placed + 1)) return true;
      done[i] = 0;
    }
    return false;
  };
  return go(model.init(), 0);
}
