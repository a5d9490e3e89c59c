// @ts-nocheck (graded as exercises/10-sequential.ts, where ../lib resolves)
// A plausible wrong answer to 10-sequential: the reader overlaps the write, so it may see the old value (linearizable).
// loses: is not linearizable
export function sequentialNotLinearizable() {
  return [
    { client: 'writer', call: 0, ret: 4, input: { kind: 'write', value: 1 }, output: {} },
    { client: 'reader', call: 2, ret: 3, input: { kind: 'read' }, output: { value: null } },
  ];
}
