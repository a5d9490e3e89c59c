import type { Decision, NodeId } from '../protocols/role';
import { finalStatus } from './termination';
import type { Judged, Verdict } from './types';

/** The facts a verdict needs: who the voters are, who is up, who decided what, and whether both decisions were ever taken. */
export interface Outcome {
  readonly voters: readonly NodeId[];
  readonly up: Readonly<Record<NodeId, boolean>>;
  readonly decisions: Readonly<Record<NodeId, Decision | null>>;
  readonly everCommitted: boolean;
  readonly everAborted: boolean;
}

/**
 * The verdict of a run:
 * - `inconsistent` if any node decided commit and any node decided abort (crashed nodes included);
 * - else `committed` / `aborted` if every voter that is up at the end decided that way;
 * - else `blocked`.
 * If no voter is up at the end, every voter is judged by its durable decision,
 * and an undecided one makes the run blocked.
 */
export function verdictOf(o: Outcome): Verdict {
  if (o.everCommitted && o.everAborted) return 'inconsistent';
  const upVoters = o.voters.filter((v) => o.up[v] !== false);
  const judged = upVoters.length > 0 ? upVoters : o.voters;
  let commits = 0;
  let aborts = 0;
  for (const v of judged) {
    const d = o.decisions[v];
    if (d === 'commit') commits++;
    else if (d === 'abort') aborts++;
  }
  if (commits === judged.length) return 'committed';
  if (aborts === judged.length) return 'aborted';
  return 'blocked';
}

/**
 * The verdict of a run from its trace alone (it agrees with `run.verdict`).
 * @example verdict(simulate({ protocol: twoPhaseCommit() })) // 'committed'
 */
export function verdict(run: Judged): Verdict {
  const { up, decided } = finalStatus(run);
  let everCommitted = false;
  let everAborted = false;
  for (const e of run.trace) {
    if (e.kind !== 'decide') continue;
    if (e.decision === 'commit') everCommitted = true;
    else everAborted = true;
  }
  const upRecord: Record<NodeId, boolean> = {};
  const decisions: Record<NodeId, Decision | null> = {};
  for (const v of run.voters) {
    upRecord[v] = up.get(v) !== false;
    decisions[v] = decided.get(v) ?? null;
  }
  return verdictOf({ voters: run.voters, up: upRecord, decisions, everCommitted, everAborted });
}
