// @ts-nocheck (graded as exercises/10-sequential.ts, where ../lib resolves)
// A plausible wrong answer to 10-sequential: one client with two operations at once.
// loses: is a register history of two clients and at most eight answered operations, each client's one after another
// loses: is not linearizable
// loses: is sequentially consistent: one order keeps each client's own order and gives every answer
export function sequentialNotLinearizable() {
  return [
    { client: 'a', call: 0, ret: 5, input: { kind: 'write', value: 1 }, output: {} },
    { client: 'a', call: 6, ret: 7, input: { kind: 'read' }, output: { value: null } },
    { client: 'a', call: 1, ret: 2, input: { kind: 'write', value: 2 }, output: {} },
  ];
}
