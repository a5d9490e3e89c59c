import type { TraceEvent } from '../world/trace';

/** What a run spent: messages by type, and log writes forced to disk or left lazy in the buffer. */
export interface Costs {
  /** Messages sent, each counted once whether or not it arrived. */
  readonly messages: number;
  /** Messages sent, by type, e.g. `{ prepare: 3, vote: 3, commit: 3, ack: 3 }`. */
  readonly byType: Readonly<Record<string, number>>;
  /** `ack` messages sent: the price of a coordinator that must know everyone has the outcome. */
  readonly acks: number;
  /** Log writes the node waited for (a disk force) before going on. */
  readonly forcedWrites: number;
  /** Log writes left in the buffer (records marked `forced: false`), reaching disk with the next force. */
  readonly lazyWrites: number;
}

/**
 * Counts what a run spent, read off its trace: messages by type, acks, and forced
 * against lazy log writes. A log record is forced unless it says `forced: false`,
 * which is how the presumed-abort and presumed-commit variants of 2PC mark the
 * writes they need not wait for (Mohan, Lindsay and Obermarck 1986 compare the three
 * protocols on the same counts in the table that closes §4).
 *
 * @example
 * costs(simulate({ protocol: twoPhaseCommit(), voters: 3 }));
 * // { messages: 12, byType: { prepare: 3, vote: 3, commit: 3, ack: 3 }, acks: 3, forcedWrites: 7, lazyWrites: 0 }
 */
export function costs(run: { readonly trace: readonly TraceEvent[] }): Costs {
  const byType: Record<string, number> = {};
  let messages = 0;
  let forcedWrites = 0;
  let lazyWrites = 0;
  for (const e of run.trace) {
    if (e.kind === 'send') {
      messages++;
      byType[e.message.type] = (byType[e.message.type] ?? 0) + 1;
    } else if (e.kind === 'log') {
      if (e.record.forced === false) lazyWrites++;
      else forcedWrites++;
    }
  }
  return { messages, byType, acks: byType.ack ?? 0, forcedWrites, lazyWrites };
}
