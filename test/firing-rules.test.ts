// The timing rules (docs/DESIGN.md, "Timing rules"), which make two implementations
// agree on every verdict: when a trigger fires, what a fault does, and in what order.
import { describe, expect, it } from 'vitest';
import {
  afterReceive, afterSend, at, crash, cut, onEnter, partition, pause, printEvent, recover, simulate, slow, twoPhaseCommit,
  type Scenario, type TraceEvent,
} from '../lib';

const twoPC = twoPhaseCommit();
const lines = (trace: readonly TraceEvent[]) => trace.map(printEvent);
const sends = (trace: readonly TraceEvent[], type: string) =>
  trace.filter((e): e is Extract<TraceEvent, { kind: 'send' }> => e.kind === 'send' && e.message.type === type);

describe('triggers fire right after the event they name, before anything else happens', () => {
  it('afterSend(coordinator, commit, {to: v1}) stops the broadcast after v1: v2 and v3 never get commit (article fig. 3)', () => {
    const run = simulate({ protocol: twoPC, faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' }))] });
    expect(sends(run.trace, 'commit').map((e) => e.to)).toEqual(['v1']);
    const i = run.trace.findIndex((e) => e.kind === 'send' && e.message.type === 'commit');
    expect(run.trace[i + 1]).toMatchObject({ kind: 'crash', node: 'coordinator' });
  });

  it('a broadcast goes to voters in id order, v1 first', () => {
    const run = simulate({ protocol: twoPC, voters: 5 });
    expect(sends(run.trace, 'prepare').map((e) => e.to)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
  });

  it('afterSend fires for a message the network then loses: the send happened', () => {
    const run = simulate({
      protocol: twoPC,
      network: { loss: 1 },
      faults: [crash('v1', afterSend('coordinator', 'prepare', { to: 'v2' }))],
    });
    expect(run.trace.find((e) => e.kind === 'crash')).toMatchObject({ t: 0, node: 'v1' });
    expect(run.trace.some((e) => e.kind === 'drop' && e.reason === 'loss')).toBe(true);
  });

  it('afterReceive fires once the node has handled the message (state, log) but before it replies', () => {
    const run = simulate({ protocol: twoPC, faults: [crash('v2', afterReceive('v2', 'prepare'))] });
    const v2 = run.trace.filter((e) => e.node === 'v2');
    expect(lines(v2).slice(0, 7)).toEqual([
      't=0 v2 starts (will vote yes)',
      't=1 v2 <- coordinator prepare',
      't=1 v2 init => prepared',
      't=1 v2 logs prepare',
      't=1 v2 crashes',
      // the vote never leaves; the coordinator aborts at t=10, and its abort finds v2 down
      't=11 coordinator -x v2 abort (dropped: receiver down)',
      't=21 coordinator -x v2 abort (dropped: receiver down)',
    ]);
    expect(sends(run.trace, 'vote').map((e) => e.node)).toEqual(['v1', 'v3']);
  });

  it('afterReceive can name the sender and the nth message', () => {
    const run = simulate({ protocol: twoPC, faults: [crash('coordinator', afterReceive('coordinator', 'vote', { from: 'v3' }))] });
    const crashAt = run.trace.findIndex((e) => e.kind === 'crash');
    expect(crashAt).toBeGreaterThan(0);
    const lastDelivered = run.trace.slice(0, crashAt).filter((e) => e.kind === 'deliver' && e.node === 'coordinator').pop();
    expect(lastDelivered).toMatchObject({ from: 'v3', message: { type: 'vote' } });
    // handled (decided and logged) before the crash, but its commit never sent
    expect(lines(run.trace.slice(crashAt - 3, crashAt + 1))).toEqual([
      't=2 coordinator waiting => committed', 't=2 coordinator logs commit', 't=2 coordinator decides commit', 't=2 coordinator crashes',
    ]);
    expect(sends(run.trace, 'commit')).toHaveLength(0);
    const second = simulate({ protocol: twoPC, faults: [crash('coordinator', afterReceive('coordinator', 'vote', { nth: 2 }))] });
    const delivered = second.trace.filter((e) => e.kind === 'deliver' && e.node === 'coordinator');
    expect(delivered).toHaveLength(2);
  });

  it('onEnter fires on entering the state, before the node sends anything from it', () => {
    const run = simulate({ protocol: twoPC, faults: [crash('coordinator', onEnter('coordinator', 'committed'))] });
    expect(sends(run.trace, 'commit')).toHaveLength(0);
    // the decision and its log record were written before the trigger: they survive
    expect(run.decisions.coordinator).toBe('commit');
    expect(run.verdict).toBe('blocked');
  });

  it('a trigger fires once, even if its event happens again', () => {
    const run = simulate({
      protocol: twoPC,
      faults: [crash('v1', afterSend('coordinator', 'prepare')), recover('v1', afterSend('coordinator', 'abort'))],
    });
    expect(run.trace.filter((e) => e.kind === 'crash')).toHaveLength(1);
    expect(run.trace.filter((e) => e.kind === 'recover')).toHaveLength(1);
  });

  it('a trigger whose event never happens never fires', () => {
    const run = simulate({ protocol: twoPC, faults: [crash('v1', afterSend('coordinator', 'abort'))] });
    expect(run.trace.some((e) => e.kind === 'crash')).toBe(false);
    expect(run.verdict).toBe('committed');
  });
});

describe('at(t) takes effect at the start of tick t, before any start, delivery or timer at t', () => {
  it('at(0) crashes the coordinator before it starts', () => {
    const run = simulate({ protocol: twoPC, faults: [crash('coordinator', at(0))] });
    expect(run.trace[0]).toMatchObject({ t: 0, kind: 'crash', node: 'coordinator' });
    expect(run.trace.some((e) => e.kind === 'start' && e.node === 'coordinator')).toBe(false);
  });

  it('at(1) crashes v1 before the prepare that arrives at t=1 is delivered', () => {
    const run = simulate({ protocol: twoPC, faults: [crash('v1', at(1))] });
    const v1 = run.trace.filter((e) => e.t === 1 && (e.node === 'v1'));
    expect(lines(v1).slice(0, 2)).toEqual(['t=1 v1 crashes', 't=1 coordinator -x v1 prepare (dropped: receiver down)']);
  });
});

describe('what faults do', () => {
  it("a sender's crash does not recall what it already sent", () => {
    const run = simulate({ protocol: twoPC, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))] });
    expect(run.trace.filter((e) => e.kind === 'deliver' && e.message.type === 'prepare')).toHaveLength(3);
  });

  it('a crash loses the timers: nothing set before it fires after it', () => {
    const run = simulate({
      protocol: twoPC,
      faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' })), recover('coordinator', at(30))],
    });
    // the vote timer (due at t=10) died with the crash
    expect(run.trace.filter((e) => e.kind === 'timeout' && e.node === 'coordinator' && e.timer === 'votes')).toHaveLength(0);
    expect(run.verdict).toBe('aborted');
  });

  it('crashing a node that is down, or recovering one that is up, does nothing and is recorded', () => {
    const run = simulate({ protocol: twoPC, faults: [crash('v1', at(1)), crash('v1', at(2)), recover('v2', at(3))] });
    expect(lines(run.trace.filter((e) => e.kind === 'crash' || e.kind === 'recover'))).toEqual([
      't=1 v1 crashes',
      't=2 v1 crashes (already down: nothing happens)',
      't=3 v2 recovers (already up: nothing happens)',
    ]);
  });

  it('a cut holds over [when, until): a delivery at `when` is dropped, one at `until` arrives', () => {
    const dropped = simulate({ protocol: twoPC, faults: [cut('coordinator', 'v1', at(1), at(2))] });
    expect(dropped.trace.find((e) => e.kind === 'drop')).toMatchObject({ t: 1, node: 'v1', reason: 'cut', message: { type: 'prepare' } });
    const arrives = simulate({ protocol: twoPC, faults: [cut('coordinator', 'v1', at(0), at(1))] });
    expect(arrives.trace.some((e) => e.kind === 'drop')).toBe(false);
  });

  it('a cut drops in-flight messages too: its window is judged at delivery', () => {
    // prepare leaves at t=0 and is due at t=2; the cut opens at t=1
    const run = simulate({ protocol: twoPC, network: { delay: 2 }, faults: [cut('coordinator', 'v1', at(1))] });
    expect(run.trace.find((e) => e.kind === 'drop')).toMatchObject({ t: 2, reason: 'cut', message: { type: 'prepare' } });
  });

  it('a cut is one direction only', () => {
    const run = simulate({ protocol: twoPC, faults: [cut('v1', 'coordinator', at(0))] });
    expect(run.trace.some((e) => e.kind === 'deliver' && e.node === 'v1')).toBe(true);
    expect(run.trace.some((e) => e.kind === 'deliver' && e.node === 'coordinator' && e.from === 'v1')).toBe(false);
  });

  it('nodes named in no group of a partition form one more group', () => {
    const run = simulate({ protocol: twoPC, faults: [partition([['coordinator', 'v1']], at(0))] });
    const delivered = run.trace.filter((e) => e.kind === 'deliver').map((e) => `${(e as { from: string }).from}->${e.node}`);
    expect(delivered).toContain('coordinator->v1');
    expect(delivered).not.toContain('coordinator->v2');
    expect(delivered).not.toContain('coordinator->v3');
    // v2 and v3 are on the same side: a partition does not cut them apart
    const coop = simulate({
      protocol: twoPhaseCommit({ termination: 'cooperative' }),
      faults: [partition([['coordinator', 'v1']], afterSend('v3', 'vote'))],
    });
    expect(coop.trace.some((e) => e.kind === 'deliver' && e.node === 'v3' && (e as { from: string }).from === 'v2')).toBe(true);
  });

  it('a slow link adds its extra ticks to messages sent while it holds', () => {
    const run = simulate({ protocol: twoPC, faults: [slow('coordinator', 'v2', 5)] });
    const prepareToV2 = run.trace.find((e) => e.kind === 'deliver' && e.node === 'v2' && e.message.type === 'prepare');
    expect(prepareToV2?.t).toBe(6);
  });

  it('a paused node takes no step and fires no timer; messages wait for it', () => {
    const run = simulate({ protocol: twoPC, faults: [pause('v1', at(1), 20)] });
    const v1 = run.trace.filter((e) => e.node === 'v1');
    expect(lines(v1).slice(0, 4)).toEqual([
      't=0 v1 starts (will vote yes)',
      't=1 v1 pauses until t=21',
      't=21 v1 resumes',
      't=21 v1 <- coordinator prepare',
    ]);
    // meanwhile the coordinator timed out at t=10 and aborted; v1 answers the old prepare and learns
    expect(run.verdict).toBe('aborted');
  });

  it('a paused node counts as up: a pause past the horizon leaves the run blocked, not decided', () => {
    const run = simulate({ protocol: twoPC, horizon: 50, faults: [pause('v1', afterSend('v1', 'vote'), 1000)] });
    expect(run.up.v1).toBe(true);
    expect(run.verdict).toBe('blocked');
  });

  it('a crash during a pause ends the pause; what was waiting is lost', () => {
    const run = simulate({ protocol: twoPC, faults: [pause('v1', at(1), 20), crash('v1', at(5))] });
    expect(run.trace.some((e) => e.kind === 'resume')).toBe(false);
    expect(run.trace.some((e) => e.kind === 'deliver' && e.node === 'v1')).toBe(false);
  });

  it('events at the same tick run first in, first out', () => {
    const run = simulate({ protocol: twoPC });
    const atOne = run.trace.filter((e) => e.t === 1 && e.kind === 'deliver').map((e) => e.node);
    expect(atOne).toEqual(['v1', 'v2', 'v3']);
  });

  it('the horizon stops the run', () => {
    const s: Scenario = { protocol: twoPC, horizon: 100, faults: [cut('coordinator', 'v2', afterSend('v2', 'vote'))] };
    const run = simulate(s);
    expect(Math.max(...run.trace.map((e) => e.t))).toBeLessThanOrEqual(100);
    expect(run.stats.duration).toBeLessThanOrEqual(100);
  });
});
