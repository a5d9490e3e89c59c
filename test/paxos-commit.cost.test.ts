// Paxos Commit's normal-case cost against Gray and Lamport's own accounting ("Consensus on
// Transaction Commit", ACM TODS 31(1), 2006; MSR-TR-2003-96), sections 3.2 (the cost of
// Two-Phase Commit), 4.3 (the cost of Paxos Commit) and 5 (Paxos versus Two-Phase Commit,
// with its table of both protocols' costs), and the paper's flow under faults.
//
// What the paper counts, for N RMs and F faults tolerated (2F + 1 acceptors), fault-free:
// - 2PC, section 3.2: the first RM prepares and tells the TM, the TM sends Prepare to the
//   other N - 1, they answer Prepared, the TM sends Commit to all: 3N - 1 messages, four
//   message delays; with the TM on the first RM's node, "leaving 3N - 3 messages and three
//   message delays". Writes: the N RMs' prepare records and the TM's commit, N + 1.
// - Paxos Commit, section 4.3: the first RM's BeginCommit to the leader; Prepare to the other
//   N - 1; each RM's ballot-0 phase 2a to F + 1 acceptors only (the others are used only if
//   one of those fails); each acceptor bundles its phase 2b messages for all instances into
//   one, to the leader; the leader's Commit to every RM: (N + 1)(F + 3) - 2 messages and five
//   message delays. With the leader on the first RM's node and every acceptor on an RM's
//   node (N >= F), N(F + 3) - 3 messages. Writes: the N RMs' and the F + 1 acceptors',
//   N + F + 1, the acceptors' writes bundled too; no write by the leader.
// - Faster Paxos Commit (sections 4.3 and 5): the acceptors send their phase 2b messages to the RMs
//   directly, one message delay less, more messages.
// (The sentences in quotation marks below are the paper's as a reader's notes quote them; this
// kit could not reach the paper's PDF to check them word for word. The counts they give agree
// with each other and with the formulas above: 3N - 3 = 12 and N(F + 3) - 3 = 17 at N = 5, F = 1.)
// - Section 5: "Both algorithms have the same three stable storage write delays (two if all
//   RMs prepare concurrently)"; "for a transaction with 5 RMs, the Two-Phase Commit uses 12
//   messages, regular Paxos Commit uses 17, and Faster Paxos Commit uses 20 (with
//   co-location)"; "The Two-Phase Commit protocol is thus the degenerate case of the Paxos
//   Commit algorithm with a single acceptor."
//
// How the kit's run maps onto it: the kit's coordinator is the paper's first RM, the one
// that starts commit, on the TM's (leader's) node, holding no data of its own. So V voters
// are the paper's N = V + 1 RMs with co-location, less what that first RM would do for its
// own data: its BeginCommit and its Commit are intra-node anyway; its prepare write is
// gone; and in Paxos Commit its phase 2a to the F acceptors not on its node is gone. Every
// voter prepares when the coordinator's prepare arrives, so they prepare concurrently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterReceive,
  afterSend,
  agreement,
  at,
  catalogEntry,
  commitCost,
  compare,
  crash,
  cut,
  explain,
  onEnter,
  partition,
  pause,
  paxosCommit,
  recover,
  replayLine,
  ScenarioError,
  simulate,
  twoPhaseCommit,
  validateScenario,
  validity,
  type Fault,
  type Scenario,
  type Trigger,
} from '../lib';
import { faults, links, triggers } from './support/arbitraries';

/** The paper's figures for N RMs, F faults, with co-location (sections 3.2, 4.3, 5). */
const paper = {
  twoPC: (n: number) => ({ messages: 3 * n - 3, messageDelays: 3, writes: n + 1, writeDelays: 2 }),
  // Five delays less the intra-node BeginCommit; with F = 0 the one acceptor's phase 2b is intra-node too.
  paxos: (n: number, f: number) => ({ messages: n * (f + 3) - 3, messageDelays: f === 0 ? 3 : 4, writes: n + f + 1, writeDelays: 2 }),
};
/** The same figures for the kit's V voters: the paper's N = V + 1, less the first RM's own vote (see the header). */
const kit = {
  twoPC: (v: number) => ({ ...paper.twoPC(v + 1), writes: paper.twoPC(v + 1).writes - 1 }),
  paxos: (v: number, f: number) => ({
    ...paper.paxos(v + 1, f),
    messages: paper.paxos(v + 1, f).messages - f,
    writes: paper.paxos(v + 1, f).writes - 1,
  }),
};

