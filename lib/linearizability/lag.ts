import { validateHistory } from './check';
import type { History } from './types';

/**
 * The anomalies of replication lag (DDIA ch. 5), each judged on a register history: what one
 * client sees against what it did or saw before. Values are assumed unique per key (each write
 * writes a value nobody else writes), so that a read's value names the write it came from; a
 * read of a value written twice is left alone. "Older" is meant for sure: value u is older than
 * value v when the write of u returned before the write of v was called (real time puts it
 * first in every order), or u is null, the value before any write.
 */
export interface LagViolation {
  /** The read that saw too old a value (an index into the history). */
  readonly read: number;
  /** The operation it contradicts: the client's own write, or its earlier read, or the cause. */
  readonly after: number;
  /** The write the read's value came from; absent when it read null (nothing written yet). */
  readonly source?: number;
  readonly why: string;
}

export interface LagResult {
  readonly ok: boolean;
  readonly violations: readonly LagViolation[];
}

// Any history: inputs and outputs are read as a register's (`RegisterInput`, `RegisterOutput`).
type RegisterHistory = History<any, any>;
const INITIAL = -1;

/** Whether an operation wrote: a write, or a CAS that succeeded. */
const wrote = (op: RegisterHistory[number]) => op.input.kind === 'write' || (op.input.kind === 'cas' && op.output?.ok === true);

/** Where each value on each key came from: a write's index, INITIAL for null, undefined if unknown or ambiguous. */
function sources(history: RegisterHistory) {
  const written = new Map<string, number>();
  const twice = new Set<string>();
  const id = (key: string | undefined, value: unknown) => `${key ?? ''}\u0000${JSON.stringify(value ?? null)}`;
  history.forEach((op, i) => {
    const value = op.input.kind === 'write' ? op.input.value : op.input.kind === 'cas' && op.output?.ok === true ? op.input.to : undefined;
    if (value === undefined) return;
    const k = id(op.input.key, value);
    if (written.has(k)) twice.add(k);
    written.set(k, i);
  });
  return (key: string | undefined, value: unknown): number | undefined => {
    const k = id(key, value);
    if (twice.has(k)) return undefined;
    if (written.has(k)) return written.get(k);
    return value === null || value === undefined ? INITIAL : undefined;
  };
}

/** Is write u surely older than write v? (INITIAL is older than any write.) */
function older(history: RegisterHistory, u: number, v: number): boolean {
  if (u === v || v === INITIAL) return false;
  if (u === INITIAL) return true;
  return history[u].ret < history[v].call;
}

/** Reads with a known value, each with the write it came from. */
function reads(history: RegisterHistory) {
  const from = sources(history);
  const out: { index: number; source: number }[] = [];
  history.forEach((op, i) => {
    if (op.input.kind !== 'read' || op.ret === Infinity || op.output?.unknown) return;
    const source = from(op.input.key, op.output?.value ?? null);
    if (source !== undefined) out.push({ index: i, source });
  });
  return out;
}

const named = (history: RegisterHistory, i: number) => `${history[i].client} ${history[i].input.kind}@${history[i].call}`;
const sourceField = (source: number) => (source === INITIAL ? {} : { source });
const valueOf = (history: RegisterHistory, i: number) => JSON.stringify(history[i].output?.value ?? null);

/**
 * Read-your-writes (read-after-write consistency, DDIA ch. 5): once a client's write has
 * returned, the client's later reads of that key see it or something newer, never an older value.
 * @example readYourWrites(history).violations // [{ read: 3, after: 1, source: 0, why: '...' }]
 */
