// Sweeps (issue 11; docs/DESIGN.md, "Traces" and "Charts"): many seeded runs summed into plain rows,
// the data of the outcome charts that show 2PC trading availability for consistency (DDIA ch. 9).
import { describe, expect, it } from 'vitest';
import { afterSend, crash, protocolLabel, ScenarioError, simulate, sweep, twoPhaseCommit, VERDICTS, type Scenario } from '../lib';

describe('sweep()', () => {
  const base: Scenario = { protocol: twoPhaseCommit(), voters: 3, horizon: 200 };

  it('returns one row per combination, first key slowest, each summing to the number of seeds', () => {
    const rows = sweep({
      base,
      vary: { protocol: [twoPhaseCommit(), twoPhaseCommit({ termination: 'cooperative' })], 'network.loss': [0, 0.1, 0.3] },
      seeds: 40,
    });
    expect(rows.map((r) => [r.protocol, r['network.loss']])).toEqual([
      ['twoPhaseCommit (wait)', 0], ['twoPhaseCommit (wait)', 0.1], ['twoPhaseCommit (wait)', 0.3],
      ['twoPhaseCommit (cooperative)', 0], ['twoPhaseCommit (cooperative)', 0.1], ['twoPhaseCommit (cooperative)', 0.3],
    ]);
    for (const row of rows) {
      expect(row.runs).toBe(40);
      expect(VERDICTS.reduce((sum, v) => sum + row[v], 0)).toBe(40);
      expect(VERDICTS.reduce((sum, v) => sum + (row[`${v}Share`]), 0)).toBeCloseTo(1, 12);
    }
  });

  it('agrees with simulate run by run: same verdict counts and mean counters', () => {
    const [row] = sweep({ base, vary: { 'network.loss': [0.2] }, seeds: [3, 5, 8, 13, 21] });
    const runs = [3, 5, 8, 13, 21].map((seed) => simulate({ ...base, network: { loss: 0.2 }, seed }));
    for (const v of VERDICTS) expect(row[v]).toBe(runs.filter((r) => r.verdict === v).length);
    expect(row.meanMessages).toBeCloseTo(runs.reduce((s, r) => s + r.stats.messagesSent, 0) / 5, 12);
    expect(row.meanLogWrites).toBeCloseTo(runs.reduce((s, r) => s + r.stats.logWrites, 0) / 5, 12);
    expect(row.meanDuration).toBeCloseTo(runs.reduce((s, r) => s + r.stats.duration, 0) / 5, 12);
  });

  it('is deterministic: the same options give the same rows', () => {
    const options = { base, vary: { 'network.loss': [0.1, 0.2], 'protocol.timeout': [5, 20] }, seeds: 30 };
    expect(sweep(options)).toEqual(sweep(options));
  });

  it('shows 2PC blocking, never inconsistent, when the coordinator crashes after its first commit (article fig. 3)', () => {
    const rows = sweep({
      base: { ...base, faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' }))] },
      vary: { 'network.loss': [0, 0.1] },
      seeds: 50,
    });
    expect(rows[0].blocked).toBe(50);
    for (const row of rows) expect(row.inconsistent).toBe(0);
  });

  it('varies protocol options, votes and the number of voters', () => {
    const rows = sweep({ base, vary: { voters: [2, 5], 'votes.v2': ['yes', 'no'], 'protocol.timeout': [3] }, seeds: 5 });
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.committed)).toEqual([5, 0, 5, 0]);
    expect(rows.map((r) => r.aborted)).toEqual([0, 5, 0, 5]);
  });

  it('refuses a path that is no field of a scenario, naming it as vary.<path>', () => {
    expect(() => sweep({ base, vary: { 'network.lost': [0.1] } })).toThrow(ScenarioError);
    expect(() => sweep({ base, vary: { 'network.lost': [0.1] } })).toThrow(/^vary\.network\.lost: the network has no field 'lost'/);
    expect(() => sweep({ base, vary: { latency: [1] } })).toThrow(/^vary\.latency: a scenario has no field 'latency'; allowed: protocol/);
    expect(() => sweep({ base, vary: { 'protocol.retries': [1] } })).toThrow(
      /^vary\.protocol\.retries: twoPhaseCommit has no option 'retries'/,
    );
    expect(() => sweep({ base, vary: { 'votes.v9': ['no'] } })).toThrow(/^vary\.votes\.v9: 'v9' is not a voter/);
    expect(() => sweep({ base, vary: { seed: [1, 2] } })).toThrow(/^vary\.seed: seeds are swept by the `seeds` option/);
  });

  it('refuses a bad value by its place in the list, and a bad seed count, before running anything', () => {
    expect(() => sweep({ base, vary: { 'network.loss': [0, 1.5] } })).toThrow(/^vary\.network\.loss\[1\]: network\.loss: /);
    expect(() => sweep({ base, vary: { 'network.loss': [] } })).toThrow(/^vary\.network\.loss: expected a non-empty array/);
    expect(() => sweep({ base, seeds: 0 })).toThrow(/^seeds: /);
    expect(() => sweep({ base: { ...base, voters: 0 } })).toThrow(/^voters: /);
  });

  it('labels a protocol by its name and the options in which it differs from the others shown', () => {
    const wait = twoPhaseCommit();
    const slow = twoPhaseCommit({ timeout: 20 });
    expect(protocolLabel(wait)).toBe('twoPhaseCommit');
    expect(protocolLabel(wait, [wait, slow])).toBe('twoPhaseCommit (timeout 10)');
    expect(protocolLabel(twoPhaseCommit({ termination: 'cooperative' }), [wait, twoPhaseCommit({ termination: 'cooperative' })])).toBe(
      'twoPhaseCommit (cooperative)',
    );
  });
});
