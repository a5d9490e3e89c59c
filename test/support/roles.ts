// Helpers for the specifications that drive one role alone, as a pure function (XState style:
// feed inputs, read the returned outputs), shared by the protocol tests.
import type { Input, NodeContext, Output, Role } from '../../lib';

/** The node context of `id` in a run of one coordinator and voters v1..v3. */
export const ctx = (id: string, vote: 'yes' | 'no' = 'yes'): NodeContext => ({
  id,
  coordinator: 'coordinator',
  voters: ['v1', 'v2', 'v3'],
  others: [],
  vote,
});

/** The input "a message of `type` from `from` arrives", with the message's other fields. */
export const receive = (from: string, type: string, fields: object = {}): Input => ({
  kind: 'receive',
  from,
  message: { type, ...fields },
});

/** The input "the timer `timer` expires". */
export const timeout = (timer: string): Input => ({ kind: 'timeout', timer });

/** A yes vote arriving from each of `voters`, in order. */
export const yesFrom = (...voters: string[]): Input[] => voters.map((v) => receive(v, 'vote', { vote: 'yes' }));

/** Runs inputs through a role from its initial state: the final state's name, every output, and the state itself. */
export function drive<S>(role: Role<S>, c: NodeContext, inputs: Input[]): { state: string; outputs: Output[]; raw: S } {
  let state = role.init(c);
  const outputs: Output[] = [];
  for (const input of inputs) {
    const [next, out] = role.step(state, input);
    state = next;
    outputs.push(...out);
  }
  return { state: role.stateName(state), outputs, raw: state };
}

/** The sends among `outputs`, as `to:type` (`v1:prepare`), in order. */
export const sent = (outputs: Output[]): string[] =>
  outputs.filter((o) => o.kind === 'send').map((o) => `${(o as { to: string }).to}:${(o as { message: { type: string } }).message.type}`);
