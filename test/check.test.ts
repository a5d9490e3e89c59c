// The model checker: every interleaving, breadth first, over packed states.
// Its correctness anchor is TLC: on Lamport's TwoPhase and TCommit specifications
// (Lamport, "Specifying Systems" and the TLA+ video course, lecture 6; Gray and Lamport,
// "Consensus on Transaction Commit", 2006) it must reach exactly the distinct state
// counts TLC reports.
import { describe, expect, it } from 'vitest';
import { check, defineProtocol, protocolDefinition, ScenarioError, simulate, threePhaseCommit, twoPhaseCommit, type Role } from '../lib';
import { paxosCommitSpec, tcommit, twoPhase } from '../lib/explore/specs/index';
import { naivePaxosCommit } from './specs/paxos-commit-naive';

// A plausible wrong answer to lesson 04's recovery exercise: "I voted yes, so it must have committed".
const real = protocolDefinition('twoPhaseCommit')!;
defineProtocol({
  ...real,
  name: 'presumeCommitOnRecovery',
  role(spec, node, kind) {
    const role: Role = real.role({ ...spec, name: 'twoPhaseCommit' }, node, kind);
    if (kind !== 'voter') return role;
    return {
      ...role,
      step(state, input) {
        const [next, out] = role.step(state, input);
        if (input.kind === 'recover' && role.stateName(next) === 'prepared') {
          const committed = role.step(next, { kind: 'receive', from: 'coordinator', message: { type: 'commit' } });
          return [committed[0], committed[1].filter((o) => o.kind !== 'send')];
        }
        return [next, out];
      },
    };
  },
});

describe("check over Lamport's specifications (TLC's distinct state counts)", () => {
  it.each([
    [3, 288],
    [4, 1_568],
    [5, 8_832],
    [6, 50_816],
  ])('TwoPhase with %i resource managers has exactly %i distinct states, as TLC reports', (rms, distinct) => {
    const result = check({ system: twoPhase(rms), progress: false });
    expect(result.distinct).toBe(distinct);
    expect(result.complete).toBe(true);
    expect(result.violation).toBeUndefined();
  });

  it('TwoPhase with 7 resource managers has exactly 296,448 distinct states, in under 64 bytes a state', () => {
    const result = check({ system: twoPhase(7), progress: false });
    expect(result.distinct).toBe(296_448);
    expect(result.bytesPerState).toBeLessThan(64);
  });

  it.each([
    [3, 34],
    [5, 274],
    [7, 2_314],
  ])('TCommit with %i resource managers has exactly %i distinct states, as TLC reports', (rms, distinct) => {
    expect(check({ system: tcommit(rms), progress: false }).distinct).toBe(distinct);
  });

  it('finds the shortest trace to a broken TCConsistent when the TM commits on the first Prepared message', () => {
    const { violation } = check({ system: twoPhase(3, { broken: true }), progress: false });
    expect(violation?.invariant).toBe('TCConsistent');
    // One RM prepares and is heard, the TM commits, it commits, another aborts on its own: five steps.
    expect(violation!.trace.map((s) => s.action)).toEqual([
      'initial state',
      'RMPrepare(r1)',
      'TMRcvPrepared(r1)',
      'TMCommit',
      'RMRcvCommitMsg(r1)',
      'RMChooseToAbort(r2)',
    ]);
    expect(violation!.trace.at(-1)!.state).toContain('r1=committed r2=aborted');
  });

  it('stops at the state limit and says the search is incomplete', () => {
    const result = check({ system: twoPhase(5), limit: 1_000, progress: false });
    expect(result.complete).toBe(false);
    expect(result.distinct).toBeLessThan(8_832);
  });
});

// Gray and Lamport's TLA+ module PaxosCommit, the companion of "Consensus on Transaction Commit"
// (ACM TODS 31(1), 2006), with the model the TLA+ examples run it on: RM = {r1, r2}, three
// acceptors, every two of them a majority, Ballot = {0, 1}. TLC: 1,321,761 distinct states,
// depth 28 (TLC counts the initial state as level 1, so 27 steps).
describe("check over Gray and Lamport's PaxosCommit specification", () => {
  it('reaches exactly the 1,321,761 distinct states and the depth of 28 that TLC reports, and never breaks TCConsistent', () => {
    const result = check({ system: paxosCommitSpec({ rms: 2, acceptors: 3, ballots: 2 }), progress: false });
    expect(result.distinct).toBe(1_321_761);
    expect(result.depth + 1).toBe(28);
    expect(result.complete).toBe(true);
    expect(result.violation).toBeUndefined();
    expect(result.bytesPerState).toBeLessThan(64);
  });

  it.each([
    [1, 1, 2],
    [1, 3, 2],
    [2, 1, 2],
    [2, 2, 2],
    [1, 1, 3],
  ])(
    'agrees with a plain second reading of the spec (records, a Set of messages) for %i RMs, %i acceptors, %i ballots',
    (rms, acceptors, ballots) => {
      const packed = check({ system: paxosCommitSpec({ rms, acceptors, ballots }), progress: false });
      const naive = naivePaxosCommit(rms, acceptors, ballots);
      expect(packed.distinct).toBe(naive.distinct);
      expect(packed.depth).toBe(naive.depth);
      expect(packed.violation === undefined).toBe(naive.consistent);
    },
  );

  it('finds the shortest trace to a commit beside an abort when a new ballot proposes prepared where no acceptor reports a vote', () => {
    // The paper's phase 2a rule: with no value reported by the majority, the leader must propose aborted.
    const { violation } = check({ system: paxosCommitSpec({ broken: true }), progress: false });
    expect(violation?.invariant).toBe('TCConsistent');
    const actions = violation!.trace.map((s) => s.action);
    expect(actions).toContain('Decide: Commit');
    // r2 votes aborted, a new ballot 1 for r2 hears no vote from a1 and a2 and (wrongly) proposes prepared: 12 steps.
    expect(actions).toContain('Phase2a(1, r2)');
    expect(actions.length - 1).toBe(12);
    expect(actions.some((a) => a.startsWith('RMChooseToAbort') || a.startsWith('RMRcvAbortMsg'))).toBe(true);
    expect(violation!.trace.at(-1)!.state).toMatch(/r\d=committed .*r\d=aborted|r\d=aborted .*r\d=committed/);
  });

  it('refuses a configuration it cannot pack, naming the field', () => {
    expect(() => paxosCommitSpec({ rms: 0 })).toThrow(/rms/);
    expect(() => paxosCommitSpec({ ballots: 1.5 })).toThrow(/ballots/);
    expect(() => paxosCommitSpec({ rms: 8, acceptors: 8, ballots: 8 })).toThrow(/words/);
  });
});