const paperFlow = (acceptors: number, more: { fast?: boolean } = {}) =>
  paxosCommit({ acceptors, colocate: true, bundle: true, phase2a: 'majority', ...more });
const costOf = (scenario: Scenario) => {
  const run = simulate(scenario);
  expect(run.verdict).toBe('committed');
  return commitCost(run.trace);
};

describe("the paper's normal-case table (Gray and Lamport, sections 3.2, 4.3 and 5)", () => {
  it('the figures of section 5 for 5 RMs and F = 1: 12 messages for 2PC, 17 for Paxos Commit', () => {
    expect(paper.twoPC(5).messages).toBe(12);
    expect(paper.paxos(5, 1).messages).toBe(17);
  });

  it("4 voters (the paper's 5 RMs, one of them the coordinator) and F = 1: 2PC 12 messages before the acks, Paxos Commit 17 less the coordinator's own vote, Faster Paxos Commit 20 less it", () => {
    expect(costOf({ protocol: twoPhaseCommit(), voters: 4 }).messagesToOutcome).toBe(12);
    expect(costOf({ protocol: paperFlow(3), voters: 4 }).messages).toBe(17 - 1);
    expect(costOf({ protocol: paperFlow(3, { fast: true }), voters: 4 }).messages).toBe(20 - 1);
  });

  it.each([
    [1, 0],
    [3, 0],
    [6, 0],
    [2, 1],
    [3, 1],
    [5, 1],
    [2, 2],
    [4, 2],
    [7, 3],
  ])(
    "with %i voters and F = %i, Paxos Commit sends N(F + 3) - 3 messages less the first RM's vote, one message delay more than 2PC (none with F = 0), N + F + 1 writes",
    (voters, f) => {
      const cost = costOf({ protocol: paperFlow(2 * f + 1), voters });
      const expected = kit.paxos(voters, f);
      expect(cost.messages).toBe(expected.messages);
      expect(cost.messages).toBe(voters * (f + 3)); // the same, said in the kit's terms
      expect(cost.messageDelays).toBe(expected.messageDelays);
      expect(cost.writes).toBe(expected.writes);
      expect(cost.writeDelays).toBe(expected.writeDelays);
    },
  );

  it.each([1, 3, 6])(
    '2PC with %i voters: 3N - 3 messages before the acks, three message delays, N + 1 writes, two write delays',
    (voters) => {
      const cost = costOf({ protocol: twoPhaseCommit(), voters });
      const expected = kit.twoPC(voters);
      expect(cost.messagesToOutcome).toBe(expected.messages);
      expect(cost.messageDelays).toBe(expected.messageDelays);
      expect(cost.writes).toBe(expected.writes);
      expect(cost.writeDelays).toBe(expected.writeDelays);
      // The kit's 2PC also acks every commit: N more messages the paper does not count (they come after the outcome).
      expect(cost.messages).toBe(expected.messages + voters);
    },
  );

  it("with one acceptor on the coordinator's machine, Paxos Commit costs exactly what 2PC costs: the degenerate case of section 5", () => {
    for (const voters of [1, 3, 5]) {
      const twoPC = costOf({ protocol: twoPhaseCommit(), voters });
      const paxos = costOf({ protocol: paperFlow(1), voters });
      expect(paxos.messages).toBe(twoPC.messagesToOutcome);
      expect(paxos.messageDelays).toBe(twoPC.messageDelays);
      expect(paxos.writes).toBe(twoPC.writes);
      expect(paxos.writeDelays).toBe(twoPC.writeDelays);
    }
  });

  it("Faster Paxos Commit matches 2PC's message delays and write delays with F = 1 and F = 2, at the price of more messages", () => {
    for (const [voters, f] of [
      [1, 1],
      [3, 1],
      [5, 1],
      [4, 2],
    ]) {
      const twoPC = costOf({ protocol: twoPhaseCommit(), voters });
      const faster = costOf({ protocol: paperFlow(2 * f + 1, { fast: true }), voters });
      expect(faster.messageDelays).toBe(twoPC.messageDelays);
      expect(faster.writeDelays).toBe(twoPC.writeDelays);
      expect(faster.writes).toBe(voters + f + 1);
      // Section 4.3's flow: N - 1 Prepare, phase 2a to F + 1 acceptors, bundled phase 2b from each to every RM,
      // less what co-location keeps on one machine: (N - 1)(2F + 3) for the paper's N = V + 1, less the first RM's vote.
      expect(faster.messages).toBe(voters * (2 * f + 3) - f);
      expect(faster.messages).toBeGreaterThan(twoPC.messagesToOutcome);
    }
  });

  it("each optimisation on its own: the kit's plain flow sends 4N(F + 1); bundling, phase 2a to a majority and co-location each cut it", () => {
    const voters = 3;
    const plain = costOf({ protocol: paxosCommit(), voters });
    expect(plain.messages).toBe(4 * voters * 2);
    // One phase 2b per acceptor:
    expect(costOf({ protocol: paxosCommit({ bundle: true }), voters }).messages).toBe(voters + voters * 3 + 3 + voters);
    expect(costOf({ protocol: paxosCommit({ phase2a: 'majority' }), voters }).messages).toBe(voters + 2 * voters * 2 + voters); // F + 1 acceptors
    // v1's vote to a2, and a1's phase 2b for each instance, stay on their machines:
    expect(costOf({ protocol: paxosCommit({ colocate: true }), voters }).messages).toBe(plain.messages - 1 - voters);
    // Without bundling, an acceptor writes one record per instance, one after another.
    expect(plain.writes).toBe(voters + 3 * voters);
    expect(costOf({ protocol: paxosCommit({ bundle: true }), voters }).writes).toBe(voters + 3);
  });
});

