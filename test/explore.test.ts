// The explorer: every placement of a few faults at every trigger point of a run, each run
// through the simulator, equivalent placements pruned by the world's state, and the smallest
// scenario per bad verdict. Sources: the article (fig. 3 and 5), the lecture (3PC's timeouts),
// DDIA ch. 9 (2PC blocks but never disagrees; 3PC assumes bounded delays).
import { describe, expect, it, vi } from 'vitest';
import {
  catalogEntry,
  explore,
  exploreRows,
  EXPLORE_MAX_VOTERS,
  matrix,
  ScenarioError,
  simulate,
  threePhaseCommit,
  twoPhaseCommit,
  type ExploreResult,
  type Fault,
} from '../lib';

const faultKinds = (r: ExploreResult, verdict: 'blocked' | 'inconsistent') => r.smallest[verdict]?.faults?.map((f) => f.kind) ?? [];

describe('explore over 2PC (DDIA ch. 9; article fig. 3)', () => {
  const twoPC = explore({
    protocol: twoPhaseCommit(),
    voters: 3,
    faults: { kinds: { crash: 2, recover: 1, cut: 1 }, max: 3 },
    progress: false,
  });

  it('finds 2PC never inconsistent over every placement of up to three faults from 2 crashes, 1 recovery and 1 cut', () => {
    expect(twoPC.counts.inconsistent).toBe(0);
    expect(twoPC.smallest.inconsistent).toBeUndefined();
    expect(twoPC.counts.blocked).toBeGreaterThan(0);
    expect(twoPC.notReached).toBeUndefined();
    expect(twoPC.tried).toBe(twoPC.runs + twoPC.pruned);
    expect(twoPC.pruned).toBeGreaterThan(0);
    expect(twoPC.placements.length).toBe(twoPC.tried);
  });

  it('reaches the blocked run of 2pc/coordinator-and-voter-crash-in-commit, and a smaller one of one crash', () => {
    const fig3 = catalogEntry('2pc/coordinator-and-voter-crash-in-commit');
    const same = (a: Fault, b: Fault) =>
      a.kind === b.kind &&
      JSON.stringify({ ...a.when, nth: undefined, from: undefined }) === JSON.stringify({ ...b.when, nth: undefined, from: undefined }) &&
      (a as { node: string }).node === (b as { node: string }).node;
    const found = twoPC.placements.find((p) => p.faults.length === 2 && p.faults.every((f, i) => same(f, fig3.scenario.faults![i])));
    expect(found?.verdict).toBe('blocked');
    // Fewer faults first: the coordinator crashing after one prepare already leaves v1 prepared for good.
    expect(twoPC.smallest.blocked!.faults!.length).toBeLessThanOrEqual(2);
    expect(faultKinds(twoPC, 'blocked')).toEqual(['crash']);
  });

  it('gives a smallest counterexample that replays to the same verdict through simulate, also as JSON', () => {
    const scenario = twoPC.smallest.blocked!;
    expect(simulate(scenario).verdict).toBe('blocked');
    expect(simulate(JSON.parse(JSON.stringify(scenario))).verdict).toBe('blocked');
  });

  it('prunes only placements whose full run ends the same way (every 25th pruned one, rerun in full)', () => {
    const pruned = twoPC.placements.filter((p) => p.pruned).filter((_, i) => i % 25 === 0);
    expect(pruned.length).toBeGreaterThan(10);
    for (const p of pruned) expect(simulate({ protocol: twoPhaseCommit(), voters: 3, faults: p.faults }).verdict).toBe(p.verdict);
  });

  it('gives the same answer when called twice', () => {
    const again = explore({ protocol: twoPhaseCommit(), voters: 3, faults: { kinds: ['crash'], max: 2 }, progress: false });
    const once = explore({ protocol: twoPhaseCommit(), voters: 3, faults: { kinds: ['crash'], max: 2 }, progress: false });
    expect(again.counts).toEqual(once.counts);
    expect(again.smallest).toEqual(once.smallest);
    expect(again.placements).toEqual(once.placements);
  });

  it('explores each seed of a lossy network, prunes nothing there (the draws are not in the fingerprint), and keeps the seed in the scenario', () => {
    const r = explore({
      protocol: twoPhaseCommit(),
      voters: 3,
      network: { loss: 0.1, delay: [1, 3] },
      seeds: [1, 2],
      faults: { kinds: ['crash'], max: 1 },
      progress: false,
    });
    expect(r.pruned).toBe(0);
    expect(r.placements.filter((p) => p.faults.length === 0)).toHaveLength(2);
    const blocked = r.smallest.blocked!;
    expect([1, 2]).toContain(blocked.seed);
    expect(simulate(blocked).verdict).toBe('blocked');
  });

  it('stops cleanly at its limit and says what it did not reach', () => {
    const capped = explore({
      protocol: twoPhaseCommit(),
      voters: 3,
      faults: { kinds: ['crash', 'cut'], max: 2 },
      limit: 50,
      progress: false,
    });
    expect(capped.tried).toBe(50);
    expect(capped.notReached?.placements).toBeGreaterThan(0);
    expect(capped.notReached?.why).toMatch(/limit of 50/);
  });
});

