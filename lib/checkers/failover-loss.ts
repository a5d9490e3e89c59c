import { isReplicaWrite, isSaved } from '../protocols/replication/primary-backup';
import type { TraceEvent } from '../world/trace';

/** What a failover to the backup would lose at the end of a run: writes the client was told were saved that the backup never logged. */
export interface FailoverLoss {
  /** Writes the client heard "saved" for. */
  readonly saved: number[];
  readonly onMaster: number[];
  readonly onBackup: number[];
  /** Saved, yet not on the backup: gone if the backup takes over now. */
  readonly lost: number[];
}

/**
 * Reads a `primaryBackup` run's trace: what the client was told, what each replica logged, and
 * what promoting the backup at the end of the run would lose.
 * @example failoverLoss(simulate({ protocol: primaryBackup(), voters: 2 })).lost // []
 */
export function failoverLoss(run: { readonly trace: readonly TraceEvent[] }): FailoverLoss {
  const saved: number[] = [];
  const onMaster: number[] = [];
  const onBackup: number[] = [];
  for (const e of run.trace) {
    if (e.kind === 'deliver' && e.node === 'coordinator' && isSaved(e.message)) saved.push(e.message.n);
    if (e.kind === 'log' && e.node === 'v1' && isReplicaWrite(e.record)) onMaster.push(e.record.n);
    if (e.kind === 'log' && e.node === 'v2' && isReplicaWrite(e.record)) onBackup.push(e.record.n);
  }
  return { saved, onMaster, onBackup, lost: saved.filter((n) => !onBackup.includes(n)) };
}