export function readYourWrites(history: RegisterHistory): LagResult {
  validateHistory(history as unknown);
  const violations: LagViolation[] = [];
  for (const { index, source } of reads(history)) {
    const read = history[index];
    history.forEach((w, j) => {
      if (!wrote(w) || w.client !== read.client || w.input.key !== read.input.key || !(w.ret < read.call)) return;
      if (older(history, source, j)) {
        violations.push({
          read: index,
          after: j,
          ...sourceField(source),
          why: `${named(history, index)} read ${valueOf(history, index)}, older than its own ${named(history, j)}, which had returned`,
        });
      }
    });
  }
  return { ok: violations.length === 0, violations };
}

/**
 * Monotonic reads (DDIA ch. 5): a client that has seen a value never sees an older one after:
 * no moving back in time, as when successive reads go to replicas with different lag.
 */
export function monotonicReads(history: RegisterHistory): LagResult {
  validateHistory(history as unknown);
  const violations: LagViolation[] = [];
  const all = reads(history);
  for (const later of all) {
    for (const earlier of all) {
      const a = history[earlier.index];
      const b = history[later.index];
      if (a.client !== b.client || a.input.key !== b.input.key || !(a.ret < b.call)) continue;
      if (older(history, later.source, earlier.source)) {
        violations.push({
          read: later.index,
          after: earlier.index,
          ...sourceField(later.source),
          why:
            `${named(history, later.index)} read ${valueOf(history, later.index)} ` +
            `after its earlier read had seen the newer ${valueOf(history, earlier.index)}`,
        });
      }
    }
  }
  return { ok: violations.length === 0, violations };
}

/**
 * Consistent prefix reads (DDIA ch. 5): whoever sees the effect also sees its cause. If a write
 * W1 returned before a write W2 was called (W2 may depend on it: the answer after the question),
 * a client that has read W2's value must not then read, on W1's key, a value older than W1.
 * With several keys on several replicas (or partitions), a reader can otherwise see the answer
 * before the question.
 */
export function consistentPrefixReads(history: RegisterHistory): LagResult {
  validateHistory(history as unknown);
  const violations: LagViolation[] = [];
  const all = reads(history);
  for (const effect of all) {
    if (effect.source === INITIAL) continue;
    const seen = history[effect.source];
    for (const later of all) {
      const a = history[effect.index];
      const b = history[later.index];
      if (a.client !== b.client || !(a.ret < b.call)) continue;
      // Any write on b's key that surely came before the write whose effect was seen.
      history.forEach((cause, j) => {
        if (!wrote(cause) || cause.input.key !== b.input.key || !(cause.ret < seen.call)) return;
        if (older(history, later.source, j) && cause.input.key !== a.input.key) {
          violations.push({
            read: later.index,
            after: j,
            ...sourceField(later.source),
            why:
              `${named(history, later.index)} read ${valueOf(history, later.index)}, missing ${named(history, j)}, ` +
              `though it had already seen ${valueOf(history, effect.index)}, written after it`,
          });
        }
      });
    }
  }
  return { ok: violations.length === 0, violations };
}

/**
 * Stale reads, whoever wrote: reads that returned a value surely older than some write that
 * had already returned when the read was called. One copy of the data would never give one
 * (it is the plainest way a history fails to be linearizable), so their share measures how far
 * replication lag shows through. Each violation's `after` is the newest such write.
 * @example staleReads(historyOf(run)).violations.length // how many reads were stale
 */
export function staleReads(history: RegisterHistory): LagResult {
  validateHistory(history as unknown);
  const violations: LagViolation[] = [];
  for (const { index, source } of reads(history)) {
    const read = history[index];
    let newest = -1;
    history.forEach((w, j) => {
      if (!wrote(w) || w.input.key !== read.input.key || !(w.ret < read.call) || !older(history, source, j)) return;
      if (newest === -1 || w.ret > history[newest].ret) newest = j;
    });
    if (newest !== -1)
      violations.push({
        read: index,
        after: newest,
        ...sourceField(source),
        why: `${named(history, index)} read ${valueOf(history, index)}, though ${named(history, newest)} had returned before it was called`,
      });
  }
  return { ok: violations.length === 0, violations };
}
