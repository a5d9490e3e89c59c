// @ts-nocheck (graded as exercises/10-queue.ts, where ../lib resolves)
// A plausible wrong answer to 10-queue: step changes the array it is given instead of returning a new one.
// loses: starts empty: a deq answers null, an enq is always legal, and step leaves the given state alone
// loses: gives Herlihy and Wing's kind of fig. 1 queue histories their verdicts under linearizable
// loses: agrees with the reference queue on 150 random histories of up to seven operations
export function queueModel() {
  const empty = [];
  return {
    name: 'queue',
    init: () => empty,
    step(state, input, output) {
      const unknown = output == null || output.unknown === true;
      if (input.kind === 'enq') {
        state.push(input.value);
        return [true, state];
      }
      const head = state.length === 0 ? null : state[0];
      return [unknown || output.value === head, state.slice(1)];
    },
    equal: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  };
}
