// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 08c11657d8cd52fd: once you edit this file, the build leaves it alone.)
// Exercise 10-sequential (lesson 10; Herlihy and Wing 1990, section 2; DDIA ch. 9).
//
// Give, as data, a history of one register (inputs { kind: 'write', value } and
// { kind: 'read' }, outputs {} and { value }, null before any write) that is
// sequentially consistent but not linearizable: there is an order of all its
// operations that keeps each client's own operations in the order it made them
// and gives every answer the history shows, but no such order also keeps real
// time (an operation that returned before another was called comes first).
// Exactly two clients, at most 8 operations; each client's operations one after another (each returns
// before the client calls its next); every operation answered (no ret: Infinity).
// Check it in lesson 10's notebook: linearizable(sequentialNotLinearizable(), register()).
import type { History } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export function sequentialNotLinearizable(): History {
  throw new NotDoneYet('10-sequential', 'sequential consistency lets one client\'s operations slide past another\'s in time');
}
