import { expectedAvailability } from '../reference';
import { twoPhaseSweep } from '../worker/fixtures/sweep';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';

type Group = ReturnType<typeof expectedAvailability>[number];

/** Null if `o` lists the expected groups in order (shares within 1e-9), else the first difference. */
export function compareGroups(o: unknown, expected: readonly Group[]): string | null {
  if (!Array.isArray(o)) return `expected a list of groups, got ${preview(o)}`;
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i];
    const got = o[i] as Partial<Group> | undefined;
    if (!got || got.protocol !== want.protocol || got.loss !== want.loss) {
      return `group ${i} should be protocol ${want.protocol} at loss ${want.loss} (sorted by protocol, then loss); got ${preview(got)}`;
    }
    if (got.runs !== want.runs) return `${want.protocol} at loss ${want.loss} has ${want.runs} runs; you counted ${preview(got.runs)}`;
    if (typeof got.available !== 'number' || Math.abs(got.available - want.available) > 1e-9) {
      return `${want.protocol} at loss ${want.loss}: a share of ${want.available} of its runs was available (committed or aborted); you said ${preview(got.available)}`;
    }
  }
  return o.length === expected.length ? null : `expected ${expected.length} groups, got ${o.length}`;
}

export const exercise: ExerciseSpec = {
  id: '07-availability',
  lesson: '07',
  title: 'availability from sweep rows',
  tests: [
    {
      name: 'counts committed and aborted runs as available, blocked and inconsistent ones as not',
      points: 1,
      judge: (o) => compareGroups(o, [{ protocol: '2pc', loss: 0, runs: 4, available: 0.5 }]),
    },
    { name: 'groups a real 2PC sweep by protocol and loss, in order', points: 2, judge: (o) => compareGroups(o, expectedAvailability(twoPhaseSweep())) },
  ],
};
