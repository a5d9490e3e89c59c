// The 3PC roles alone, as pure functions: what each one does on each message,
// read off the returned outputs (XState style), not off a run. Then Skeen's rule
// checked against a naive reading of it, and the options' validation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ScenarioError, protocolDefinition, simulate, skeen, threePhaseCommit,
  type Input, type Output, type ReportedState,
} from '../lib';
import { ctx, drive, receive, sent, timeout, yesFrom } from './support/roles';

const definition = protocolDefinition('threePhaseCommit')!;
const logged = (outputs: Output[]) => outputs.filter((o) => o.kind === 'log').map((o) => (o as { record: { type: string } }).record.type);
const decided = (outputs: Output[]) => outputs.filter((o) => o.kind === 'decide').map((o) => (o as { decision: string }).decision);
const timers = (outputs: Output[]) => outputs.filter((o) => o.kind === 'setTimer').map((o) => `${(o as { timer: string }).timer}=${(o as { after: number }).after}`);

describe('the 3PC coordinator (article fig. 4; the lecture)', () => {
  const coordinator = definition.role(threePhaseCommit(), 'coordinator', 'coordinator');
  const c = ctx('coordinator');

  it('starts by asking every voter canCommit, in id order, and setting its vote timer', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'start' }]);
    expect(state).toBe('waiting');
    expect(sent(outputs)).toEqual(['v1:canCommit', 'v2:canCommit', 'v3:canCommit']);
    expect(timers(outputs)).toEqual(['votes=10']);
  });

  it('on the last yes logs its precommit record, then sends preCommit to everyone; no decision yet (Bernstein et al. sec. 7.5)', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'start' }, ...yesFrom('v1', 'v2', 'v3')]);
    expect(state).toBe('precommitted');
    expect(sent(outputs).slice(3)).toEqual(['v1:preCommit', 'v2:preCommit', 'v3:preCommit']);
    expect(logged(outputs)).toEqual(['precommit']);
    const logAt = outputs.findIndex((o) => o.kind === 'log');
    const firstPreCommit = outputs.findIndex((o) => o.kind === 'send' && o.message.type === 'preCommit');
    expect(firstPreCommit).toBeGreaterThan(-1);
    expect(logAt).toBeGreaterThan(-1);
    expect(logAt).toBeLessThan(firstPreCommit);
    expect(decided(outputs)).toEqual([]);
    expect(timers(outputs)).toContain('preCommitAcks=10');
  });

  it('commits on the last preCommitAck, logging commit before the first doCommit leaves', () => {
    const acks = ['v1', 'v2', 'v3'].map((v) => receive(v, 'preCommitAck'));
    const { state, outputs } = drive(coordinator, c, [{ kind: 'start' }, ...yesFrom('v1', 'v2', 'v3'), ...acks]);
    expect(state).toBe('committed');
    const logAt = outputs.findIndex((o) => o.kind === 'log');
    const firstDoCommit = outputs.findIndex((o) => o.kind === 'send' && o.message.type === 'doCommit');
    expect(logAt).toBeGreaterThan(-1);
    expect(logAt).toBeLessThan(firstDoCommit);
    expect(sent(outputs).slice(-3)).toEqual(['v1:doCommit', 'v2:doCommit', 'v3:doCommit']);
  });

  it('aborts on a no, or on a vote still missing at its timeout', () => {
    expect(drive(coordinator, c, [{ kind: 'start' }, receive('v2', 'vote', { vote: 'no' })]).state).toBe('aborted');
    expect(drive(coordinator, c, [{ kind: 'start' }, ...yesFrom('v1', 'v2'), timeout('votes')]).state).toBe('aborted');
  });

  it("aborts when a preCommitAck is missing at its timeout (the lecture's rule, the default)", () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'start' }, ...yesFrom('v1', 'v2', 'v3'), receive('v1', 'preCommitAck'), timeout('preCommitAcks')]);
    expect(state).toBe('aborted');
    expect(sent(outputs).slice(-3)).toEqual(['v1:abort', 'v2:abort', 'v3:abort']);
  });

  it("commits instead with preCommitAckTimeout 'commit' (Skeen: the silent voter has failed)", () => {
    const skeenCoordinator = definition.role(threePhaseCommit({ preCommitAckTimeout: 'commit' }), 'coordinator', 'coordinator');
    const { state } = drive(skeenCoordinator, c, [{ kind: 'start' }, ...yesFrom('v1', 'v2', 'v3'), receive('v1', 'preCommitAck'), timeout('preCommitAcks')]);
    expect(state).toBe('committed');
  });

  it('recovering with a precommit record and no decision, asks every voter and decides nothing alone (Skeen; Bernstein et al. sec. 7.5)', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'recover', log: [{ type: 'precommit' }] }]);
    expect(state).toBe('precommitted');
    expect(sent(outputs)).toEqual(['v1:ask', 'v2:ask', 'v3:ask']);
    expect(decided(outputs)).toEqual([]);
    const again = drive(coordinator, c, [{ kind: 'recover', log: [{ type: 'precommit' }] }, timeout('ask')]);
    expect(sent(again.outputs).slice(3)).toEqual(['v1:ask', 'v2:ask', 'v3:ask']);
    expect(decided(again.outputs)).toEqual([]);
  });

  it('asking, takes the outcome the first voter that knows tells it, logs it, and tells everyone', () => {
    const committed = drive(coordinator, c, [{ kind: 'recover', log: [{ type: 'precommit' }] }, receive('v2', 'doCommit')]);
    expect(committed.state).toBe('committed');
    expect(logged(committed.outputs)).toEqual(['commit']);
    expect(sent(committed.outputs).slice(3)).toEqual(['v1:doCommit', 'v2:doCommit', 'v3:doCommit']);
    const aborted = drive(coordinator, c, [{ kind: 'recover', log: [{ type: 'precommit' }] }, receive('v3', 'abort')]);
    expect(aborted.state).toBe('aborted');
    // A coordinator that did not crash takes no abort from a voter: it is the one that decides.
    expect(drive(coordinator, c, [{ kind: 'start' }, ...yesFrom('v1', 'v2', 'v3'), receive('v1', 'abort')]).state).toBe('precommitted');
  });

  it('recovering with neither a precommit record nor a decision, aborts and tells everyone: no preCommit ever left', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'recover', log: [] }]);
    expect(state).toBe('aborted');
    expect(logged(outputs)).toEqual(['abort']);
    expect(sent(outputs)).toEqual(['v1:abort', 'v2:abort', 'v3:abort']);
  });

  it('recovering with commit in its log, tells everyone doCommit again', () => {
    const { state, outputs } = drive(coordinator, c, [{ kind: 'recover', log: [{ type: 'commit' }] }]);
    expect(state).toBe('committed');
    expect(sent(outputs)).toEqual(['v1:doCommit', 'v2:doCommit', 'v3:doCommit']);
  });

  it('derives every timer from the timeout option', () => {
    const slowCoordinator = definition.role(threePhaseCommit({ timeout: 7 }), 'coordinator', 'coordinator');
    const { outputs } = drive(slowCoordinator, c, [{ kind: 'start' }, ...yesFrom('v1', 'v2', 'v3')]);
    expect(timers(outputs)).toEqual(['votes=7', 'preCommitAcks=7']);
  });
});

