// Issue 21, item 2 ("dependencies one way"): a protocol definition names no checker. A protocol
// whose runs end in something other than commit or abort is judged by the checker that
// lib/checkers/judges.ts names for it, and the world, `verdict` and the explorer all ask there
// (docs/DESIGN.md, "Checkers and the verdict" and "Layout and dependencies"; the lecture's monitor
// and DDIA ch. 8's lease for the two built in).
import { describe, expect, it } from 'vitest';
import { at, defineJudge, defineProtocol, failover, leaseLock, nothing, partition, pause, afterReceive, protocolDefinition, simulate, verdict, verdictsOf } from '../lib';

describe('judges by protocol name', () => {
  it('no protocol definition carries a checker of its own', () => {
    for (const name of ['leaseLock', 'failover', 'twoPhaseCommit']) expect(Object.keys(protocolDefinition(name)!)).not.toContain('judge');
  });

  it("the failover's runs are judged by twoMasters: a cut-off master and a promoted backup make it unsafe", () => {
    const run = simulate({ protocol: failover(), voters: 2, faults: [partition([['v1']], at(12))], horizon: 60 });
    expect(run.verdict).toBe('unsafe');
    expect(verdict(run)).toBe('unsafe');
    expect(verdictsOf('failover')).toEqual(['safe', 'unsafe']);
  });

  it("the lease lock's runs are judged by lockSafety: a paused holder without fencing makes it unsafe", () => {
    const run = simulate({ protocol: leaseLock({ lease: 20, fencing: false }), clients: 2, faults: [pause('c1', afterReceive('c1', 'granted'), 100)] });
    expect(run.verdict).toBe('unsafe');
  });

  it("a learner's variant of a protocol (leaseLock/learner, as lesson 09's lab names it) is judged as the protocol", () => {
    const judged = (name: string) => verdict({ trace: [], voters: [], scenario: { protocol: { name } } });
    expect(judged('leaseLock/learner')).toBe('safe');
    expect(verdictsOf('leaseLock/learner')).toEqual(['safe', 'unsafe']);
    expect(verdictsOf('twoPhaseCommit/lab')).toEqual(['committed', 'aborted', 'blocked', 'inconsistent']);
  });

  it('a protocol of your own gets its verdicts from the judge defined for its name', () => {
    defineProtocol({
      name: 'silentForJudges',
      options: {},
      messages: [],
      states: ['idle'],
      role: () => ({ init: () => 'idle', stateName: () => 'idle', step: (s) => [s, nothing] }),
    });
    expect(verdictsOf('silentForJudges')).toEqual(['committed', 'aborted', 'blocked', 'inconsistent']);
    defineJudge('silentForJudges', { verdicts: ['safe', 'unsafe'], verdict: (run) => (run.trace.length > 0 ? 'safe' : 'unsafe') });
    expect(verdictsOf('silentForJudges')).toEqual(['safe', 'unsafe']);
    expect(simulate({ protocol: { name: 'silentForJudges' }, voters: 1 }).verdict).toBe('safe');
  });
});
