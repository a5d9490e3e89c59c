// Presumed abort and presumed commit, after Mohan, Lindsay and Obermarck, "Transaction
// Management in the R* Distributed Database Management System" (ACM TODS 11(4), 1986):
// §2.1 "2P Under Normal Operation", §2.2 "2P and Failures", §3 "The Presumed Abort
// Protocol", §4 "The Presumed Commit Protocol", and the table closing §4, which counts
// log writes (forced and not) and messages per protocol. The kit sends the decision to
// every voter, the no voter included, in all three variants; R* (§2.1) spares the no
// voter that message. Otherwise the counts below are the paper's rules applied to one
// coordinator and three voters.
import { describe, expect, it } from 'vitest';
import {
  catalog,
  costs,
  explain,
  explore,
  protocolDefinition,
  simulate,
  twoPhaseCommit,
  type LogRecord,
  type Output,
  type Presumption,
} from '../lib';
import { survivingRecords } from '../lib/protocols/two-phase-commit/index';
import { ctx, drive, receive, sent } from './support/roles';

const PRESUMPTIONS: readonly Presumption[] = ['none', 'abort', 'commit'];
const definition = protocolDefinition('twoPhaseCommit')!;
const roleOf = (presumption: Presumption, node: string) =>
  definition.role(twoPhaseCommit({ presumption }), node, node === 'coordinator' ? 'coordinator' : 'voter');

const logged = (outputs: Output[]) => outputs.flatMap((o) => (o.kind === 'log' ? [o.record] : []));
const yesVotes = ['v1', 'v2', 'v3'].map((v) => receive(v, 'vote', { vote: 'yes' }));

describe('what each variant costs without failures (Mohan et al. 1986, §2.1, §3, §4 and the table closing §4)', () => {
  const measure = (presumption: Presumption, votes: Record<string, 'no'> = {}) => {
    const run = simulate({ protocol: twoPhaseCommit({ presumption }), voters: 3, votes });
    const { messages, acks, forcedWrites, lazyWrites } = costs(run);
    return { verdict: run.verdict, messages, acks, forcedWrites, lazyWrites };
  };

  it("a commit: plain 2PC and presumed abort spend the same; presumed commit drops the three acks and the voters' forced commit records, and adds a forced collecting record", () => {
    expect(Object.fromEntries(PRESUMPTIONS.map((p) => [p, measure(p)]))).toEqual({
      // coordinator: commit forced; voters: prepare and commit forced, each acks
      none: { verdict: 'committed', messages: 12, acks: 3, forcedWrites: 7, lazyWrites: 0 },
      // the same, plus the coordinator's lazy end record once every ack is in
      abort: { verdict: 'committed', messages: 12, acks: 3, forcedWrites: 7, lazyWrites: 1 },
      // coordinator: collecting and commit forced; voters: prepare forced, commit lazy, no ack
      commit: { verdict: 'committed', messages: 9, acks: 0, forcedWrites: 5, lazyWrites: 3 },
    });
  });

  it('an abort (v3 votes no): plain 2PC costs almost what a commit costs; presumed abort drops every ack and every forced abort record; presumed commit pays full price', () => {
    expect(Object.fromEntries(PRESUMPTIONS.map((p) => [p, measure(p, { v3: 'no' })]))).toEqual({
      // coordinator: abort forced; v1, v2: prepare and abort forced; v3: abort forced; three acks
      none: { verdict: 'aborted', messages: 12, acks: 3, forcedWrites: 6, lazyWrites: 0 },
      // only the two prepare records are forced; the coordinator's and voters' aborts stay in the buffer
      abort: { verdict: 'aborted', messages: 9, acks: 0, forcedWrites: 2, lazyWrites: 4 },
      // as plain 2PC, plus the forced collecting record and a lazy end record
      commit: { verdict: 'aborted', messages: 12, acks: 3, forcedWrites: 7, lazyWrites: 1 },
    });
  });
});

