import type { NodeId } from '../protocols/role';
import type { TraceEvent } from '../world/trace';

/** What a checker reads: a run's trace, and who the voters were. A `Run` is one. */
export interface Judged {
  readonly trace: readonly TraceEvent[];
  readonly voters: readonly NodeId[];
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

export type Verdict = 'committed' | 'aborted' | 'blocked' | 'inconsistent';

/** The four verdicts in the order charts stack them and colour them. */
export const VERDICTS: readonly Verdict[] = ['committed', 'aborted', 'blocked', 'inconsistent'];
