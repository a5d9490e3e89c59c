import type { TraceEvent } from '../world/trace';

/**
 * What a run cost, counted the way Gray and Lamport count the normal case of a commit
 * protocol ("Consensus on Transaction Commit", ACM TODS 2006, sections 3.2, 4.3 and 5):
 * messages between machines, message delays until every voter knows the outcome, and
 * writes to stable storage with the write delays on the way to the outcome.
 */
export interface CommitCost {
  /** Every message sent over the network. */
  readonly messages: number;
  /** The messages sent before the outcome: all but those a voter sends once it has decided (2PC's and 3PC's acks). */
  readonly messagesToOutcome: number;
  /** The longest chain of messages, each sent after the one before arrived, that ends at a voter's decision. */
  readonly messageDelays: number;
  /** Stable-storage (log) writes, except a voter's record of the outcome it was told, which every protocol writes alike. */
  readonly writes: number;
  /** The longest chain of those writes, each after the one before it in causal order, that ends at a voter's decision. */
  readonly writeDelays: number;
}

const isVoter = (node: string) => node.charCodeAt(0) === 118; /* v */

/**
 * The normal-case cost of a run, read from its trace: run a fault-free scenario and pass
 * its trace. Delays are counted along causal chains (send to delivery), not on the clock,
 * so a slow link does not change them.
 *
 * @example
 * commitCost(simulate({ protocol: twoPhaseCommit(), voters: 3 }).trace);
 * // { messages: 12, messagesToOutcome: 9, messageDelays: 3, writes: 4, writeDelays: 2 }
 */
export function commitCost(trace: readonly TraceEvent[]): CommitCost {
  const hops = new Map<string, number>();
  const writes = new Map<string, number>();
  const sent = new Map<number, { hops: number; writes: number }>();
  const decided = new Set<string>();
  let messages = 0;
  let toOutcome = 0;
  let logWrites = 0;
  let messageDelays = 0;
  let writeDelays = 0;
  for (const e of trace) {
    switch (e.kind) {
      case 'send':
        messages++;
        if (!(isVoter(e.node) && decided.has(e.node))) toOutcome++;
        sent.set(e.id, { hops: (hops.get(e.node) ?? 0) + 1, writes: writes.get(e.node) ?? 0 });
        break;
      case 'deliver': {
        const m = sent.get(e.id);
        if (m === undefined) break;
        hops.set(e.node, Math.max(hops.get(e.node) ?? 0, m.hops));
        writes.set(e.node, Math.max(writes.get(e.node) ?? 0, m.writes));
        break;
      }
      case 'log':
        if (isVoter(e.node) && (e.record.type === 'commit' || e.record.type === 'abort')) break;
        logWrites++;
        writes.set(e.node, (writes.get(e.node) ?? 0) + 1);
        break;
      case 'decide':
        if (!isVoter(e.node)) break;
        decided.add(e.node);
        messageDelays = Math.max(messageDelays, hops.get(e.node) ?? 0);
        writeDelays = Math.max(writeDelays, writes.get(e.node) ?? 0);
        break;
      default:
        break;
    }
  }
  return { messages, messagesToOutcome: toOutcome, messageDelays, writes: logWrites, writeDelays };
}
