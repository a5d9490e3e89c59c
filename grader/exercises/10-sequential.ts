import { linearizable, register, validateHistory, type History } from '../../lib/linearizability/index';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';

const MAX_OPERATIONS = 8;

/** Null if `o` is a history of the kind the puzzle asks for, else what is wrong with it. */
export function shapeProblem(o: unknown): string | null {
  try {
    validateHistory(o);
  } catch (e) {
    return `not a valid history: ${(e as Error).message}`;
  }
  const h = o;
  if (h.length === 0 || h.length > MAX_OPERATIONS) return `give 1 to ${MAX_OPERATIONS} operations; got ${h.length}`;
  for (const [i, op] of h.entries()) {
    const input = op.input as { kind?: unknown } | null;
    if (!input || (input.kind !== 'read' && input.kind !== 'write'))
      return `operation ${i}: the input must be { kind: 'read' } or { kind: 'write', value }; got ${preview(op.input)}`;
    if (op.ret === Infinity) return `operation ${i}: every operation must be answered (no ret: Infinity)`;
    const output = op.output as { value?: unknown } | null;
    if (input.kind === 'read' && (!output || typeof output !== 'object' || !('value' in output)))
      return `operation ${i}: a read answers { value }; got ${preview(op.output)}`;
  }
  const clients = new Set(h.map((op) => op.client));
  if (clients.size !== 2) return `use exactly two clients; got ${clients.size} (${[...clients].join(', ')})`;
  // A client does one thing at a time: each of its operations returns before its next is called.
  for (const [i, a] of h.entries()) {
    for (const [j, b] of h.entries()) {
      if (i < j && a.client === b.client && !(a.ret < b.call || b.ret < a.call))
        return (
          `operations ${i} and ${j} of client ${String(a.client)} overlap in time: ` +
          'a client must wait for an answer before its next call'
        );
    }
  }
  return null;
}

/**
 * Sequential consistency (Lamport 1979), by search: some interleaving of the clients' own
 * sequences, each kept in call order, that a single register answers as the history shows.
 */
export function sequentiallyConsistent(h: History): boolean {
  const model = register();
  const clients = [...new Set(h.map((op) => op.client))];
  const sequences = clients.map((c) => h.filter((op) => op.client === c).sort((a, b) => a.call - b.call));
  const seen = new Set<string>();
  const go = (positions: number[], state: unknown): boolean => {
    if (positions.every((p, k) => p === sequences[k].length)) return true;
    const key = `${positions.join(',')}|${JSON.stringify(state)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return sequences.some((seq, k) => {
      if (positions[k] === seq.length) return false;
      const op = seq[positions[k]];
      const [legal, after] = model.step(state, op.input as never, op.output as never);
      if (!legal) return false;
      const next = [...positions];
      next[k]++;
      return go(next, after);
    });
  };
  return go(
    sequences.map(() => 0),
    model.init(),
  );
}

export const exercise: ExerciseSpec = {
  id: '10-sequential',
  lesson: '10',
  title: 'a history that is sequentially consistent but not linearizable',
  tests: [
    {
      name: "is a register history of two clients and at most eight answered operations, each client's one after another",
      points: 1,
      judge: shapeProblem,
    },
    {
      name: 'is not linearizable',
      points: 1,
      judge: (o) => {
        const shape = shapeProblem(o);
        if (shape) return shape;
        const result = linearizable(o as History, register());
        return result.verdict === 'not linearizable'
          ? null
          : `linearizable(history, register()) says ${result.verdict}: put an operation that returned before another ` +
              'was called where real time would force it to be seen';
      },
    },
    {
      name: "is sequentially consistent: one order keeps each client's own order and gives every answer",
      points: 2,
      judge: (o) => {
        const shape = shapeProblem(o);
        if (shape) return shape;
        return sequentiallyConsistent(o as History)
          ? null
          : "no order of the operations that keeps each client's own order gives these answers: " +
              'some read returns a value no single register could return there ' +
              '(for instance a value never written, or a client going back to an older value than one it saw)';
      },
    },
  ],
};
