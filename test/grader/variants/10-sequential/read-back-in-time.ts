// @ts-nocheck (graded as exercises/10-sequential.ts, where ../lib resolves)
// A plausible wrong answer to 10-sequential: one client sees the new value, then the old one (not even sequentially consistent).
// loses: is sequentially consistent: one order keeps each client's own order and gives every answer
export function sequentialNotLinearizable() {
  return [
    { client: 'writer', call: 0, ret: 1, input: { kind: 'write', value: 1 }, output: {} },
    { client: 'reader', call: 2, ret: 3, input: { kind: 'read' }, output: { value: 1 } },
    { client: 'reader', call: 4, ret: 5, input: { kind: 'read' }, output: { value: null } },
  ];
}