describe("the one-acceptor case is 2PC because the acceptor shares the coordinator's machine (section 5)", () => {
  it("the catalog's paxos/one-acceptor-is-2pc puts a1 on the coordinator's machine, and blocks as 2PC does: the only copy of the votes went down with the coordinator", () => {
    const entry = catalogEntry('paxos/one-acceptor-is-2pc');
    const run = simulate(entry.scenario);
    expect(run.nodes).toEqual(['coordinator', 'v1', 'v2', 'v3']);
    expect(run.verdict).toBe('blocked');
    const [twoPC] = compare({ protocols: [twoPhaseCommit()], scenario: { voters: 3, faults: entry.scenario.faults } });
    expect(twoPC.verdict).toBe('blocked');
  });

  it("a coordinator that crashes as the votes arrive and comes back aborts, as 2PC's does: nothing was chosen on its acceptor", () => {
    const faults = [crash('coordinator', at(2)), recover('coordinator', at(40))];
    const [twoPC, paxos] = compare({ protocols: [twoPhaseCommit(), paperFlow(1)], scenario: { voters: 3, faults } });
    expect(twoPC.verdict).toBe('aborted');
    expect(paxos.verdict).toBe('aborted');
    // With a1 on a machine of its own, the votes survive the coordinator's crash, and the new ballot commits.
    expect(simulate({ protocol: paxosCommit({ acceptors: 1 }), voters: 3, faults }).verdict).toBe('committed');
  });

  it('co-location needs a voter for each of acceptors a2..a(F+1), and says so', () => {
    expect(() => simulate({ protocol: paperFlow(5), voters: 1 })).toThrow(/protocol\.colocate: .*needs at least 2 voters, got 1/);
  });

  it('co-location with too few voters is refused by validation, as a ScenarioError on protocol.colocate, before any role is built', () => {
    // Issue 21: the rule is the definition's `needs`, so the protocol's roles import nothing from the scenario.
    expect(() => validateScenario({ protocol: paperFlow(5), voters: 1 })).toThrow(ScenarioError);
    expect(() => validateScenario({ protocol: paperFlow(5), voters: 2 })).not.toThrow();
    expect(() => validateScenario({ protocol: paxosCommit({ acceptors: 5 }), voters: 1 })).not.toThrow();
  });
});

// Crash a whole machine (the coordinator with a1, or voter v1 with a2, or a3) at every
// trigger point of the paper's fault-free run: a machine's crash takes everything on it.
function triggerPoints(scenario: Scenario): Trigger[] {
  const run = simulate(scenario);
  const seen = new Map<string, number>();
  const nth = (key: string) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  };
  const points: Trigger[] = [];
  for (const e of run.trace) {
    if (e.kind === 'send') points.push(afterSend(e.node, e.message.type, { to: e.to, nth: nth(`s ${e.node} ${e.message.type} ${e.to}`) }));
    else if (e.kind === 'deliver')
      points.push(afterReceive(e.node, e.message.type, { from: e.from, nth: nth(`r ${e.node} ${e.message.type} ${e.from}`) }));
    else if (e.kind === 'state') points.push(onEnter(e.node, e.to, { nth: nth(`e ${e.node} ${e.to}`) }));
  }
  for (let t = 0; t <= run.stats.duration + 1; t++) points.push(at(t));
  return points;
}