describe('the 3PC voter (article fig. 4; the lecture)', () => {
  const voter = definition.role(threePhaseCommit(), 'v2', 'voter');

  it('votes yes at canCommit after force-logging a small vote record, with no redo or undo yet (Skeen; Bernstein et al. sec. 7.5)', () => {
    const { state, outputs } = drive(voter, ctx('v2'), [{ kind: 'start' }, receive('coordinator', 'canCommit')]);
    expect(state).toBe('uncertain');
    expect(outputs).toContainEqual({ kind: 'send', to: 'coordinator', message: { type: 'vote', vote: 'yes' } });
    expect(logged(outputs)).toEqual(['vote']);
    const record = outputs.find((o) => o.kind === 'log') as { record: Record<string, unknown> };
    expect(record.record).not.toHaveProperty('redo');
    expect(outputs.findIndex((o) => o.kind === 'log')).toBeLessThan(outputs.findIndex((o) => o.kind === 'send'));
  });

  it('voting no, aborts at once and writes nothing: it may abort alone whenever it comes back (Bernstein et al. sec. 7.5)', () => {
    const { state, outputs } = drive(voter, ctx('v2', 'no'), [{ kind: 'start' }, receive('coordinator', 'canCommit')]);
    expect(state).toBe('aborted');
    expect(decided(outputs)).toEqual(['abort']);
    expect(logged(outputs)).toEqual([]);
    expect(sent(outputs)).toEqual(['coordinator:vote']);
  });

  it('writes its prepare record, with redo and undo, at preCommit, then acknowledges', () => {
    const { state, outputs } = drive(voter, ctx('v2'), [{ kind: 'start' }, receive('coordinator', 'canCommit'), receive('coordinator', 'preCommit')]);
    expect(state).toBe('precommitted');
    expect(logged(outputs)).toEqual(['vote', 'prepare']);
    const record = outputs.filter((o) => o.kind === 'log')[1] as { record: Record<string, unknown> };
    expect(record.record).toMatchObject({ type: 'prepare', redo: expect.any(String), undo: expect.any(String) });
    expect(sent(outputs).slice(-1)).toEqual(['coordinator:preCommitAck']);
  });

  it('commits on doCommit and acknowledges', () => {
    const { state, outputs } = drive(voter, ctx('v2'), [{ kind: 'start' }, receive('coordinator', 'canCommit'), receive('coordinator', 'preCommit'), receive('coordinator', 'doCommit')]);
    expect(state).toBe('committed');
    expect(decided(outputs)).toEqual(['commit']);
    expect(sent(outputs).slice(-1)).toEqual(['coordinator:ack']);
  });

  it("with termination timeouts, an uncertain voter that times out aborts (the lecture)", () => {
    const { state } = drive(voter, ctx('v2'), [{ kind: 'start' }, receive('coordinator', 'canCommit'), timeout('preCommit')]);
    expect(state).toBe('aborted');
  });

  it('with termination timeouts, a precommitted voter that times out commits (the lecture)', () => {
    const { state } = drive(voter, ctx('v2'), [{ kind: 'start' }, receive('coordinator', 'canCommit'), receive('coordinator', 'preCommit'), timeout('doCommit')]);
    expect(state).toBe('committed');
  });

  it('a voter that never hears canCommit aborts alone after twice the timeout: it promised nothing', () => {
    const { state, outputs } = drive(voter, ctx('v2'), [{ kind: 'start' }, timeout('canCommit')]);
    expect(timers(outputs)).toEqual(['canCommit=20']);
    expect(state).toBe('aborted');
  });

  it('recovering with nothing in its log, aborts alone: it never promised anything', () => {
    const { state, outputs } = drive(voter, ctx('v2'), [{ kind: 'recover', log: [] }]);
    expect(state).toBe('aborted');
    expect(decided(outputs)).toEqual(['abort']);
  });

  it('recovering with its yes vote and no outcome, is uncertain, asks everyone, and keeps asking instead of timing out (Skeen 1981)', () => {
    const { state, outputs } = drive(voter, ctx('v2'), [{ kind: 'recover', log: [{ type: 'vote', vote: 'yes' }] }]);
    expect(state).toBe('uncertain');
    expect(sent(outputs)).toEqual(['coordinator:ask', 'v1:ask', 'v3:ask']);
    expect(timers(outputs)).toEqual(['ask=20']);
    const later = drive(voter, ctx('v2'), [{ kind: 'recover', log: [{ type: 'vote', vote: 'yes' }] }, timeout('ask'), timeout('preCommit'), timeout('doCommit')]);
    expect(later.state).toBe('uncertain');
    expect(decided(later.outputs)).toEqual([]);
    expect(sent(later.outputs).slice(3)).toEqual(['coordinator:ask', 'v1:ask', 'v3:ask']);
  });

  it('recovering with its prepare record and no outcome, is precommitted, asks, and takes the answer of whoever knows', () => {
    const back = [{ kind: 'recover', log: [{ type: 'vote' }, { type: 'prepare' }] } as Input];
    expect(drive(voter, ctx('v2'), back).state).toBe('precommitted');
    expect(drive(voter, ctx('v2'), [...back, timeout('doCommit')]).state).toBe('precommitted');
    expect(drive(voter, ctx('v2'), [...back, receive('v3', 'abort')]).state).toBe('aborted');
    expect(drive(voter, ctx('v2'), [...back, receive('v1', 'doCommit')]).state).toBe('committed');
  });

  it('asked for the outcome, answers only once it knows it', () => {
    const asked = receive('v3', 'ask');
    expect(sent(drive(voter, ctx('v2'), [{ kind: 'start' }, receive('coordinator', 'canCommit'), asked]).outputs)).toEqual(['coordinator:vote']);
    const committed = [{ kind: 'start' } as Input, receive('coordinator', 'canCommit'), receive('coordinator', 'preCommit'), receive('coordinator', 'doCommit')];
    expect(sent(drive(voter, ctx('v2'), [...committed, asked]).outputs).slice(-1)).toEqual(['v3:doCommit']);
  });
});

