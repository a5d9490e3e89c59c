import type { ExerciseSpec } from '../types';
import { arrayOf, isEnvelopeRow, type EnvelopeRow } from './judging';

const inputIds = Array.from({ length: 30 }, (_, i) => i);

/** The expected shape: original i (due at i + 1), then, if `copied`, its copy due 0 to 2 ticks later. */
function duplicated(rows: EnvelopeRow[], copied: (id: number) => boolean): string | null {
  let k = 0;
  for (const id of inputIds) {
    const original = rows[k++];
    if (!original || original.id !== id || original.copy || original.deliverAt !== id + 1) {
      return `envelope ${id} should come out as itself (id ${id}, copy false, deliverAt ${id + 1}) in its place; got ${JSON.stringify(original ?? 'nothing')}`;
    }
    if (!copied(id)) continue;
    const copy = rows[k++];
    if (!copy || copy.id !== id || !copy.copy) return `envelope ${id} should be followed at once by its copy (same id, copy: true); got ${JSON.stringify(copy ?? 'nothing')}`;
    if (copy.deliverAt < original.deliverAt || copy.deliverAt > original.deliverAt + 2) {
      return `the copy of envelope ${id} is due at ${copy.deliverAt}; it must arrive 0 to 2 ticks after the original (${original.deliverAt} to ${original.deliverAt + 2})`;
    }
  }
  if (k !== rows.length) return `${rows.length - k} envelope(s) more than expected came out: ${JSON.stringify(rows[k])}`;
  return null;
}

export const exercise: ExerciseSpec = {
  id: '01-duplicate',
  lesson: '01',
  title: 'write the duplicate link operator',
  tests: [
    {
      name: 'with p = 0 every envelope passes through once, unchanged',
      points: 1,
      judge: (o) => arrayOf(o, isEnvelopeRow) ?? duplicated(o as EnvelopeRow[], () => false),
    },
    {
      name: 'with p = 1 every envelope is followed by its copy, which shares its id and arrives 0 to 2 ticks later',
      points: 2,
      judge: (o) => arrayOf(o, isEnvelopeRow) ?? duplicated(o as EnvelopeRow[], () => true),
    },
    {
      name: 'an envelope already dropped by loss is never copied',
      points: 1,
      judge: (o) => {
        const bad = arrayOf(o, isEnvelopeRow);
        if (bad) return bad;
        const rows = o as EnvelopeRow[];
        if (rows.length !== 30) return `30 lost envelopes went in and ${rows.length} came out: a lost message must not be copied (check envelope.dropped first)`;
        return rows.every((r, i) => r.id === i && !r.copy && r.dropped !== null) ? null : 'each lost envelope should come out once, still dropped, and no copy';
      },
    },
  ],
};
