// Lesson 02's answer to the readers' question "why not write only to the master and resync the
// backup later?": asynchronous and semi-synchronous replication, catch-up, and what a failover
// loses (DDIA ch. 5, "Synchronous Versus Asynchronous Replication"; MySQL's semi-synchronous
// replication for the fallback).
import { describe, expect, it } from 'vitest';
import { at, crash, failoverLoss, primaryBackup, recover, simulate } from '../lib';

const backupDown = [crash('v2', at(0)), recover('v2', at(15))];
const backupDownThenMasterDies = (t: number) => [crash('v2', at(0)), crash('v1', at(t))];

describe('primaryBackup: the client writes to the master only', () => {
  it('with nothing failing, every write ends on both replicas, in both modes', () => {
    for (const mode of ['async', 'semiSync'] as const) {
      expect(failoverLoss(simulate({ protocol: primaryBackup({ mode }), voters: 2 }))).toEqual({
        saved: [1, 2, 3],
        onMaster: [1, 2, 3],
        onBackup: [1, 2, 3],
        lost: [],
      });
    }
  });

  it('a backup that was down catches up when it comes back, by asking for what it missed', () => {
    const run = simulate({ protocol: primaryBackup(), voters: 2, faults: backupDown });
    expect(failoverLoss(run).onBackup).toEqual([1, 2, 3]);
    expect(run.trace.some((e) => e.kind === 'send' && e.node === 'v2' && e.message.type === 'catchUp' && e.message.n === 1)).toBe(true);
  });

  it('async: a failover while the backup lags loses writes the client was told were saved', () => {
    expect(failoverLoss(simulate({ protocol: primaryBackup(), voters: 2, faults: backupDownThenMasterDies(6) })).lost).toEqual([1, 2, 3]);
  });

  it('semi-sync: while it still waits for the backup, the client has been told nothing, so a failover loses nothing it confirmed', () => {
    const loss = failoverLoss(simulate({ protocol: primaryBackup({ mode: 'semiSync' }), voters: 2, faults: backupDownThenMasterDies(6) }));
    expect(loss.saved).toEqual([]);
    expect(loss.lost).toEqual([]);
  });

  it('semi-sync: once it has fallen back to async, a failover loses what async loses', () => {
    const loss = failoverLoss(simulate({ protocol: primaryBackup({ mode: 'semiSync' }), voters: 2, faults: backupDownThenMasterDies(14) }));
    expect(loss.lost).toEqual([1, 2, 3]);
  });

  it('semi-sync with a fallback longer than the outage answers only after the backup is back', () => {
    const run = simulate({ protocol: primaryBackup({ mode: 'semiSync', fallback: 100 }), voters: 2, faults: backupDown });
    const firstSaved = run.trace.find((e) => e.kind === 'deliver' && e.node === 'coordinator' && e.message.type === 'saved');
    expect(firstSaved!.t).toBeGreaterThan(15);
    expect(failoverLoss(run).lost).toEqual([]);
  });
});
