// Exercise 10-queue (lesson 10, a lab; Herlihy and Wing 1990, fig. 1 and section 2).
//
// linearizable(history, model) needs a model: the sequential specification of the object,
// what ONE copy would answer. Write the model of a FIFO queue, the object Herlihy and Wing
// use for their first examples. Inputs: { kind: 'enq', value } and { kind: 'deq' }.
// Outputs: {} for an enq; { value } for a deq, the oldest value still in the queue, or null
// when the queue is empty; { unknown: true } for an operation whose outcome is unknown,
// which matches whatever the queue would answer (it still takes effect).
// The state is the queue's contents, oldest first; step must not change the state it is
// given (return a new array). equal and hash let the checker recognise a state it has seen.
// Check it in lesson 10's notebook: linearizable(history, queueModel()).
import type { Model } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export type QueueInput = { readonly kind: 'enq'; readonly value: unknown } | { readonly kind: 'deq' };
export type QueueOutput = { readonly value?: unknown; readonly unknown?: boolean };
export type QueueState = readonly unknown[];

export function queueModel(): Model<QueueState, QueueInput, QueueOutput> {
  // BEGIN SOLUTION
  // HINT: write what one copy does for each input, then ask when an answer cannot match
  return {
    name: 'queue',
    init: () => [],
    step(state, input, output) {
      const unknown = output == null || output.unknown === true;
      if (input.kind === 'enq') return [true, [...state, input.value]];
      const head = state.length === 0 ? null : state[0];
      return [unknown || output.value === head, state.slice(1)];
    },
    equal: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
    hash(s) {
      // Equal queues hash alike: the length and each value's text length, in order.
      let h = s.length;
      for (const v of s) h = (Math.imul(h, 31) + String(v).length) | 0;
      return h;
    },
  };
  // END SOLUTION
}
