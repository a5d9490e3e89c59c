import type { LogRecord, NodeId } from '../protocols/role';
import type { TraceEvent } from '../world/trace';

/** What a checker reads: a run's trace, and who the voters were. A `Run` is one. */
export interface Judged {
  readonly trace: readonly TraceEvent[];
  readonly voters: readonly NodeId[];
  /** The scenario, when known: `verdict` reads its protocol to find a protocol's own checker. */
  readonly scenario?: { readonly protocol: { readonly name: string } };
}

/** A checker's finding: whether the property holds, and if not, who broke it and where. */
export interface Check {
  readonly ok: boolean;
  /** The nodes that break the property (empty when it holds). */
  readonly nodes: readonly NodeId[];
  /** The event at which it broke, or null. */
  readonly event: TraceEvent | null;
  /** One sentence a notebook can show. */
  readonly why: string;
}

/** How a commit protocol's run ends. */
export type CommitVerdict = 'committed' | 'aborted' | 'blocked' | 'inconsistent';

/** How a run of a lock ends: did the store it protects ever take a stale holder's write over a newer one's? */
export type LockVerdict = 'safe' | 'unsafe';

export type Verdict = CommitVerdict | LockVerdict;

/** The four commit verdicts in the order charts stack them and colour them. */
export const VERDICTS: readonly CommitVerdict[] = ['committed', 'aborted', 'blocked', 'inconsistent'];

/** The lock verdicts, in the same spirit. */
export const LOCK_VERDICTS: readonly LockVerdict[] = ['safe', 'unsafe'];

/**
 * One world state as the model checker (`check`) sees it: no trace, no clock, only each
 * node's state name, whether it is up, and its durable log.
 */
export interface StateView {
  readonly nodes: Readonly<Record<NodeId, { readonly state: string; readonly up: boolean; readonly log: readonly LogRecord[] }>>;
}

/** A named predicate over one world state: what the model checker tests at every state it reaches. */
export interface StateInvariant {
  readonly name: string;
  holds(world: StateView): boolean;
}
