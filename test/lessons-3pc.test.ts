// What lessons 05-07 say in words about 3PC runs, pinned as runs: if the protocol or the
// simulator changes so that a sentence of a lesson stops being true, a test here fails and names
// the lesson and the sentence. (The lessons' shape and their catalog ids are checked in
// test/lessons.test.ts.)
import { describe, expect, it } from 'vitest';
import {
  afterReceive, afterSend, at, catalogEntry, crash, cut, explore, partition, recover, simulate, slow, sweep,
  threePhaseCommit, twoPhaseCommit, type Fault, type Run, type Scenario,
} from '../lib';

const prepareRecords = (run: Run) => run.trace.filter((e) => e.kind === 'log' && e.record.type === 'prepare').length;
const everIn = (run: Run, state: string) => run.trace.some((e) => e.kind === 'state' && e.node !== 'coordinator' && e.to === state);
const decidedAt = (run: Run, node: string) => run.trace.find((e) => e.kind === 'decide' && e.node === node)?.t;

describe('lesson 05: three-phase commit (the lecture; article fig. 3 and 4)', () => {
  it('costs six messages per voter and one more round trip than 2PC, and four more log writes: the small vote and precommit records (fig. 1 and 4; Skeen)', () => {
    const two = simulate(catalogEntry('2pc/happy').scenario);
    const three = simulate(catalogEntry('3pc/happy').scenario);
    expect([two.stats.messagesSent, three.stats.messagesSent]).toEqual([12, 18]);
    expect([two.stats.logWrites, three.stats.logWrites]).toEqual([7, 11]);
    const kinds = (run: Run) => run.trace.flatMap((e) => (e.kind === 'log' ? [e.record.type] : [])).sort();
    expect(kinds(three)).toEqual([...kinds(two), 'precommit', 'vote', 'vote', 'vote'].sort());
    expect(decidedAt(three, 'v3')! - decidedAt(two, 'v3')!).toBe(2);
  });

  it('writes no prepare record when a voter refuses at CanCommit, where 2PC writes two (the lecture)', () => {
    const two = simulate(catalogEntry('2pc/vote-no').scenario);
    const three = simulate(catalogEntry('3pc/early-abort').scenario);
    expect([two.stats.logWrites, prepareRecords(two)]).toEqual([6, 2]);
    expect([three.stats.logWrites, prepareRecords(three)]).toEqual([5, 0]);
  });

  it('lets a voter become precommitted only when every voter voted yes, while 2PC prepares on any yes (the article\'s barrier)', () => {
    for (const v1 of ['yes', 'no'] as const) for (const v2 of ['yes', 'no'] as const) for (const v3 of ['yes', 'no'] as const) {
      const votes = { v1, v2, v3 };
      const allYes = v1 === 'yes' && v2 === 'yes' && v3 === 'yes';
      expect(everIn(simulate({ protocol: threePhaseCommit(), voters: 3, votes }), 'precommitted')).toBe(allYes);
      expect(everIn(simulate({ protocol: twoPhaseCommit(), voters: 3, votes }), 'prepared')).toBe(Object.values(votes).includes('yes'));
    }
  });

  it('ends fig. 3\'s crash pair committed at t=23 under 3PC, where 2PC blocks (article fig. 3)', () => {
    const two = simulate(catalogEntry('2pc/coordinator-and-voter-crash-in-commit').scenario);
    const three = simulate(catalogEntry('3pc/coordinator-and-voter-crash').scenario);
    expect(two.verdict).toBe('blocked');
    expect(three.verdict).toBe('committed');
    expect([decidedAt(three, 'v2'), decidedAt(three, 'v3')]).toEqual([23, 23]);
  });

  it('splits under the lecture\'s timeouts, and commits with an election, when the coordinator crashes in the middle of PreCommit', () => {
    const faults = [crash('coordinator', afterSend('coordinator', 'preCommit', { to: 'v1' }))];
    expect(simulate({ protocol: threePhaseCommit(), voters: 3, faults }).decisions).toEqual({ coordinator: null, v1: 'commit', v2: 'abort', v3: 'abort' });
    expect(simulate({ protocol: threePhaseCommit({ termination: 'elect' }), voters: 3, faults }).verdict).toBe('committed');
  });

  it('applies each timeout rule of the table: init and uncertain abort, precommitted commits, a missing ack aborts or commits', () => {
    expect(simulate({ protocol: threePhaseCommit(), voters: 3, faults: [crash('coordinator', at(0))] }).verdict).toBe('aborted');
    expect(simulate({ protocol: threePhaseCommit(), voters: 3, faults: [crash('coordinator', afterReceive('coordinator', 'vote', { nth: 3 }))] }).verdict).toBe('aborted');
    const v1Silent = [crash('v1', afterReceive('v1', 'preCommit')), recover('v1', at(40))];
    expect(simulate({ protocol: threePhaseCommit(), voters: 3, faults: v1Silent }).verdict).toBe('aborted');
    expect(simulate({ protocol: threePhaseCommit({ preCommitAckTimeout: 'commit' }), voters: 3, faults: v1Silent }).verdict).toBe('committed');
  });
});

