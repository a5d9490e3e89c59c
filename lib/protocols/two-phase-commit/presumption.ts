import type { Decision, LogRecord } from '../role';
import type { DecisionRecord } from './messages';

/**
 * What a 2PC node takes to be the outcome of a transaction it has no record of.
 *
 * - `none`: plain 2PC (Mohan, Lindsay and Obermarck 1986, §2.1 "2P Under Normal
 *   Operation"). Every decision is force-logged by the coordinator and by each voter,
 *   and acknowledged, so the coordinator keeps its record until every voter has the
 *   outcome. (Already there, §2.2, a coordinator asked about a transaction it has no
 *   information on answers abort: it can only have been undecided.)
 * - `abort` (presumed abort, same paper, §3 "The Presumed Abort Protocol"): aborts are neither
 *   force-logged nor acknowledged, and the coordinator forgets an aborted transaction at once; asked about a transaction it has no record
 *   of, it answers abort.
 * - `commit` (presumed commit, same paper, §4 "The Presumed Commit Protocol"): commits are
 *   neither acknowledged nor force-logged by voters; no record means commit. To make
 *   that safe the coordinator force-logs a collecting record, naming the voters,
 *   before any prepare leaves.
 */
export type Presumption = 'none' | 'abort' | 'commit';

export const PRESUMPTIONS: readonly Presumption[] = ['none', 'abort', 'commit'];

/** The outcome presumed when no record is found; `null` for plain 2PC. */
export function presumedOutcome(presumption: Presumption): Decision | null {
  return presumption === 'none' ? null : presumption;
}

/**
 * Whether a voter must force-log this outcome and acknowledge it. The presumed outcome
 * needs neither: if the record is lost in a crash, or the coordinator has forgotten,
 * the presumption gives the same answer (Mohan et al. §3 and §4).
 */
export function mustForceAndAck(presumption: Presumption, decision: Decision): boolean {
  return presumedOutcome(presumption) !== decision;
}

/** A decision record; a lazy one (`forced: false`) sits in the log buffer until the next forced write. */
export function decisionRecord(decision: Decision, forced: boolean): DecisionRecord {
  return forced ? { type: decision } : { type: decision, forced: false };
}

/** Whether a record was forced to stable storage before the node went on (records say so unless they are lazy). */
export function isForced(record: LogRecord): boolean {
  return record.forced !== false;
}

/**
 * The part of a log a recovering node may count on. A lazy write is buffered: it reaches
 * the disk only with the next forced write, so a crash may lose it. The world keeps every
 * record; recovery reads the worst case, in which the buffer was lost: everything up to
 * the last forced record, and nothing after it.
 */
export function survivingRecords<R extends LogRecord>(log: readonly R[]): readonly R[] {
  let end = log.length;
  while (end > 0 && !isForced(log[end - 1])) end--;
  return end === log.length ? log : log.slice(0, end);
}
