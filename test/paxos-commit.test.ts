// Paxos Commit (Gray and Lamport, "Consensus on Transaction Commit", 2006) as specifications:
// the leader's rule, the acceptor's promises, the fault-free cost, the F = 0 case that is
// 2PC, determinism, validation, and compare() running one fault script under several protocols.
import { describe, expect, it } from 'vitest';
import {
  afterReceive, afterSend, at, compare, crash, explain, leaderDecision, majority, paxosCommit, recover, safeValue, ScenarioError,
  simulate, threePhaseCommit, twoPhaseCommit, validity, type InstanceValue, type NodeContext, type Run, type Scenario,
} from '../lib';
import { acceptor, coordinator, type Acceptor, type PaxosCommitMessage, type PaxosCommitRecord } from '../lib/protocols/paxos-commit/index';

/** Article fig. 3: the coordinator tells v1 commit and crashes; v1 commits and crashes. */
const fig3 = [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })), crash('v1', afterReceive('v1', 'commit'))];

const sentOf = (run: Run, type: string) => run.trace.filter((e) => e.kind === 'send' && e.message.type === type).length;
const undecidedVoters = (run: Run) => run.voters.filter((v) => run.decisions[v] === null);

describe("the leader's rule (Gray and Lamport: commit iff every instance chose prepared)", () => {
  /** The naive rule, read straight off the paper, to check the real one against every case. */
  const naive = (learned: (InstanceValue | null)[]) =>
    learned.some((v) => v === 'aborted') ? 'abort' : learned.every((v) => v === 'prepared') ? 'commit' : undefined;

  it('agrees with the naive rule on every combination of up to 4 instances', () => {
    const values: (InstanceValue | null)[] = ['prepared', 'aborted', null];
    let cases = 0;
    for (let n = 1; n <= 4; n++) {
      for (let code = 0; code < 3 ** n; code++) {
        const learned = Array.from({ length: n }, (_, i) => values[Math.floor(code / 3 ** i) % 3]);
        expect(leaderDecision(learned), JSON.stringify(learned)).toBe(naive(learned));
        cases++;
      }
    }
    expect(cases).toBe(3 + 9 + 27 + 81);
  });

  it('aborts on one aborted instance even while others are unknown: a chosen value never changes', () => {
    expect(leaderDecision([null, 'aborted', null])).toBe('abort');
    expect(leaderDecision(['prepared', null, 'prepared'])).toBeUndefined();
  });

  it('a new ballot proposes the value of the highest ballot reported, and aborted when none is (Paxos phase 2a)', () => {
    expect(safeValue([{ bal: -1, val: 'none' }, { bal: -1, val: 'none' }])).toBe('aborted');
    expect(safeValue([{ bal: 0, val: 'prepared' }, { bal: -1, val: 'none' }])).toBe('prepared');
    expect(safeValue([{ bal: 0, val: 'prepared' }, { bal: 4, val: 'aborted' }])).toBe('aborted');
  });

  it('a majority of 2F + 1 acceptors is F + 1', () => {
    expect([1, 3, 5, 7].map(majority)).toEqual([1, 2, 3, 4]);
  });
});

