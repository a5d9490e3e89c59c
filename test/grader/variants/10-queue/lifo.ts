// @ts-nocheck (graded as exercises/10-queue.ts, where ../lib resolves)
// A plausible wrong answer to 10-queue: a stack, last in first out.
// loses: dequeues in first-in, first-out order
// loses: gives Herlihy and Wing's kind of fig. 1 queue histories their verdicts under linearizable
// loses: agrees with the reference queue on 150 random histories of up to seven operations
export function queueModel() {
  return {
    name: 'queue',
    init: () => [],
    step(state, input, output) {
      const unknown = output == null || output.unknown === true;
      if (input.kind === 'enq') return [true, [...state, input.value]];
      const top = state.length === 0 ? null : state[state.length - 1];
      return [unknown || output.value === top, state.slice(0, -1)];
    },
    equal: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  };
}
