// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 3363b0732aae674c: once you edit this file, the build leaves it alone.)
// Exercise 09-fenced-store (lesson 09, leases and fencing; DDIA ch. 8, fig. 8-5; Chubby sec. 2.4).
//
// Write the step of the store a lease lock protects, as a pure role step:
// (state, input) -> [next state, outputs]. The state is { highest }: the highest
// fencing token the store has accepted a write under (0 before any).
//
// - On a `write` message { type: 'write', token } from a client: if its token is
//   older than one the store has already accepted, answer that client
//   { type: 'rejected', token } and change nothing. Otherwise apply the write: log
//   it durably, logWrite({ type: 'write', token, from }), remember the token if it
//   is the highest, and answer { type: 'written', token }.
// - On `recover` (after a crash), `input.log` is the store's durable log, oldest
//   first: the state must come back from it, so that no stale write gets in after a restart.
// - Anything else changes nothing and sends nothing.
//
// Check it in lesson 09's notebook: the cell of exercise 09-fenced-store runs the
// lease lock with your store under DDIA's paused holder.
import { logWrite, nothing, send, type Input, type Output, type StoreState } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export function storeStep(state: StoreState, input: Input): readonly [StoreState, readonly Output[]] {
  throw new NotDoneYet('09-fenced-store', 'check the token against state.highest before applying; on recover, rebuild it from the log');
}