describe('the acceptor, alone (Paxos phases 1b and 2b; its state is durable)', () => {
  const ctx: NodeContext = { id: 'a1', coordinator: 'coordinator', voters: ['v1', 'v2', 'v3'], others: ['a1', 'a2', 'a3'], vote: 'yes' };
  const role = acceptor(10);
  const receive = (s: Acceptor, from: string, message: PaxosCommitMessage) => role.step(s, { kind: 'receive', from, message });

  it("accepts a voter's ballot-0 vote, logs it before answering, and answers the coordinator", () => {
    const [s, out] = receive(role.init(ctx), 'v2', { type: 'phase2a', ins: 'v2', bal: 0, val: 'prepared', vote: 'yes' });
    expect(out).toEqual([
      { kind: 'log', record: { type: 'accept', ins: 'v2', bal: 0, val: 'prepared' } },
      { kind: 'send', to: 'coordinator', message: { type: 'phase2b', ins: 'v2', bal: 0, val: 'prepared' } },
    ]);
    expect(role.stateName(s)).toBe('accepting');
  });

  it('after promising ballot 4, reports what it accepted and refuses the late ballot-0 vote', () => {
    const [s1] = receive(role.init(ctx), 'v1', { type: 'phase2a', ins: 'v1', bal: 0, val: 'prepared', vote: 'yes' });
    const [s2, promise] = receive(s1, 'coordinator', { type: 'phase1a', ins: 'v2', bal: 4 });
    expect(promise).toEqual([
      { kind: 'log', record: { type: 'promise', ins: 'v2', bal: 4 } },
      { kind: 'send', to: 'coordinator', message: { type: 'phase1b', ins: 'v2', mbal: 4, bal: -1, val: 'none' } },
    ]);
    const [s3, late] = receive(s2, 'v2', { type: 'phase2a', ins: 'v2', bal: 0, val: 'prepared', vote: 'yes' });
    expect(late).toEqual([]);
    expect(s3).toBe(s2);
    // A stale phase 1a learns the higher ballot, so that its leader can start above it.
    const [, refusal] = receive(s2, 'v1', { type: 'phase1a', ins: 'v2', bal: 1 });
    expect(refusal).toEqual([{ kind: 'send', to: 'v1', message: { type: 'phase1b', ins: 'v2', mbal: 4, bal: -1, val: 'none' } }]);
  });

  it('does not change a state it was given (roles are pure)', () => {
    const s0 = role.init(ctx);
    const before = JSON.stringify([...s0.mbal, ...s0.bal, ...s0.val]);
    receive(s0, 'v1', { type: 'phase2a', ins: 'v1', bal: 0, val: 'prepared', vote: 'yes' });
    expect(JSON.stringify([...s0.mbal, ...s0.bal, ...s0.val])).toBe(before);
  });

  it('comes back from a crash with every promise and acceptance its log holds', () => {
    let s = role.init(ctx);
    const log: PaxosCommitRecord[] = [];
    for (const [from, message] of [
      ['v1', { type: 'phase2a', ins: 'v1', bal: 0, val: 'prepared', vote: 'yes' }],
      ['coordinator', { type: 'phase1a', ins: 'v2', bal: 4 }],
      ['coordinator', { type: 'phase2a', ins: 'v2', bal: 4, val: 'aborted' }],
      ['v3', { type: 'phase1a', ins: 'v3', bal: 3 }],
    ] as const) {
      const [next, out] = receive(s, from, message);
      for (const o of out) if (o.kind === 'log') log.push(o.record);
      s = next;
    }
    const [back, out] = role.step(role.init(ctx), { kind: 'recover', log });
    expect(out).toEqual([]);
    expect([...back.mbal]).toEqual([...s.mbal]);
    expect([...back.bal]).toEqual([...s.bal]);
    expect(back.val).toEqual(s.val);
    expect([...back.mbal, ...back.bal]).toEqual([0, 4, 3, 0, 4, -1]);
  });
});

describe('the coordinator, alone', () => {
  it('starts by sending prepare to every voter, as in 2PC (Gray and Lamport: the leader sends Prepare)', () => {
    const ctx: NodeContext = { id: 'coordinator', coordinator: 'coordinator', voters: ['v1', 'v2'], others: ['a1', 'a2', 'a3'], vote: 'yes' };
    const role = coordinator(10);
    const [s, out] = role.step(role.init(ctx), { kind: 'start' });
    expect(role.stateName(s)).toBe('waiting');
    expect(out.filter((o) => o.kind === 'send')).toEqual([
      { kind: 'send', to: 'v1', message: { type: 'prepare' } },
      { kind: 'send', to: 'v2', message: { type: 'prepare' } },
    ]);
  });
});

