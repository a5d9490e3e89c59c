// Every failure case of the readings is a named, replayable scenario that reaches
// the verdict and the decisions the course says it does (docs/DESIGN.md, "The failure cases").
import { describe, expect, it } from 'vitest';
import { catalog, explain, simulate, type Scenario } from '../lib';

describe('the catalog', () => {
  it('has a unique id for every entry', () => {
    const ids = catalog.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(['2pc/happy', '2pc/vote-no', '2pc/voter-silent-in-prepare', '2pc/voter-down-in-commit', '2pc/link-down-forever',
    '2pc/coordinator-crash-before-prepare', '2pc/coordinator-crash-after-prepare', '2pc/coordinator-and-voter-crash-in-commit',
    'net/request-lost', 'net/request-queued', 'net/remote-crashed', 'net/remote-paused', 'net/reply-lost', 'net/reply-delayed'])(
    'holds the row %s of the course table', (id) => expect(catalog.map((e) => e.id)).toContain(id));

  describe.each(catalog.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const run = simulate(entry.scenario);

    it(`ends ${entry.expected} (${entry.source})`, () => {
      expect(run.verdict, explain(run)).toBe(entry.expected);
    });

    it('leaves every node with the decision the case describes', () => {
      for (const [node, decision] of Object.entries(entry.decisions ?? {})) {
        expect(run.decisions[node], `${node}\n${explain(run)}`).toBe(decision);
      }
    });

    it('replays identically from its JSON', () => {
      const again = simulate(JSON.parse(JSON.stringify(entry.scenario)) as Scenario);
      expect(again.trace).toEqual(run.trace);
    });

    it('says why, with a title and a source', () => {
      expect(entry.title.length).toBeGreaterThan(5);
      expect(entry.source.length).toBeGreaterThan(3);
      expect(entry.why.length).toBeGreaterThan(40);
    });
  });
});

describe('the net/* cases: the sender cannot tell them apart (DDIA ch. 8)', () => {
  const net = catalog.filter((e) => e.id.startsWith('net/'));

  it('are six', () => expect(net).toHaveLength(6));

  it.each(net.map((e) => [e.id, e] as const))('%s ends, for the sender, in its timeout and nothing else', (_id, entry) => {
    const run = simulate(entry.scenario);
    const senderSaw = run.trace.filter((e) => e.node === 'coordinator' && (e.kind === 'deliver' || e.kind === 'timeout'));
    // The first thing the sender learns is its own timer expiring; any reply comes later, if at all.
    expect(senderSaw[0]).toMatchObject({ kind: 'timeout', timer: 'reply', t: 10 });
    expect(run.decisions.coordinator).toBe('abort');
  });

  it('yet the remote did the work in four of the six', () => {
    const didWork = net.filter((e) => simulate(e.scenario).decisions.v1 === 'commit').map((e) => e.id);
    expect(didWork.sort()).toEqual(['net/remote-paused', 'net/reply-delayed', 'net/reply-lost', 'net/request-queued']);
  });
});