describe('presumed abort, write by write (Mohan et al. §3, "The Presumed Abort Protocol")', () => {
  const coordinator = roleOf('abort', 'coordinator');
  const c = ctx('coordinator');

  it('the coordinator writes no begin or collecting record before prepare', () => {
    expect(logged(drive(coordinator, c, [{ kind: 'start' }]).outputs)).toEqual([]);
  });

  it("the coordinator's abort record is not forced, and it sets no resend timer: aborts are not acknowledged", () => {
    const { outputs } = drive(coordinator, c, [{ kind: 'start' }, receive('v3', 'vote', { vote: 'no' })]);
    expect(logged(outputs)).toEqual([{ type: 'abort', forced: false }]);
    expect(outputs.some((o) => o.kind === 'setTimer' && o.timer === 'resend')).toBe(false);
  });

  it("the coordinator's commit record is forced and commits are still acknowledged, then a lazy end record lets it forget", () => {
    const acks = ['v1', 'v2', 'v3'].map((v) => receive(v, 'ack'));
    const { outputs } = drive(coordinator, c, [{ kind: 'start' }, ...yesVotes, ...acks]);
    expect(logged(outputs)).toEqual([{ type: 'commit' }, { type: 'end', forced: false }]);
  });

  it('a voter logs an abort lazily and does not acknowledge it; a commit it forces and acknowledges', () => {
    const voter = roleOf('abort', 'v1');
    const aborted = drive(voter, ctx('v1'), [{ kind: 'start' }, receive('coordinator', 'prepare'), receive('coordinator', 'abort')]);
    expect(logged(aborted.outputs).map((r) => r.forced ?? true)).toEqual([true, false]);
    expect(sent(aborted.outputs)).toEqual(['coordinator:vote']);
    const committed = drive(voter, ctx('v1'), [{ kind: 'start' }, receive('coordinator', 'prepare'), receive('coordinator', 'commit')]);
    expect(logged(committed.outputs).map((r) => r.forced ?? true)).toEqual([true, true]);
    expect(sent(committed.outputs)).toEqual(['coordinator:vote', 'coordinator:ack']);
  });

  it('a voter that votes no does not force its abort record', () => {
    const { outputs } = drive(roleOf('abort', 'v3'), ctx('v3', 'no'), [{ kind: 'start' }, receive('coordinator', 'prepare')]);
    expect(logged(outputs)).toEqual([{ type: 'abort', forced: false }]);
  });
});

