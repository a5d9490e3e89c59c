// A learner writes a new link fault with plain RxJS and plugs it into a run
// (docs/DESIGN.md, "The world": a learner composes faults with `pipe` and writes a new one).
import { filter, map, pipe } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { drop, simulate, twoPhaseCommit, type Envelope } from '../../lib';

describe('a link fault of your own', () => {
  it('can drop every ack, and the coordinator keeps resending its decision', () => {
    const noAcks = map((e: Envelope) => (e.message.type === 'ack' ? drop(e, 'acks are lost') : e));
    const run = simulate({ protocol: twoPhaseCommit(), horizon: 100 }, { link: noAcks });
    expect(run.trace.filter((e) => e.kind === 'drop' && e.reason === 'acks are lost').length).toBeGreaterThan(9);
    expect(run.verdict).toBe('committed');
  });

  it('can be composed from several operators with pipe, drawing from the link\'s seeded random source', () => {
    const flakyVotes = pipe(
      map((e: Envelope) => (e.message.type === 'vote' && e.random.chance(0.5) ? drop(e, 'flaky') : e)),
      map((e: Envelope) => { e.deliverAt += e.from === 'v3' ? 2 : 0; return e; }),
    );
    const a = simulate({ protocol: twoPhaseCommit(), seed: 5 }, { link: flakyVotes });
    const b = simulate({ protocol: twoPhaseCommit(), seed: 5 }, { link: flakyVotes });
    expect(a.trace).toEqual(b.trace);
  });

  it('may even filter messages out silently; they are simply never delivered', () => {
    const run = simulate({ protocol: twoPhaseCommit() }, { link: filter((e: Envelope) => e.to !== 'v2') });
    expect(run.trace.some((e) => e.kind === 'deliver' && e.node === 'v2')).toBe(false);
    expect(run.verdict).toBe('aborted');
  });
});