describe("explore over 3PC (the lecture's timeouts; the article's termination protocol, fig. 5)", () => {
  it("finds an inconsistent run of 3PC under 'timeouts' with one fault, which replays", () => {
    const r = explore({
      protocol: threePhaseCommit({ termination: 'timeouts' }),
      voters: 3,
      faults: { kinds: ['crash', 'cut', 'partition'], max: 1 },
      progress: false,
    });
    expect(r.smallest.inconsistent!.faults!.length).toBe(1);
    expect(simulate(r.smallest.inconsistent!).verdict).toBe('inconsistent');
  });

  it("finds no inconsistent and no blocked run of 3PC under 'elect' with one crash", () => {
    const r = explore({
      protocol: threePhaseCommit({ termination: 'elect' }),
      voters: 3,
      faults: { kinds: ['crash'], max: 1 },
      progress: false,
    });
    expect(r.counts.inconsistent).toBe(0);
    expect(r.counts.blocked).toBe(0);
  });

  it("finds 3PC under 'elect' inconsistent with one partition (article fig. 5), which replays", () => {
    const r = explore({
      protocol: threePhaseCommit({ termination: 'elect' }),
      voters: 3,
      faults: { kinds: ['partition'], max: 1 },
      progress: false,
    });
    expect(faultKinds(r, 'inconsistent')).toEqual(['partition']);
    expect(simulate(r.smallest.inconsistent!).verdict).toBe('inconsistent');
  });

  it("finds 3PC under 'elect' consistent after any one crash and recovery (whoever comes back asks), but inconsistent with a paused coordinator", () => {
    // Skeen 1981; Bernstein, Hadzilacos and Goodman sec. 7.5: the yes vote and the preCommit are
    // logged, and a node that recovers without an outcome asks. A pause is no crash: nothing recovers.
    const recovery = explore({
      protocol: threePhaseCommit({ termination: 'elect' }),
      voters: 3,
      faults: { kinds: { crash: 1, recover: 1 } },
      progress: false,
    });
    expect(recovery.tried).toBeGreaterThan(50);
    expect(recovery.counts.inconsistent).toBe(0);
    const slowNode = explore({
      protocol: threePhaseCommit({ termination: 'elect' }),
      voters: 3,
      faults: { kinds: ['pause'], max: 1 },
      progress: false,
    });
    expect(faultKinds(slowNode, 'inconsistent')).toEqual(['pause']);
    expect(simulate(slowNode.smallest.inconsistent!).verdict).toBe('inconsistent');
  });

  it("with Skeen's rule (a missing preCommitAck means commit), crashes alone never split 3PC under 'elect'", () => {
    const r = explore({
      protocol: threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'commit' }),
      voters: 3,
      faults: { kinds: ['crash'], max: 2 },
      progress: false,
    });
    expect(r.counts.inconsistent).toBe(0);
    expect(r.counts.blocked).toBe(0);
  });
});

describe('explore: rows for the matrix chart, and bad input', () => {
  it('turns placements into { placement, protocol, verdict } rows that matrix draws', () => {
    const results = [twoPhaseCommit(), threePhaseCommit()].map((protocol) =>
      explore({ protocol, voters: 3, faults: { kinds: ['crash'], max: 1 }, progress: false }),
    );
    const rows = exploreRows(results);
    expect(rows.length).toBe(
      results.reduce((n, r) => n + new Set(r.placements.filter((p) => p.faults.length === 1).map((p) => JSON.stringify(p.faults))).size, 0),
    );
    expect(rows[0].placement).toBe('crash coordinator on its 1st entry into waiting');
    expect(rows[1].placement).toBe('crash coordinator after its 1st prepare to v1');
    expect(new Set(rows.map((r) => r.protocol))).toEqual(new Set(['twoPhaseCommit', 'threePhaseCommit']));
    expect(matrix(rows).description).toMatch(/x 2 protocols/);
  });

  it("prints no progress under vitest when progress is left at 'auto'", () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      explore({ protocol: twoPhaseCommit(), voters: 3, faults: { kinds: ['crash', 'cut'], max: 2 } });
      expect(log).not.toHaveBeenCalled();
      expect(err).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });

  it('refuses max below 0, an unknown fault kind and too many voters with a ScenarioError naming the field', () => {
    const bad = (options: Parameters<typeof explore>[0]) => () => explore({ ...options, progress: false });
    expect(bad({ protocol: twoPhaseCommit(), faults: { max: -1 } })).toThrow(ScenarioError);
    expect(bad({ protocol: twoPhaseCommit(), faults: { max: -1 } })).toThrow(/faults\.max/);
    expect(bad({ protocol: twoPhaseCommit(), faults: { kinds: ['meteor' as never] } })).toThrow(
      /faults\.kinds\[0\]: unknown fault kind "meteor"; allowed: crash, recover, cut, partition, pause, slow/,
    );
    expect(bad({ protocol: twoPhaseCommit(), voters: EXPLORE_MAX_VOTERS + 1 })).toThrow(ScenarioError);
    expect(bad({ protocol: twoPhaseCommit(), voters: EXPLORE_MAX_VOTERS + 1 })).toThrow(
      /voters: explore takes 1 to 5 voters \(EXPLORE_MAX_VOTERS\)/,
    );
  });
});