describe('the fault-free run (Gray and Lamport compare the normal-case cost of 2PC and Paxos Commit)', () => {
  it('commits, every voter and the coordinator, with each yes carried by a ballot-0 phase 2a', () => {
    const run = simulate({ protocol: paxosCommit(), voters: 3 });
    expect(run.verdict).toBe('committed');
    expect(run.decisions).toMatchObject({ coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' });
    expect(validity(run).ok).toBe(true);
    expect(run.trace.filter((e) => e.kind === 'send' && e.message.vote === 'yes').map((e) => e.kind === 'send' && e.message.type))
      .toEqual(Array(9).fill('phase2a'));
  });

  // The plain flow (the defaults): the coordinator sends N prepare; each voter sends its vote
  // (phase 2a, ballot 0) to all 2F + 1 acceptors; each acceptor answers each vote with a phase
  // 2b to the coordinator; the coordinator sends N commit. No acks: a voter that misses the
  // outcome re-sends its vote.
  //   N + N(2F + 1) + N(2F + 1) + N = 2N(2F + 2) = 4N(F + 1).
  // The paper counts a leaner flow (co-location, bundled phase 2b, phase 2a to F + 1
  // acceptors only): those are options, checked against its table in paxos-commit.cost.test.ts.
  it.each([
    [1, 0], [3, 0], [3, 1], [5, 1], [3, 2], [8, 2], [4, 3],
  ])('with N = %i voters and F = %i it sends exactly 4N(F + 1) messages', (voters, f) => {
    const run = simulate({ protocol: paxosCommit({ acceptors: 2 * f + 1 }), voters });
    expect(run.verdict).toBe('committed');
    expect(run.stats.messagesSent).toBe(4 * voters * (f + 1));
    expect(sentOf(run, 'prepare')).toBe(voters);
    expect(sentOf(run, 'phase2a')).toBe(voters * (2 * f + 1));
    expect(sentOf(run, 'phase2b')).toBe(voters * (2 * f + 1));
    expect(sentOf(run, 'commit')).toBe(voters);
    expect(sentOf(run, 'phase1a') + sentOf(run, 'phase1b')).toBe(0);
  });

  it('costs F + 1 times the messages of our 2PC, and one message delay more', () => {
    for (const voters of [2, 3, 6]) {
      const twoPC = simulate({ protocol: twoPhaseCommit(), voters });
      const paxos = simulate({ protocol: paxosCommit({ acceptors: 3 }), voters });
      expect(paxos.stats.messagesSent).toBe(2 * twoPC.stats.messagesSent);
      const decidedAt = (run: Run) => Math.max(...run.trace.filter((e) => e.kind === 'decide' && e.node.startsWith('v')).map((e) => e.t));
      expect(decidedAt(twoPC)).toBe(3);
      expect(decidedAt(paxos)).toBe(4);
    }
  });

  it('logs N prepare records, N(2F + 1) acceptances and N commits, and nothing at the coordinator', () => {
    const run = simulate({ protocol: paxosCommit({ acceptors: 5 }), voters: 4 });
    expect(run.stats.logWrites).toBe(4 + 4 * 5 + 4);
    expect(run.trace.filter((e) => e.kind === 'log' && e.node === 'coordinator')).toEqual([]);
  });

  it('aborts when one voter votes no', () => {
    const run = simulate({ protocol: paxosCommit(), voters: 3, votes: { v2: 'no' } });
    expect(run.verdict).toBe('aborted');
    expect(run.decisions).toMatchObject({ coordinator: 'abort', v1: 'abort', v2: 'abort', v3: 'abort' });
  });
});

describe('with one acceptor (F = 0) it behaves like 2PC (Gray and Lamport: 2PC is Paxos Commit with F = 0)', () => {
  // Fault scripts that name only what both protocols share: the coordinator, the voters,
  // prepare and commit, and ticks.
  const scripts: [string, Scenario['faults']][] = [
    ['article fig. 3: commit reaches v1 only, then the coordinator and v1 crash', fig3],
    ['the coordinator crashes at t=2, every voter prepared (DDIA ch. 9)', [crash('coordinator', at(2))]],
    ['the coordinator crashes after prepare reached v1 only', [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v1' }))]],
    ['the coordinator crashes before anything (DDIA ch. 9)', [crash('coordinator', at(0))]],
    ['the coordinator crashes after commit reached v2', [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v2' }))]],
  ];

  it.each(scripts)('%s: same verdict and same voters left waiting', (_name, faults) => {
    const [twoPC, paxos] = compare({ protocols: [twoPhaseCommit(), paxosCommit({ acceptors: 1 })], scenario: { voters: 3, faults } });
    expect(paxos.verdict, explain(paxos)).toBe(twoPC.verdict);
    expect(undecidedVoters(paxos)).toEqual(undecidedVoters(twoPC));
  });

  it('and the scripts that block it block 2PC; with three acceptors (F = 1) none of them blocks', () => {
    const blocked = scripts.filter(([, faults]) => simulate({ protocol: paxosCommit({ acceptors: 1 }), voters: 3, faults }).verdict === 'blocked');
    // All but the crash before anything: no voter had promised, so each aborted on its own.
    expect(blocked.map(([name]) => name)).toEqual(scripts.filter(([name]) => !name.includes('before anything')).map(([name]) => name));
    for (const [name, faults] of scripts) {
      const run = simulate({ protocol: paxosCommit({ acceptors: 3 }), voters: 3, faults });
      expect(['committed', 'aborted'], `${name}\n${explain(run)}`).toContain(run.verdict);
    }
  });

  it('but where the 2PC coordinator, finding no decision on recovery, aborts, its coordinator runs a ballot and learns the commit', () => {
    const faults = [crash('coordinator', at(2)), recover('coordinator', at(40))];
    const [twoPC, paxos] = compare({ protocols: [twoPhaseCommit(), paxosCommit({ acceptors: 1 })], scenario: { voters: 3, faults } });
    expect(twoPC.verdict).toBe('aborted');
    expect(paxos.verdict).toBe('committed');
  });
});

describe('a backup leader takes over (Gray and Lamport: any process may start a higher ballot)', () => {
  it("fig. 3's faults: v2 runs ballot 2 (phase 1a/1b, then 2a/2b) and everyone up commits", () => {
    const run = simulate({ protocol: paxosCommit(), voters: 3, faults: fig3 });
    expect(run.verdict).toBe('committed');
    const phase1a = run.trace.filter((e) => e.kind === 'send' && e.message.type === 'phase1a');
    expect(new Set(phase1a.map((e) => e.node))).toEqual(new Set(['v2']));
    expect(phase1a.every((e) => e.kind === 'send' && e.message.bal === 2)).toBe(true);
  });

  it('with five acceptors, two of them down and the coordinator too, v1 still commits', () => {
    const run = simulate({ protocol: paxosCommit({ acceptors: 5 }), voters: 3, faults: [crash('a1', at(0)), crash('a4', at(1)), crash('coordinator', at(2))] });
    expect(run.verdict).toBe('committed');
  });

  it('with a majority of acceptors down nothing is chosen and every voter waits', () => {
    const run = simulate({ protocol: paxosCommit(), voters: 3, faults: [crash('a2', at(0)), crash('a3', at(0))] });
    expect(run.verdict).toBe('blocked');
    expect(undecidedVoters(run)).toEqual(['v1', 'v2', 'v3']);
  });
});

describe('determinism', () => {
  const scenario: Scenario = {
    protocol: paxosCommit({ acceptors: 5 }),
    voters: 4,
    faults: [crash('coordinator', afterReceive('coordinator', 'phase2b', { nth: 5 })), crash('a2', at(3)), recover('a2', at(30))],
    network: { delay: [1, 4], loss: 0.1, duplicate: 0.1, reorder: 0.2 },
    seed: 42,
  };

  it('same scenario and seed: the same trace, event for event, also from its JSON', () => {
    const a = simulate(scenario);
    expect(simulate(scenario).trace).toEqual(a.trace);
    expect(simulate(JSON.parse(JSON.stringify(scenario)) as Scenario).trace).toEqual(a.trace);
    expect(a.trace.length).toBeGreaterThan(50);
  });

  it('another seed, another trace', () => {
    expect(simulate({ ...scenario, seed: 43 }).trace).not.toEqual(simulate(scenario).trace);
  });
});

describe('validation: one ScenarioError naming the field', () => {
  const errorOf = (f: () => unknown): ScenarioError => {
    try {
      f();
    } catch (e) {
      if (e instanceof ScenarioError) return e;
      throw e;
    }
    throw new Error('no error thrown');
  };

  it.each([2, 0, 17, -1, 3.5, 'three'])('refuses acceptors: %s (an odd number from 1 to 15)', (acceptors) => {
    const e = errorOf(() => simulate({ protocol: { ...paxosCommit(), acceptors }, voters: 3 }));
    expect(e.field).toBe('protocol.acceptors');
    expect(e.message).toContain('1, 3, 5, 7, 9, 11, 13, 15');
  });

  it('knows the acceptors as nodes: a4 is not one of three', () => {
    const e = errorOf(() => simulate({ protocol: paxosCommit(), voters: 3, faults: [crash('a4', at(1))] }));
    expect(e.field).toBe('faults[0].node');
    expect(e.message).toContain('a3');
  });

  it("refuses a trigger on a message Paxos Commit does not send, listing the paper's names", () => {
    const e = errorOf(() => simulate({ protocol: paxosCommit(), voters: 3, faults: [crash('v1', afterSend('v1', 'vote'))] }));
    expect(e.field).toBe('faults[0].when.type');
    expect(e.message).toContain('prepare, phase2a, phase2b, commit, abort, phase1a, phase1b');
  });
});

describe('compare: one fault script, several protocols, side by side (lesson 08)', () => {
  it("returns the runs in the protocols' order: fig. 3 blocks 2PC and not Paxos Commit", () => {
    const protocols = [twoPhaseCommit(), paxosCommit()];
    const runs = compare({ protocols, scenario: { voters: 3, faults: fig3 } });
    expect(runs.map((r) => r.scenario.protocol)).toEqual(protocols);
    expect(runs.map((r) => r.verdict)).toEqual(['blocked', 'committed']);
  });

  it('runs all three protocols on a script in ticks: the coordinator lost at t=2 blocks only 2PC', () => {
    const runs = compare({ protocols: [twoPhaseCommit(), threePhaseCommit(), paxosCommit()], scenario: { voters: 3, faults: [crash('coordinator', at(2))] } });
    expect(runs.map((r) => r.scenario.protocol.name)).toEqual(['twoPhaseCommit', 'threePhaseCommit', 'paxosCommit']);
    expect(runs[0].verdict).toBe('blocked');
    expect(runs[1].verdict).not.toBe('blocked');
    expect(runs[2].verdict).toBe('committed');
  });

  it('each run is the run simulate gives for the same scenario', () => {
    const [run] = compare({ protocols: [paxosCommit()], scenario: { voters: 2, faults: [crash('coordinator', at(2))], seed: 9 } });
    expect(run.trace).toEqual(simulate({ protocol: paxosCommit(), voters: 2, faults: [crash('coordinator', at(2))], seed: 9 }).trace);
  });

  const errorOf = (f: () => unknown): ScenarioError => {
    try {
      f();
    } catch (e) {
      if (e instanceof ScenarioError) return e;
      throw e;
    }
    throw new Error('no error thrown');
  };

  it('refuses an empty list of protocols', () => {
    expect(errorOf(() => compare({ protocols: [], scenario: { voters: 3 } })).field).toBe('protocols');
  });

  it('refuses an unknown protocol, naming its place in the list', () => {
    const e = errorOf(() => compare({ protocols: [twoPhaseCommit(), { name: 'fourPhaseCommit' }], scenario: { voters: 3 } }));
    expect(e.field).toBe('protocols[1].name');
    expect(e.message).toContain('paxosCommit');
  });

  it('refuses a bad option of one protocol, naming its place in the list', () => {
    expect(errorOf(() => compare({ protocols: [paxosCommit({ acceptors: 4 })], scenario: {} })).field).toBe('protocols[0].acceptors');
  });

  it('refuses a scenario that brings its own protocol', () => {
    expect(errorOf(() => compare({ protocols: [paxosCommit()], scenario: { protocol: twoPhaseCommit() } as never })).field).toBe('scenario.protocol');
  });

  it('runs nothing when one protocol cannot run the script: a trigger on a message it lacks', () => {
    const e = errorOf(() => compare({ protocols: [paxosCommit(), twoPhaseCommit()], scenario: { voters: 3, faults: [crash('v1', afterSend('v1', 'phase2a'))] } }));
    expect(e.field).toBe('scenario.faults[0].when.type');
    expect(e.message).toContain('protocols[1], twoPhaseCommit');
  });
});