describe("the paper's flow is as safe as the plain one (Gray and Lamport: Paxos's safety needs no timing)", () => {
  for (const fast of [false, true]) {
    const base: Scenario = { protocol: paperFlow(3, { fast }), voters: 3 };
    it(`${fast ? 'Faster Paxos Commit' : 'Paxos Commit'}, 3 voters, F = 1: one machine crashed at any trigger point, or the coordinator's crashed and recovered, never leaves a live voter undecided`, () => {
      const points = triggerPoints(base);
      expect(points.length).toBeGreaterThan(20);
      const bad: string[] = [];
      for (const machine of ['coordinator', 'v1', 'v2', 'a3']) {
        for (const p of points) {
          const scripts: Fault[][] = [[crash(machine, p)]];
          if (machine === 'coordinator') scripts.push([crash(machine, p), recover(machine, at(60))]);
          for (const faults of scripts) {
            const scenario = { ...base, faults };
            const run = simulate(scenario);
            if (run.verdict !== 'committed' && run.verdict !== 'aborted')
              bad.push(`${run.verdict}: simulate(${replayLine(scenario)})\n${explain(run, { events: 60 })}`);
          }
        }
      }
      expect(bad.slice(0, 1)).toEqual([]);
    });
  }

  const NODES = ['coordinator', 'v1', 'v2', 'v3', 'a3'];
  const trigger = triggers({
    nodes: NODES,
    messages: ['prepare', 'phase2a', 'phase2b', 'commit', 'abort', 'phase1a', 'phase1b'],
    states: ['waiting', 'prepared', 'committed', 'aborted'],
    maxTick: 80,
    maxNth: 4,
  });
  const fault = faults({ nodes: NODES, trigger, groupMax: 3, slowMax: 40, pauseMax: 60 });
  it('under any mix of crashes, recoveries, partitions, pauses, loss, duplication and slow links, it never decides inconsistently nor commits without every yes (400 scenarios each, plain and fast)', () => {
    const verdicts = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.dictionary(fc.constantFrom('v1', 'v2', 'v3'), fc.constantFrom('yes' as const, 'no' as const), { maxKeys: 3 }),
        fc.array(fault, { maxLength: 6 }),
        fc.constantFrom(0, 0, 0.1, 0.3),
        fc.constantFrom(0, 0.1),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (fast, votes, faults, loss, duplicate, delayMax, seed) => {
          const scenario: Scenario = {
            protocol: paperFlow(3, { fast }),
            voters: 3,
            votes,
            faults,
            network: { delay: [1, delayMax], loss, duplicate },
            seed,
            horizon: 400,
          };
          const run = simulate(scenario);
          verdicts.set(run.verdict, (verdicts.get(run.verdict) ?? 0) + 1);
          const why = `reproduce with simulate(${replayLine(scenario)})\n${explain(run, { events: 60 })}`;
          expect(agreement(run).ok, why).toBe(true);
          expect(validity(run).ok, why).toBe(true);
        },
      ),
      { numRuns: 800, seed: 20261204 },
    );
    expect(verdicts.get('committed') ?? 0).toBeGreaterThan(20);
    expect(verdicts.get('aborted') ?? 0).toBeGreaterThan(20);
  });

  /** Faults that all end by t=100: every crash is followed by a recovery, every window closes. */
  const passing: fc.Arbitrary<Fault[]> = fc
    .array(
      fc.oneof(
        fc
          .tuple(fc.constantFrom(...NODES), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }))
          .map(([n, t, d]) => [crash(n, at(t)), recover(n, at(t + d))]),
        fc
          .tuple(fc.subarray(NODES, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }))
          .map(([g, t, d]) => [partition([g], at(t), at(t + d))]),
        fc
          .tuple(links(NODES), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }))
          .map(([[a, b], t, d]) => [cut(a, b, at(t), at(t + d))]),
        fc
          .tuple(fc.constantFrom(...NODES), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }))
          .map(([n, t, k]) => [pause(n, at(t), k)]),
      ),
      { maxLength: 4 },
    )
    .map((groups) => groups.flat());

  it('once every fault is over, every voter decides, plain and fast (400 scenarios)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        passing,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 5 }),
        (fast, faults, seed, delayMax) => {
          const scenario: Scenario = {
            protocol: paperFlow(3, { fast }),
            voters: 3,
            faults,
            network: { delay: [1, delayMax] },
            seed,
            horizon: 1000,
          };
          const run = simulate(scenario);
          expect(['committed', 'aborted'], `reproduce with simulate(${replayLine(scenario)})\n${explain(run, { events: 80 })}`).toContain(
            run.verdict,
          );
        },
      ),
      { numRuns: 400, seed: 20261204 },
    );
  });
});