describe("the 3PC voter with termination elect (the article's termination protocol, after Skeen)", () => {
  const spec = threePhaseCommit({ termination: 'elect' });
  const v1 = definition.role(spec, 'v1', 'voter');
  const v2 = definition.role(spec, 'v2', 'voter');
  const precommitted = [{ kind: 'start' } as Input, receive('coordinator', 'canCommit'), receive('coordinator', 'preCommit')];
  const uncertain = [{ kind: 'start' } as Input, receive('coordinator', 'canCommit')];

  it('timing out, asks the lowest-id voter, v1, to take over, and waits three timeouts for it', () => {
    const { state, outputs } = drive(v2, ctx('v2'), [...uncertain, timeout('preCommit')]);
    expect(state).toBe('uncertain');
    expect(sent(outputs).slice(-1)).toEqual(['v1:elect']);
    expect(timers(outputs).slice(-1)).toEqual(['leader=30']);
  });

  it('when v1 stays silent, gives up on it and takes over itself, asking every other voter for its state', () => {
    const { outputs } = drive(v2, ctx('v2'), [...uncertain, timeout('preCommit'), timeout('leader')]);
    expect(sent(outputs).slice(-2)).toEqual(['v1:stateReq', 'v3:stateReq']);
    expect(timers(outputs).slice(-1)).toEqual(['reports=10']);
  });

  it('v1, timing out itself, is the lowest id and takes over at once', () => {
    const { outputs } = drive(v1, ctx('v1'), [...uncertain, timeout('preCommit')]);
    expect(sent(outputs).slice(-2)).toEqual(['v2:stateReq', 'v3:stateReq']);
  });

  it('elected and gathering "precommitted", first brings everyone to precommitted, then commits on their acks', () => {
    const { state, outputs } = drive(v1, ctx('v1'), [
      ...uncertain, receive('v3', 'elect'), receive('v2', 'stateReport', { state: 'precommitted' }), receive('v3', 'stateReport', { state: 'uncertain' }),
    ]);
    expect(state).toBe('precommitted');
    expect(logged(outputs)).toEqual(['vote', 'prepare']);
    expect(sent(outputs).slice(-2)).toEqual(['v2:preCommit', 'v3:preCommit']);
    const done = drive(v1, ctx('v1'), [
      ...uncertain, receive('v3', 'elect'), receive('v2', 'stateReport', { state: 'precommitted' }), receive('v3', 'stateReport', { state: 'uncertain' }),
      receive('v2', 'preCommitAck'), receive('v3', 'preCommitAck'),
    ]);
    expect(done.state).toBe('committed');
    expect(sent(done.outputs).slice(-2)).toEqual(['v2:doCommit', 'v3:doCommit']);
  });

  it('elected and gathering only "uncertain", aborts: nobody can have committed', () => {
    const { state, outputs } = drive(v1, ctx('v1'), [
      ...uncertain, receive('v3', 'elect'), receive('v2', 'stateReport', { state: 'uncertain' }), receive('v3', 'stateReport', { state: 'uncertain' }),
    ]);
    expect(state).toBe('aborted');
    expect(sent(outputs).slice(-2)).toEqual(['v2:abort', 'v3:abort']);
  });

  it('elected, decides with the states it has when a report is missing at its timeout', () => {
    const { state } = drive(v1, ctx('v1'), [...precommitted, receive('v3', 'elect'), receive('v2', 'stateReport', { state: 'precommitted' }), timeout('reports')]);
    expect(state).toBe('precommitted');
  });

  it('asked to take over once decided, answers with the decision instead', () => {
    const { outputs } = drive(v1, ctx('v1'), [...precommitted, receive('coordinator', 'doCommit'), receive('v3', 'elect')]);
    expect(sent(outputs).slice(-1)).toEqual(['v3:doCommit']);
  });

  it('asked for its state, reports it and follows the asker, waiting for its decision', () => {
    const { outputs } = drive(v2, ctx('v2'), [...precommitted, receive('v1', 'stateReq')]);
    expect(outputs).toContainEqual({ kind: 'send', to: 'v1', message: { type: 'stateReport', state: 'precommitted' } });
    expect(timers(outputs).slice(-1)).toEqual(['leader=30']);
  });

  it('of two elected voters that meet, the lower id leads on and the higher one steps down to follow it', () => {
    const lower = drive(v1, ctx('v1'), [...precommitted, timeout('doCommit'), receive('v2', 'stateReq')]);
    expect(sent(lower.outputs).slice(-1)).toEqual(['v2:stateReport']);
    expect(timers(lower.outputs)).not.toContain('leader=30');
    const higher = drive(v2, ctx('v2'), [...precommitted, receive('v3', 'elect'), receive('v1', 'stateReq')]);
    expect(sent(higher.outputs).slice(-1)).toEqual(['v1:stateReport']);
    expect(timers(higher.outputs).slice(-1)).toEqual(['leader=30']);
  });

  it('following a voter that falls silent, gives up on it and elects the next one', () => {
    const v3 = definition.role(spec, 'v3', 'voter');
    const { outputs } = drive(v3, ctx('v3'), [...precommitted, receive('v1', 'stateReq'), timeout('leader')]);
    expect(sent(outputs).slice(-1)).toEqual(['v2:elect']);
  });
});

