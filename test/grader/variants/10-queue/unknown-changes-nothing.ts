// @ts-nocheck (graded as exercises/10-queue.ts, where ../lib resolves)
// A plausible wrong answer to 10-queue: an unknown dequeue is allowed but takes nothing out.
// loses: lets an unknown outcome match anything, and still take effect
// loses: agrees with the reference queue on 150 random histories of up to seven operations
export function queueModel() {
  return {
    name: 'queue',
    init: () => [],
    step(state, input, output) {
      if (output && output.unknown) return [true, input.kind === 'enq' ? [...state, input.value] : state];
      if (input.kind === 'enq') return [true, [...state, input.value]];
      const head = state.length === 0 ? null : state[0];
      return [output.value === head, state.slice(1)];
    },
    equal: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  };
}
