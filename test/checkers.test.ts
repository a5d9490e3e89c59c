// The checkers judge a run from its trace alone, and say who broke what, and where.
import { describe, expect, it } from 'vitest';
import {
  afterReceive, afterSend, agreement, at, catalogEntry, crash, cut, recover, simulate, termination, twoPhaseCommit, validity, verdict,
  type Judged, type TraceEvent,
} from '../lib';

const decide = (t: number, node: string, decision: 'commit' | 'abort'): TraceEvent => ({ t, kind: 'decide', node, decision });
const voteYes = (t: number, node: string): TraceEvent => ({
  t,
  kind: 'send',
  node,
  to: 'coordinator',
  message: { type: 'vote', vote: 'yes' },
  id: t,
});
const judged = (trace: TraceEvent[], voters = ['v1', 'v2']): Judged => ({ trace, voters });

describe('agreement', () => {
  it('holds when every decision is the same', () => {
    expect(agreement(judged([decide(1, 'coordinator', 'commit'), decide(2, 'v1', 'commit')])).ok).toBe(true);
  });
  it('breaks at the first decision against an earlier one, naming who decided against it', () => {
    const against = decide(5, 'v2', 'abort');
    const check = agreement(judged([decide(1, 'coordinator', 'commit'), decide(2, 'v1', 'commit'), against, decide(6, 'v1', 'abort')]));
    expect(check.ok).toBe(false);
    expect(check.event).toBe(against);
    expect(check.nodes).toEqual(['v2', 'v1']);
    expect(check.why).toMatch(/coordinator decided commit/);
  });
  it('counts a crashed node\'s decision: it was visible before the crash', () => {
    const trace = [decide(1, 'v1', 'commit'), { t: 2, kind: 'crash', node: 'v1' } as TraceEvent, decide(3, 'v2', 'abort')];
    expect(agreement(judged(trace)).ok).toBe(false);
  });
});

describe('validity', () => {
  it('holds when the commit follows a yes from every voter', () => {
    expect(validity(judged([voteYes(1, 'v1'), voteYes(1, 'v2'), decide(2, 'coordinator', 'commit')])).ok).toBe(true);
  });
  it('breaks at a commit that came before some voter said yes, naming that voter', () => {
    const commit = decide(2, 'coordinator', 'commit');
    const check = validity(judged([voteYes(1, 'v1'), commit, voteYes(3, 'v2')]));
    expect(check).toMatchObject({ ok: false, nodes: ['v2'], event: commit });
  });
  it('holds for an abort whatever the votes', () => {
    expect(validity(judged([decide(2, 'coordinator', 'abort')])).ok).toBe(true);
  });
});

describe('termination', () => {
  it('names the voters that are up and undecided at the end (2pc/coordinator-crash-after-prepare)', () => {
    const run = simulate(catalogEntry('2pc/coordinator-crash-after-prepare').scenario);
    expect(termination(run)).toMatchObject({ ok: false, nodes: ['v1', 'v2', 'v3'] });
  });
  it('does not hold a crashed voter to it', () => {
    const run = simulate(catalogEntry('2pc/voter-silent-in-prepare').scenario);
    expect(termination(run).ok).toBe(true);
  });
  it('holds a voter that crashed and recovered to it again', () => {
    const run = simulate({
      protocol: twoPhaseCommit(),
      faults: [crash('v2', afterSend('v2', 'vote')), recover('v2', at(30)), cut('coordinator', 'v2', at(29))],
    });
    expect(termination(run).nodes).toEqual(['v2']);
  });
});

describe('verdict from the trace', () => {
  it('agrees with the run\'s own verdict over many faulty runs', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const run = simulate({
        protocol: twoPhaseCommit({ termination: seed % 2 ? 'wait' : 'cooperative' }),
        network: { delay: [1, 5], loss: 0.3, duplicate: 0.1 },
        faults: [crash('coordinator', at(seed % 7)), recover('coordinator', at(20 + (seed % 40)))],
        horizon: 200,
        seed,
      });
      expect(verdict(run)).toBe(run.verdict);
    }
  });
  it('judges by durable decisions when no voter is up at the end', () => {
    const bothCommitted = simulate({
      protocol: twoPhaseCommit(),
      voters: 2,
      faults: [crash('v1', afterReceive('v1', 'commit')), crash('v2', afterReceive('v2', 'commit'))],
    });
    expect(bothCommitted.up).toMatchObject({ v1: false, v2: false });
    expect(bothCommitted.verdict).toBe('committed');
    // v2 goes down prepared, before its commit arrives at t=3: undecided for good
    const oneUndecided = simulate({
      protocol: twoPhaseCommit(),
      voters: 2,
      faults: [crash('v1', afterReceive('v1', 'commit')), crash('v2', at(3))],
    });
    expect(oneUndecided.decisions).toMatchObject({ v1: 'commit', v2: null });
    expect(oneUndecided.verdict).toBe('blocked');
  });
});