describe("Skeen's rule (skeen.ts), against a naive reading of the article", () => {
  const naive = (states: ReportedState[]) => {
    if (states.includes('committed')) return 'commit';
    if (states.includes('aborted')) return 'abort';
    if (states.includes('precommitted')) return 'preCommit';
    return 'abort';
  };

  it('agrees with it on every list of up to eight gathered states (1,000 lists)', () => {
    const state = fc.constantFrom<ReportedState>('init', 'uncertain', 'precommitted', 'committed', 'aborted');
    const agrees = fc.property(fc.array(state, { maxLength: 8 }), (states) => skeen(states) === naive(states));
    fc.assert(agrees, { seed: 20261123, numRuns: 1000 });
  });

  it('reads like the article: precommitted anywhere means commit after a preCommit round; all uncertain means abort', () => {
    expect(skeen(['uncertain', 'precommitted', 'uncertain'])).toBe('preCommit');
    expect(skeen(['uncertain', 'uncertain', 'uncertain'])).toBe('abort');
    expect(skeen(['precommitted', 'committed'])).toBe('commit');
    expect(skeen(['precommitted', 'aborted'])).toBe('abort');
  });
});

describe('threePhaseCommit options', () => {
  it('default to the lecture: preCommitAckTimeout abort, termination timeouts, timeout 10', () => {
    expect(threePhaseCommit()).toEqual({ name: 'threePhaseCommit', preCommitAckTimeout: 'abort', termination: 'timeouts', timeout: 10 });
  });

  it.each([
    ['termination', { termination: 'vote' }, "protocol.termination: expected one of 'timeouts', 'elect', got 'vote'"],
    ['preCommitAckTimeout', { preCommitAckTimeout: 'wait' }, "protocol.preCommitAckTimeout: expected one of 'abort', 'commit', got 'wait'"],
    ['timeout', { timeout: 0 }, 'protocol.timeout: expected a whole number from 1'],
  ])('refuse a bad %s with one ScenarioError naming the field and what it allows', (field, options, message) => {
    const run = () => simulate({ protocol: threePhaseCommit(options as never), voters: 3 });
    expect(run).toThrow(ScenarioError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as ScenarioError).field).toBe(`protocol.${field}`);
    }
  });

  it('let triggers name the termination messages, and refuse a message 3PC does not send', () => {
    expect(() => simulate({ protocol: threePhaseCommit({ termination: 'elect' }), faults: [{ kind: 'crash', node: 'v1', when: { kind: 'afterSend', node: 'v2', type: 'stateReq' } }] })).not.toThrow();
    expect(() => simulate({ protocol: threePhaseCommit(), faults: [{ kind: 'crash', node: 'v1', when: { kind: 'afterSend', node: 'coordinator', type: 'prepare' } }] })).toThrow(/prepare.*not a message of threePhaseCommit/);
  });
});