describe('presumed commit, write by write (Mohan et al. §4, "The Presumed Commit Protocol")', () => {
  const coordinator = roleOf('commit', 'coordinator');
  const c = ctx('coordinator');

  it('the coordinator force-logs a collecting record naming the voters before the first prepare leaves', () => {
    const { outputs } = drive(coordinator, c, [{ kind: 'start' }]);
    const collecting = outputs.findIndex((o) => o.kind === 'log' && o.record.type === 'collecting');
    const firstPrepare = outputs.findIndex((o) => o.kind === 'send');
    expect(collecting).toBeGreaterThan(-1);
    expect(collecting).toBeLessThan(firstPrepare);
    expect(logged(outputs)).toEqual([{ type: 'collecting', voters: ['v1', 'v2', 'v3'] }]);
  });

  it('the coordinator forces its commit record, sends commit once and waits for no ack', () => {
    const { outputs } = drive(coordinator, c, [{ kind: 'start' }, ...yesVotes]);
    expect(logged(outputs).slice(1)).toEqual([{ type: 'commit' }]);
    expect(outputs.some((o) => o.kind === 'setTimer' && o.timer === 'resend')).toBe(false);
  });

  it('the coordinator forces an abort and collects acks for it, as plain 2PC does', () => {
    const { outputs } = drive(coordinator, c, [{ kind: 'start' }, receive('v3', 'vote', { vote: 'no' })]);
    expect(logged(outputs).slice(1)).toEqual([{ type: 'abort' }]);
    expect(outputs.some((o) => o.kind === 'setTimer' && o.timer === 'resend')).toBe(true);
  });

  it('a voter logs a commit lazily and does not acknowledge it; an abort it forces and acknowledges', () => {
    const voter = roleOf('commit', 'v1');
    const committed = drive(voter, ctx('v1'), [{ kind: 'start' }, receive('coordinator', 'prepare'), receive('coordinator', 'commit')]);
    expect(logged(committed.outputs).map((r) => r.forced ?? true)).toEqual([true, false]);
    expect(sent(committed.outputs)).toEqual(['coordinator:vote']);
    const aborted = drive(voter, ctx('v1'), [{ kind: 'start' }, receive('coordinator', 'prepare'), receive('coordinator', 'abort')]);
    expect(logged(aborted.outputs).map((r) => r.forced ?? true)).toEqual([true, true]);
    expect(sent(aborted.outputs)).toEqual(['coordinator:vote', 'coordinator:ack']);
  });

  it('recovering with a collecting record and no decision, the coordinator aborts, forces it and tells every voter it named', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'recover', log: [{ type: 'collecting', voters: ['v1', 'v2', 'v3'] }] }]);
    expect(state).toBe('aborted');
    expect(logged(outputs)).toEqual([{ type: 'abort' }]);
    expect(sent(outputs)).toEqual(['v1:abort', 'v2:abort', 'v3:abort']);
  });
});

describe('a crash loses the lazy records still in the buffer, and the presumption covers the loss', () => {
  const prepare: LogRecord = { type: 'prepare' };

  it('a presumed-abort voter whose lazy abort was lost is prepared again, asks, and a coordinator with no record answers abort', () => {
    const voter = drive(roleOf('abort', 'v1'), ctx('v1'), [{ kind: 'recover', log: [prepare, { type: 'abort', forced: false }] }]);
    expect(voter.state).toBe('prepared');
    expect(sent(voter.outputs)).toEqual(['coordinator:ask']);
  });

  it('a presumed-commit voter whose lazy commit was lost is prepared again and asks', () => {
    const voter = drive(roleOf('commit', 'v1'), ctx('v1'), [{ kind: 'recover', log: [prepare, { type: 'commit', forced: false }] }]);
    expect(voter.state).toBe('prepared');
  });

  it('recovery counts on a lazy record only if a later forced write flushed it to disk', () => {
    const lazy: LogRecord = { type: 'abort', forced: false };
    expect(survivingRecords([prepare, lazy])).toEqual([prepare]);
    expect(survivingRecords([prepare, lazy, prepare])).toEqual([prepare, lazy, prepare]);
  });
});

describe('asked about a transaction it has no record of, the coordinator answers with its presumption', () => {
  // A coordinator back from a crash with an empty log has forgotten the transaction, or never
  // wrote anything for it. A prepared voter asks.
  const answer = (presumption: Presumption) => {
    const { outputs } = drive(roleOf(presumption, 'coordinator'), ctx('coordinator'), [{ kind: 'recover', log: [] }, receive('v2', 'ask')]);
    return sent(outputs).filter((s) => s.startsWith('v2:'));
  };

  it('presumed abort: abort, and it sends nothing unasked: with no record it does not even know the voters (Mohan et al. §3)', () => {
    expect(answer('abort')).toEqual(['v2:abort']);
    expect(sent(drive(roleOf('abort', 'coordinator'), ctx('coordinator'), [{ kind: 'recover', log: [] }]).outputs)).toEqual([]);
  });

  it('presumed commit: commit, which is safe only because a collecting record precedes every prepare (Mohan et al. §4)', () => {
    expect(answer('commit')).toEqual(['v2:commit']);
  });

  it('plain 2PC: abort, by its ordinary recovery rule (no decision logged, so none was taken), and it tells every voter unasked (Bernstein-Hadzilacos-Goodman ch. 7; Mohan et al. §2.2)', () => {
    expect(answer('none')).toEqual(['v2:abort', 'v2:abort']);
  });

  it('presumed abort forgets an aborted transaction at once: after a crash the abort left no record, yet the answer is still abort', () => {
    const run = simulate({ protocol: twoPhaseCommit({ presumption: 'abort' }), voters: 3, votes: { v3: 'no' } });
    const coordinatorLog = run.trace.flatMap((e) => (e.kind === 'log' && e.node === 'coordinator' ? [e.record] : []));
    expect(coordinatorLog).toEqual([{ type: 'abort', forced: false }]);
    expect(answer('abort')).toEqual(['v2:abort']);
  });
});

