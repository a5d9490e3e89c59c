// The 2PC roles alone, as pure functions: what each one does on each message,
// read off the returned outputs (XState style), not off a run.
import { describe, expect, it } from 'vitest';
import { protocolDefinition, twoPhaseCommit, type Output } from '../lib';
import { ctx, drive, receive, sent } from './support/roles';

const spec = twoPhaseCommit();
const definition = protocolDefinition('twoPhaseCommit')!;
const kinds = (outputs: Output[], kind: Output['kind']) => outputs.filter((o) => o.kind === kind);

describe('the 2PC coordinator (article fig. 1 and 2)', () => {
  const coordinator = definition.role(spec, 'coordinator', 'coordinator');
  const c = ctx('coordinator');

  it('starts by sending prepare to every voter, in id order, and setting its vote timer', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'start' }]);
    expect(state).toBe('waiting');
    expect(sent(outputs)).toEqual(['v1:prepare', 'v2:prepare', 'v3:prepare']);
    expect(kinds(outputs, 'setTimer')).toEqual([{ kind: 'setTimer', timer: 'votes', after: 10 }]);
  });

  it('commits on the last yes, logging the decision before it tells anyone', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'start' }, receive('v1', 'vote', { vote: 'yes' }), receive('v2', 'vote', { vote: 'yes' }), receive('v3', 'vote', { vote: 'yes' })]);
    expect(state).toBe('committed');
    const logAt = outputs.findIndex((o) => o.kind === 'log');
    const firstCommit = outputs.findIndex((o) => o.kind === 'send' && o.message.type === 'commit');
    expect(logAt).toBeGreaterThan(-1);
    expect(logAt).toBeLessThan(firstCommit);
    expect(sent(outputs).filter((s) => s.endsWith('commit'))).toEqual(['v1:commit', 'v2:commit', 'v3:commit']);
  });

  it('counts a duplicated yes once', () => {
    const { state } = drive(coordinator, c, [{ kind: 'start' }, receive('v1', 'vote', { vote: 'yes' }), receive('v1', 'vote', { vote: 'yes' }), receive('v2', 'vote', { vote: 'yes' })]);
    expect(state).toBe('waiting');
  });

  it('aborts on the first no', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'start' }, receive('v3', 'vote', { vote: 'no' })]);
    expect(state).toBe('aborted');
    expect(kinds(outputs, 'decide')).toEqual([{ kind: 'decide', decision: 'abort' }]);
  });

  it('aborts when its vote timer expires with a vote missing (silence is a no)', () => {
    const { state } = drive(coordinator, c, [{ kind: 'start' }, receive('v1', 'vote', { vote: 'yes' }), { kind: 'timeout', timer: 'votes' }]);
    expect(state).toBe('aborted');
  });

  it('resends its decision only to voters that have not acknowledged it', () => {
    const yes = ['v1', 'v2', 'v3'].map((v) => receive(v, 'vote', { vote: 'yes' }));
    const { outputs } = drive(coordinator, c, [{ kind: 'start' }, ...yes, receive('v1', 'ack'), receive('v3', 'ack'), { kind: 'timeout', timer: 'resend' }]);
    expect(sent(outputs).slice(-1)).toEqual(['v2:commit']);
  });

  it('stops resending once everyone acknowledged', () => {
    const yes = ['v1', 'v2', 'v3'].map((v) => receive(v, 'vote', { vote: 'yes' }));
    const acks = ['v1', 'v2', 'v3'].map((v) => receive(v, 'ack'));
    const { outputs } = drive(coordinator, c, [{ kind: 'start' }, ...yes, ...acks]);
    expect(outputs[outputs.length - 1]).toEqual({ kind: 'cancelTimer', timer: 'resend' });
  });

  it('recovering without a logged decision, aborts and tells everyone: undecided, it may still abort (plain 2PC recovery, Bernstein-Hadzilacos-Goodman ch. 7; not presumed abort)', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'recover', log: [] }]);
    expect(state).toBe('aborted');
    expect(sent(outputs)).toEqual(['v1:abort', 'v2:abort', 'v3:abort']);
  });

  it('recovering with a logged commit, resends commit and does not decide anew', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'recover', log: [{ type: 'commit' }] }]);
    expect(state).toBe('committed');
    expect(sent(outputs)).toEqual(['v1:commit', 'v2:commit', 'v3:commit']);
    expect(kinds(outputs, 'log')).toEqual([]);
  });

  it('answers a prepared voter that asks, once it has decided, and not before', () => {
    expect(sent(drive(coordinator, c, [{ kind: 'start' }, receive('v2', 'ask')]).outputs)).not.toContain('v2:commit');
    const decided = drive(coordinator, c, [{ kind: 'start' }, receive('v3', 'vote', { vote: 'no' }), receive('v2', 'ask')]);
    expect(sent(decided.outputs).slice(-1)).toEqual(['v2:abort']);
  });

  it('never mutates the state it is given', () => {
    const s0 = coordinator.init(c);
    const [s1] = coordinator.step(s0, { kind: 'start' });
    const frozen = JSON.stringify(s1);
    coordinator.step(s1, receive('v1', 'vote', { vote: 'yes' }));
    expect(JSON.stringify(s1)).toBe(frozen);
    expect(coordinator.stateName(s0)).toBe('init');
  });
});

