import type { Decision, NodeId } from '../protocols/role';
import { judgeOf } from './judges';
import { finalStatus } from './termination';
import { VERDICTS, type Judged, type Verdict } from './types';

/** The facts a verdict needs: who the voters are, who is up, who decided what, and whether both decisions were ever taken. */
export interface Outcome {
  readonly voters: readonly NodeId[];
  readonly up: Readonly<Record<NodeId, boolean>>;
  readonly decisions: Readonly<Record<NodeId, Decision | null>>;
  readonly everCommitted: boolean;
  readonly everAborted: boolean;
  /** The verdict of the protocol's own checker, when it brings one: it is the verdict. */
  readonly judged?: Verdict;
}

/**
 * The verdict of a run. A protocol that brings its own checker (the lease lock's
 * `lockSafety`: `safe` / `unsafe`) is judged by it; a commit protocol's run is:
 * - `inconsistent` if any node decided commit and any node decided abort (crashed nodes included);
 * - else `committed` / `aborted` if every voter that is up at the end decided that way;
 * - else `blocked`.
 * If no voter is up at the end, every voter is judged by its durable decision,
 * and an undecided one makes the run blocked.
 */
export function verdictOf(o: Outcome): Verdict {
  if (o.judged !== undefined) return o.judged;
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
 * Every verdict a run of this protocol can get: its own checker's, or the four commit verdicts.
 * @example verdictsOf('leaseLock') // ['safe', 'unsafe']
 */
export function verdictsOf(protocol: string): readonly Verdict[] {
  return judgeOf(protocol)?.verdicts ?? VERDICTS;
}

/** A zero count for each verdict a run of this protocol can get, in that order. */
export function zeroCounts(protocol: string): Record<Verdict, number> {
  const counts: Partial<Record<Verdict, number>> = {};
  for (const v of verdictsOf(protocol)) counts[v] = 0;
  return counts as Record<Verdict, number>;
}

/**
 * The verdict of a run from its trace alone (it agrees with `run.verdict`).
 * @example verdict(simulate({ protocol: twoPhaseCommit() })) // 'committed'
 */
export function verdict(run: Judged): Verdict {
  const judge = run.scenario ? judgeOf(run.scenario.protocol.name) : undefined;
  if (judge !== undefined) return judge.verdict(run);
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