describe('once every voter has acknowledged the outcome that is not presumed, the coordinator forgets it too', () => {
  // Which is why a voter must force that outcome to disk before it acknowledges it: after a crash
  // that lost it, the voter would ask and hear the presumption (Mohan et al. §3 and §4).
  const acks = ['v1', 'v2', 'v3'].map((v) => receive(v, 'ack'));

  it('presumed abort: asked after the last ack of a commit, the coordinator answers abort', () => {
    const { state, outputs } = drive(roleOf('abort', 'coordinator'), ctx('coordinator'), [
      { kind: 'start' },
      ...yesVotes,
      ...acks,
      receive('v2', 'ask'),
    ]);
    expect(state).toBe('committed');
    expect(sent(outputs).slice(-1)).toEqual(['v2:abort']);
  });

  it('presumed commit: asked after the last ack of an abort, the coordinator answers commit', () => {
    const { outputs } = drive(roleOf('commit', 'coordinator'), ctx('coordinator'), [
      { kind: 'start' },
      receive('v3', 'vote', { vote: 'no' }),
      ...acks,
      receive('v2', 'ask'),
    ]);
    expect(sent(outputs).slice(-1)).toEqual(['v2:commit']);
  });

  it('plain 2PC never forgets in this kit: asked after the last ack, it still answers from its record', () => {
    const { outputs } = drive(roleOf('none', 'coordinator'), ctx('coordinator'), [
      { kind: 'start' },
      ...yesVotes,
      ...acks,
      receive('v2', 'ask'),
    ]);
    expect(sent(outputs).slice(-1)).toEqual(['v2:commit']);
  });
});

describe('every 2PC case of the catalog reaches its verdict under each presumption', () => {
  const cases = catalog.filter((e) => e.id.startsWith('2pc/'));
  for (const presumption of PRESUMPTIONS) {
    for (const entry of cases) {
      it(`${entry.id} ends ${entry.expected} under presumption '${presumption}' (${entry.source})`, () => {
        const run = simulate({ ...entry.scenario, protocol: { ...entry.scenario.protocol, presumption } });
        expect(run.verdict, explain(run)).toBe(entry.expected);
      });
    }
  }
});

describe('no placement of up to two crashes and two recoveries makes any variant inconsistent (explore)', () => {
  for (const presumption of PRESUMPTIONS) {
    for (const votes of [{}, { v3: 'no' }] as Record<string, 'yes' | 'no'>[]) {
      it(`presumption '${presumption}', ${'v3' in votes ? 'v3 voting no' : 'every voter voting yes'}`, () => {
        const r = explore({
          protocol: twoPhaseCommit({ presumption }),
          voters: 3,
          votes,
          faults: { kinds: { crash: 2, recover: 2 }, max: 4 },
          progress: false,
        });
        expect(r.notReached).toBeUndefined();
        expect(r.counts.inconsistent).toBe(0);
        // It did look: crashes that block, and runs that end each way the votes allow.
        expect(r.counts.blocked).toBeGreaterThan(0);
        expect(r.counts['v3' in votes ? 'aborted' : 'committed']).toBeGreaterThan(0);
      });
    }
  }
});
