// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 93a2e372b13d866e: once you edit this file, the build leaves it alone.)
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
  throw new NotDoneYet('10-queue', 'write what one copy does for each input, then ask when an answer cannot match');
}
