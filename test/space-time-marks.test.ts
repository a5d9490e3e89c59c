// What a space-time diagram must let a learner find (issue 18; the article's figures; lesson 00):
// every message labelled or accounted for, a lost message's cross on its own path, every kind
// of mark in the key, a copy of a message visible beside its original, the full message on hover.
import { describe, expect, it } from 'vitest';
import { catalogEntry, drop, simulate, spaceTime, toSVG, twoPhaseCommit, MARK, type Envelope, type Run } from '../lib';
import { shortLabel } from '../lib/charts/space-time-data';
import { map, type OperatorFunction } from 'rxjs';

type Datum = Record<string, unknown> & { what: string };
/** The data of one layer of a one-panel diagram. */
function layer(spec: unknown, name: string): Datum[] {
  const l = (spec as { layer: { name: string; data: { values: Datum[] } }[] }).layer.find((x) => x.name === name);
  if (!l) throw new Error(`no layer ${name}`);
  return l.data.values;
}

/** Lesson 00's link that eats half the acks. */
const ackEater: OperatorFunction<Envelope, Envelope> = map((e: Envelope) =>
  e.message.type === 'ack' && e.random.chance(0.5) ? drop(e, 'ack eaten') : e,
);
const eaten = (): Run => simulate({ protocol: twoPhaseCommit(), seed: 1 }, { link: ackEater });

describe('space-time diagrams show what the lessons ask a learner to find (issue 18)', () => {
  it("draws a lost ack's cross on the ack's own path, between the sender's column and the next, never on a third node's column (lesson 00)", () => {
    const run = eaten();
    const lost = run.trace.filter((e) => e.kind === 'drop');
    expect(lost.length).toBeGreaterThan(0);
    const spec = spaceTime(run, { to: 40 });
    const columns = layer(spec, MARK.nodeName).map((n) => ({ node: n.text as string, x: n.x as number }));
    const crosses = layer(spec, MARK.dropCross);
    for (const e of lost.filter((l) => l.t <= 40)) {
      if (e.kind !== 'drop') continue;
      const cross = crosses.find((c) => c.what.startsWith(`t=${e.t} ${e.from} -x ${e.node}`))!;
      expect(cross).toBeDefined();
      const [a, b] = [columns.find((c) => c.node === e.from)!.x, columns.find((c) => c.node === e.node)!.x];
      expect(Math.min(a, b) < (cross.x as number) && (cross.x as number) < Math.max(a, b)).toBe(true);
      for (const c of columns) expect(Math.abs(c.x - (cross.x as number))).toBeGreaterThan(10);
    }
    // And it is named: the drop's label says what was lost and why.
    expect(layer(spec, MARK.messageLabel).some((l) => /^ack.*: ack eaten$/.test(l.text as string))).toBe(true);
  });

  it('labels the resent commits and the peers\' asks, grouping a steady resend as "commit ×N, every T ticks" (lesson 00; 2pc/voter-down-in-commit)', () => {
    const spec = spaceTime(simulate(catalogEntry('2pc/voter-down-in-commit').scenario));
    const labels = layer(spec, MARK.messageLabel).map((l) => l.text as string);
    expect(labels.some((l) => /^commit ×\d+, every \d+ ticks: v2 down$/.test(l))).toBe(true);
    expect(labels).toContain('ask');
  });

  it('names every kind of mark it draws in its key, timer diamonds too (2pc/link-down-forever)', () => {
    const spec = spaceTime(simulate(catalogEntry('2pc/link-down-forever').scenario));
    const key = layer(spec, MARK.legendText).map((l) => l.text as string);
    expect(layer(spec, MARK.timeout).length).toBeGreaterThan(0);
    expect(key).toEqual(
      expect.arrayContaining(['message', 'commit', 'dropped', 'timer fires', 'cut link', 'idle ticks squeezed', 'prepared']),
    );
  });

  it('draws a copy delivered with no delay of its own beside its original, not over it, and calls it a copy', () => {
    const run = simulate({ protocol: twoPhaseCommit(), network: { duplicate: 1 }, seed: 3 });
    const spec = spaceTime(run);
    const arrows = layer(spec, MARK.messageArrow);
    const places = arrows.map((a) => [a.x, a.y, a.x2, a.y2].map(String).join(','));
    expect(new Set(places).size).toBe(places.length);
    expect(layer(spec, MARK.messageLabel).some((l) => / \(copy\)/.test(l.text as string))).toBe(true);
  });

  it("writes Paxos Commit's phase messages short, as '2a b0 v1', the whole message in the tooltip (Gray-Lamport)", async () => {
    expect(shortLabel({ type: 'phase2a', ins: 'v1', bal: 0, val: 'prepared', vote: 'yes' })).toBe('2a b0 v1');
    expect(shortLabel({ type: 'phase1b', ins: 'v3', mbal: 2, bal: 0, val: 'prepared' })).toBe('1b b2 v3');
    const spec = spaceTime(simulate(catalogEntry('paxos/happy').scenario));
    const labels = layer(spec, MARK.messageLabel);
    expect(labels.some((l) => (l.text as string).startsWith('2a b0 v') && l.what.includes('phase2a(ins=v'))).toBe(true);
    expect(labels.every((l) => (l.text as string).length <= 40)).toBe(true);
    const svg = await toSVG(spec);
    expect(svg).toMatch(/<title>t=\d+ a1 &lt;- v1 phase2a\(ins=v1, bal=0, val=prepared, vote=yes\) \(sent at t=\d+\)<\/title>/);
  });

  it('says in plain words where a cut-short chart stops and how to see the rest (2pc/link-down-forever)', () => {
    const spec = spaceTime(simulate(catalogEntry('2pc/link-down-forever').scenario)) as unknown as { title: { subtitle: string[] } };
    expect(spec.title.subtitle.join(' ')).toMatch(
      /^Stops at t=\d+; after it, only retries until t=\d+\. spaceTime\(run, \{ to: \d+ \}\) shows them all\.$/,
    );
  });
});

describe('a cut-short diagram keeps what matters (issue 18; lesson 01)', () => {
  it("runs until a reply delayed past the sender's timeout arrives (net/reply-delayed)", () => {
    const run = simulate(catalogEntry('net/reply-delayed').scenario);
    const late = run.trace.find((e) => e.kind === 'deliver' && e.message.type === 'reply')!;
    const spec = spaceTime(run) as unknown as { usermeta: { to: number } };
    expect(spec.usermeta.to).toBeGreaterThanOrEqual(late.t);
    expect(layer(spec, MARK.messageHead).some((h) => h.what.includes('reply'))).toBe(true);
  });
});