describe('the 2PC voter (the lecture; DDIA ch. 9)', () => {
  const voter = definition.role(spec, 'v1', 'voter');

  it('votes yes by writing its prepare record (redo and undo) first', () => {
    const { state, outputs } = drive(voter, ctx('v1'), [{ kind: 'start' }, receive('coordinator', 'prepare')]);
    expect(state).toBe('prepared');
    const log = kinds(outputs, 'log')[0] as unknown as { record: { type: string; redo: string; undo: string } };
    expect(log.record).toMatchObject({ type: 'prepare' });
    expect(log.record.redo).toBeTruthy();
    expect(log.record.undo).toBeTruthy();
    expect(outputs.findIndex((o) => o.kind === 'log')).toBeLessThan(outputs.findIndex((o) => o.kind === 'send'));
  });

  it('voting no, aborts at once: a no promises nothing', () => {
    const { state, outputs } = drive(voter, ctx('v1', 'no'), [{ kind: 'start' }, receive('coordinator', 'prepare')]);
    expect(state).toBe('aborted');
    expect(kinds(outputs, 'decide')).toEqual([{ kind: 'decide', decision: 'abort' }]);
  });

  it('once prepared, never decides alone: a timeout only makes it ask again', () => {
    const { state, outputs } = drive(voter, ctx('v1'), [{ kind: 'start' }, receive('coordinator', 'prepare'), { kind: 'timeout', timer: 'ask' }, { kind: 'timeout', timer: 'ask' }]);
    expect(state).toBe('prepared');
    expect(kinds(outputs, 'decide')).toEqual([]);
    expect(sent(outputs).filter((s) => s.endsWith('ask'))).toEqual(['coordinator:ask', 'coordinator:ask']);
  });

  it('never hearing prepare, aborts alone when its timer expires', () => {
    const { state } = drive(voter, ctx('v1'), [{ kind: 'start' }, { kind: 'timeout', timer: 'prepare' }]);
    expect(state).toBe('aborted');
  });

  it('recovering with a prepare record and no decision, is prepared again and asks', () => {
    const { state, outputs } = drive(voter, ctx('v1'), [{ kind: 'recover', log: [{ type: 'prepare' }] }]);
    expect(state).toBe('prepared');
    expect(sent(outputs)).toEqual(['coordinator:ask']);
  });

  it('recovering with an empty log, aborts: it never voted yes', () => {
    expect(drive(voter, ctx('v1'), [{ kind: 'recover', log: [] }]).state).toBe('aborted');
  });

  it('recovering with a logged commit, is committed without deciding again', () => {
    const { state, outputs } = drive(voter, ctx('v1'), [{ kind: 'recover', log: [{ type: 'prepare' }, { type: 'commit' }] }]);
    expect(state).toBe('committed');
    expect(outputs).toEqual([]);
  });

  it('with cooperative termination, asks the other voters too', () => {
    const coop = definition.role(twoPhaseCommit({ termination: 'cooperative' }), 'v2', 'voter');
    const { outputs } = drive(coop, ctx('v2'), [{ kind: 'start' }, receive('coordinator', 'prepare'), { kind: 'timeout', timer: 'ask' }]);
    expect(sent(outputs).filter((s) => s.endsWith('ask'))).toEqual(['coordinator:ask', 'v1:ask', 'v3:ask']);
  });

  it('asked by a peer while still in init, refuses and says abort: it has not voted', () => {
    const { state, outputs } = drive(voter, ctx('v1'), [{ kind: 'start' }, receive('v2', 'ask')]);
    expect(state).toBe('aborted');
    expect(sent(outputs)).toEqual(['v2:abort']);
  });

  it('asked by a peer while prepared, says nothing: it does not know', () => {
    const { outputs } = drive(voter, ctx('v1'), [{ kind: 'start' }, receive('coordinator', 'prepare'), receive('v2', 'ask')]);
    expect(sent(outputs)).toEqual(['coordinator:vote']);
  });
});