describe('lesson 06: 3PC under partitions, recovery and slow networks', () => {
  it('has participant A roll back once it returns, while B stays committed (the lecture\'s A and B)', () => {
    const base = catalogEntry('3pc/crash-and-cut').scenario;
    const run = simulate({ ...base, faults: [...base.faults!, recover('v1', at(50))] });
    expect(run.decisions).toEqual({ coordinator: 'abort', v1: 'abort', v2: 'commit', v3: 'abort' });
  });

  it('stays consistent when the cut heals before the coordinator\'s abort at t=12 (the lecture)', () => {
    const run = simulate({ protocol: threePhaseCommit(), voters: 3, faults: [crash('v1', afterReceive('v1', 'preCommit')), cut('coordinator', 'v2', afterSend('v2', 'preCommitAck'), at(10))] });
    expect(run.verdict).toBe('aborted');
  });

  it('shows two elected coordinators in fig. 5: v1 from t=23 and v2 from t=51 (article fig. 5)', () => {
    const run = simulate(catalogEntry('3pc/partition-split-brain').scenario);
    const leaders = run.trace.filter((e) => e.kind === 'send' && e.message.type === 'stateReq').map((e) => `${e.node}@${e.t}`);
    expect([...new Set(leaders)]).toEqual(['v1@23', 'v2@51']);
  });

  it('stays consistent under the lecture\'s ack rule when the coordinator stays up on v1\'s side of the partition', () => {
    const run = simulate({ protocol: threePhaseCommit({ termination: 'elect' }), voters: 3, faults: [partition([['coordinator', 'v1'], ['v2', 'v3']], afterSend('coordinator', 'preCommit', { to: 'v1' }))] });
    expect(run.verdict).toBe('aborted');
  });

  it('turns fail-recover inconsistent once the coordinator stalls long enough for the voters to terminate without it (article, fail-recover)', () => {
    const base = catalogEntry('3pc/fail-recover').scenario;
    const stalled = base.faults![0] as Extract<Fault, { kind: 'pause' }>;
    const verdictAfter = (ticks: number) => simulate({ ...base, faults: [{ ...stalled, ticks }] }).verdict;
    expect([10, 20].map(verdictAfter)).toEqual(['aborted', 'aborted']);
    expect([30, 40, 60, 100].map(verdictAfter)).toEqual(['inconsistent', 'inconsistent', 'inconsistent', 'inconsistent']);
  });

  it('never splits when the coordinator really crashes and recovers instead, whenever it comes back: it asks (Bernstein et al. sec. 7.5)', () => {
    const crashed = catalogEntry('3pc/coordinator-recovers-and-asks').scenario;
    const verdictAt = (t: number) => simulate({ ...crashed, faults: [crashed.faults![0], recover('coordinator', at(t))] }).verdict;
    for (const t of [10, 20, 26, 27, 28, 40, 100]) expect(verdictAt(t)).not.toBe('inconsistent');
  });

  it('splits 3PC with timeouts but only aborts 2PC once the slow links outgrow the timeout margin (DDIA ch. 8 and 9)', () => {
    const slowLinks = (message: string, extra: number) => [slow('v2', 'coordinator', extra, afterReceive('v2', message)), slow('coordinator', 'v2', extra, afterReceive('v2', message))];
    for (const extra of [10, 20, 40]) {
      expect(simulate({ protocol: threePhaseCommit(), voters: 3, faults: slowLinks('preCommit', extra) }).verdict).toBe('inconsistent');
      expect(simulate({ protocol: threePhaseCommit({ termination: 'elect' }), voters: 3, faults: slowLinks('preCommit', extra) }).verdict).toBe('aborted');
      expect(simulate({ protocol: twoPhaseCommit(), voters: 3, faults: slowLinks('prepare', extra) }).verdict).toBe('aborted');
    }
  });

  it('lets A commit at t=5 without waiting for B, which asks when it returns at t=40 and commits at t=42 (a reader\'s question)', () => {
    const run = simulate({ protocol: threePhaseCommit(), voters: 3, faults: [crash('v2', afterSend('v2', 'preCommitAck')), recover('v2', at(40))] });
    expect([decidedAt(run, 'v1'), decidedAt(run, 'v2')]).toEqual([5, 42]);
    expect(run.verdict).toBe('committed');
  });
});