describe("check over a protocol's own roles (DDIA ch. 9: 2PC is safe, whatever the order)", () => {
  it('finds no disagreement in 2PC with 2 voters over every order of delivery, every timer expiry, one crash and one recovery', () => {
    const result = check({ protocol: twoPhaseCommit(), voters: 2, faults: { crashes: 1, recoveries: 1 }, progress: false });
    expect(result.complete).toBe(true);
    expect(result.violation).toBeUndefined();
    expect(result.distinct).toBeGreaterThan(10_000);
  });

  it('finds none with lost messages either, and more crashes reach more states', () => {
    const lossy = check({ protocol: twoPhaseCommit(), voters: 2, faults: { drop: true }, progress: false });
    expect(lossy.violation).toBeUndefined();
    const once = check({ protocol: twoPhaseCommit(), voters: 2, faults: { crashes: 1 }, progress: false });
    const twice = check({ protocol: twoPhaseCommit(), voters: 2, faults: { crashes: 2, recoveries: 2 }, progress: false });
    expect(twice.distinct).toBeGreaterThan(once.distinct);
    expect(twice.violation).toBeUndefined();
  });

  it('finds the disagreement of a 2PC voter that presumes commit when it recovers prepared, and the crash replays it in simulate', () => {
    const protocol = { name: 'presumeCommitOnRecovery', termination: 'wait', timeout: 10 };
    const result = check({
      protocol,
      voters: 2,
      votes: { v2: 'no' },
      faults: { crashes: 1, recoveries: 1 },
      invariants: ['agreement'],
      progress: false,
    });
    expect(result.violation?.invariant).toBe('agreement');
    const actions = result.violation!.trace.map((s) => s.action);
    expect(actions).toContain('v1 crashes');
    expect(actions).toContain('v1 recovers');
    expect(result.violation!.scenario!.faults!.map((f) => f.kind)).toEqual(['crash', 'recover']);
    expect(result.violation!.replays).toBe(true);
    expect(simulate(result.violation!.scenario!).verdict).toBe('inconsistent');
  });

  it('reports validity first when both break: the recovered voter commits although v2 voted no', () => {
    const protocol = { name: 'presumeCommitOnRecovery', termination: 'wait', timeout: 10 };
    const result = check({ protocol, voters: 2, votes: { v2: 'no' }, faults: { crashes: 1, recoveries: 1 }, progress: false });
    expect(result.violation?.invariant).toBe('validity');
  });

  it('refuses voters beyond what it packs, and unknown fault options, with a ScenarioError naming the field', () => {
    expect(() => check({ protocol: twoPhaseCommit(), voters: 20 })).toThrow(ScenarioError);
    expect(() => check({ protocol: twoPhaseCommit(), voters: 20 })).toThrow(/CHECK_MAX_NODES/);
    expect(() => check({ protocol: twoPhaseCommit(), faults: { crash: 1 } as never })).toThrow(/faults\.crash/);
    expect(() => check({ system: twoPhase(3), limit: 0 })).toThrow(/limit/);
  });
});

describe("check with timers that fire only when no message is in flight (Skeen 1981, sec. 5: 3PC assumes a synchronous network)", () => {
  const skeens = threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'commit' });

  it('3PC with the termination protocol splits with no fault at all when a timer may fire at any moment: a timeout proves nothing', () => {
    const free = check({ protocol: skeens, voters: 2, progress: false });
    expect(free.violation?.invariant).toBe('agreement');
    expect(free.violation!.trace.some((s) => s.action.includes('timeout'))).toBe(true);
  });

  it("keeps agreement over every order of two voters' messages, two crashes and a recovery when timers wait for a quiet network, and the search is complete", () => {
    const quiet = check({ protocol: skeens, voters: 2, faults: { crashes: 2, recoveries: 1 }, timers: 'quiet', progress: false });
    expect(quiet.violation).toBeUndefined();
    expect(quiet.complete).toBe(true);
    expect(quiet.distinct).toBe(10_182);
  });

  it("still finds the lecture's coordinator splitting with one crash: it aborts when a precommitted voter's ack is missing", () => {
    const lecture = check({ protocol: threePhaseCommit({ termination: 'elect' }), voters: 2, faults: { crashes: 1 }, timers: 'quiet', progress: false });
    expect(lecture.violation?.invariant).toBe('agreement');
  });

  it('refuses another timer model, naming the field', () => {
    expect(() => check({ protocol: skeens, timers: 'eventually' as never })).toThrow(/timers/);
  });
});