describe('lesson 07: what each protocol gives up, measured (the lecture; DDIA ch. 9)', () => {
  const base: Scenario = { protocol: twoPhaseCommit(), voters: 3, network: { delay: [1, 3] }, horizon: 200 };

  it('finds 2PC never inconsistent and 3PC with timeouts sometimes inconsistent under message loss alone', () => {
    const rows = sweep({ base, vary: { protocol: [twoPhaseCommit(), threePhaseCommit()], 'network.loss': [0.1, 0.2] }, seeds: 300 });
    const twoPC = rows.filter((r) => r.protocol === 'twoPhaseCommit');
    const threePC = rows.filter((r) => r.protocol === 'threePhaseCommit');
    expect([twoPC.length, threePC.length]).toEqual([2, 2]);
    expect(twoPC.every((r) => r.inconsistent === 0 && r.blocked === 0)).toBe(true);
    expect(threePC.some((r) => r.inconsistent > 0)).toBe(true);
    expect(threePC.every((r) => r.blocked === 0)).toBe(true);
  });

  it('finds 2PC blocked and never inconsistent, and 3PC (elect) inconsistent and never blocked, when every run has a partition', () => {
    // Every side (a non-empty set of nodes, not all four) at every start tick of the lesson's draws, never healed.
    const nodes = ['coordinator', 'v1', 'v2', 'v3'];
    const sides = Array.from({ length: 14 }, (_, i) => nodes.filter((_, bit) => (i + 1) & (1 << bit)));
    const verdicts = (protocol: Scenario['protocol']) => [0, 1, 2, 3, 4, 5, 6, 7, 8].flatMap((start) => sides.map((side) =>
      simulate({ ...base, protocol, faults: [partition([side], at(start))] }, { trace: 'none' }).verdict));
    expect(verdicts(twoPhaseCommit())).toContain('blocked');
    expect(verdicts(twoPhaseCommit())).not.toContain('inconsistent');
    expect(verdicts(threePhaseCommit({ termination: 'elect' }))).toContain('inconsistent');
    expect(verdicts(threePhaseCommit({ termination: 'elect' }))).not.toContain('blocked');
  });
});

describe('lesson 07: the explorer over every fault placement (article; Skeen\'s termination rule)', () => {
  it('never finds 2PC inconsistent under up to two crashes or a partition, and finds it blocked', () => {
    for (const kinds of [{ crash: 2 }, { partition: 1 }]) {
      const result = explore({ protocol: twoPhaseCommit(), faults: { kinds }, horizon: 200, progress: false });
      expect(result.counts.inconsistent).toBe(0);
      expect(result.counts.blocked).toBeGreaterThan(0);
    }
  });

  it('finds 3PC with an election inconsistent under two crashes with the lecture\'s ack rule, and never with Skeen\'s', () => {
    const lecture = explore({ protocol: threePhaseCommit({ termination: 'elect' }), faults: { kinds: { crash: 2 } }, horizon: 200, progress: false });
    expect(simulate(lecture.smallest.inconsistent!).decisions).toEqual({ coordinator: 'abort', v1: null, v2: 'commit', v3: 'commit' });
    const skeen = explore({ protocol: threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'commit' }), faults: { kinds: { crash: 2 } }, horizon: 200, progress: false });
    expect([skeen.counts.inconsistent, skeen.counts.blocked]).toEqual([0, 0]);
  });

  it('finds 3PC with an election and Skeen\'s rule inconsistent under a partition and under a pause', () => {
    const protocol = threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'commit' });
    for (const kinds of [{ partition: 1 }, { pause: 1 }]) {
      expect(explore({ protocol, faults: { kinds }, horizon: 200, progress: false }).counts.inconsistent).toBeGreaterThan(0);
    }
  });
});
