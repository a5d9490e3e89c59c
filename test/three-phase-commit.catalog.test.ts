// The 3pc/* cases (docs/DESIGN.md, "The failure cases"): each a named, replayable scenario that
// ends the way the readings tell it, for the reason its `why` gives.
import { describe, expect, it } from 'vitest';
import { catalog, catalogEntry, explain, simulate, type Run, type TraceEvent } from '../lib';

const ROWS = [
  '3pc/happy', '3pc/early-abort', '3pc/coordinator-and-voter-crash', '3pc/docommit-timeout',
  '3pc/crash-and-cut', '3pc/partition-split-brain', '3pc/fail-recover', '3pc/slow-network',
  '3pc/crash-and-cut-skeen', '3pc/vote-survives-crash', '3pc/coordinator-recovers-and-asks', '3pc/paused-coordinator-skeen',
];

const runOf = (id: string): Run => simulate(catalogEntry(id).scenario);
const sends = (run: Run, node: string, type: string) => run.trace.filter((e) => e.kind === 'send' && e.node === node && e.message.type === type);
/** Where the first event that matches sits in the trace; fails the test when there is none (findIndex's -1 would pass a `<`). */
const first = (run: Run, what: string, match: (e: TraceEvent) => boolean): number => {
  const i = run.trace.findIndex(match);
  expect(i, `no ${what} in the trace\n${explain(run)}`).toBeGreaterThanOrEqual(0);
  return i;
};

describe('the 3pc/* rows of the course table', () => {
  it('are all in the catalog', () => {
    const ids = catalog.map((e) => e.id);
    for (const id of ROWS) expect(ids).toContain(id);
  });

  describe.each(catalog.filter((e) => e.id.startsWith('3pc/')).map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const run = simulate(entry.scenario);

    it(`ends ${entry.expected} (${entry.source})`, () => {
      expect(run.verdict, explain(run)).toBe(entry.expected);
    });

    it('leaves every node with the decision its why describes', () => {
      expect(Object.keys(entry.decisions ?? {}).length, 'the case names the decisions it expects').toBeGreaterThan(0);
      for (const [node, decision] of Object.entries(entry.decisions!)) expect(run.decisions[node], `${node}\n${explain(run)}`).toBe(decision);
    });
  });
});

describe('what each row shows', () => {
  it('3pc/happy: six messages per voter where 2PC needs four (article fig. 4)', () => {
    const run = runOf('3pc/happy');
    expect(run.stats.messagesSent).toBe(18);
    expect(simulate(catalogEntry('2pc/happy').scenario).stats.messagesSent).toBe(12);
  });

  it('3pc/early-abort: no prepare record anywhere, only small vote records, and fewer log writes than 2pc/vote-no (the lecture; Skeen)', () => {
    const run = runOf('3pc/early-abort');
    expect(run.trace.filter((e) => e.kind === 'log' && e.record.type === 'prepare')).toEqual([]);
    const votes = run.trace.flatMap((e) => (e.kind === 'log' && e.record.type === 'vote' ? [e.node] : []));
    expect(votes).toEqual(['v1', 'v2']);
    expect(run.trace.filter((e) => e.kind === 'log' && e.node === 'v3')).toEqual([]);
    expect(run.stats.logWrites).toBeLessThan(simulate(catalogEntry('2pc/vote-no').scenario).stats.logWrites);
  });

  it('3pc/coordinator-and-voter-crash: where 2PC blocks on the same two crashes, 3PC decides (article fig. 3)', () => {
    expect(simulate(catalogEntry('2pc/coordinator-and-voter-crash-in-commit').scenario).verdict).toBe('blocked');
    expect(runOf('3pc/coordinator-and-voter-crash').verdict).not.toBe('blocked');
    expect(runOf('3pc/coordinator-and-voter-crash-elect').verdict).not.toBe('blocked');
  });

  it('3pc/docommit-timeout: no doCommit is ever sent, yet every voter commits on its own timeout (the lecture)', () => {
    const run = runOf('3pc/docommit-timeout');
    expect(sends(run, 'coordinator', 'doCommit')).toEqual([]);
    for (const v of ['v1', 'v2', 'v3']) {
      const timeout = first(run, `doCommit timeout of ${v}`, (e) => e.kind === 'timeout' && e.node === v && e.timer === 'doCommit');
      expect(timeout).toBeLessThan(first(run, `decision of ${v}`, (e) => e.kind === 'decide' && e.node === v));
    }
  });

  it("3pc/crash-and-cut: the coordinator's abort to v2 is lost to the cut, and v2 commits on its timeout (the lecture's A and B)", () => {
    const run = runOf('3pc/crash-and-cut');
    expect(run.trace.some((e) => e.kind === 'drop' && e.node === 'v2' && e.message.type === 'abort' && e.reason === 'cut')).toBe(true);
    const timeout = first(run, 'timeout of v2', (e) => e.kind === 'timeout' && e.node === 'v2');
    expect(timeout).toBeLessThan(first(run, 'decision of v2', (e) => e.kind === 'decide' && e.node === 'v2'));
  });

  it('3pc/partition-split-brain: each side elects its own coordinator, v1 on one side and v2 on the other (article fig. 5)', () => {
    const run = runOf('3pc/partition-split-brain');
    expect(sends(run, 'v1', 'stateReq').length).toBeGreaterThan(0);
    expect(sends(run, 'v2', 'stateReq').length).toBeGreaterThan(0);
    const reports = run.trace.flatMap((e) => (e.kind === 'deliver' && e.message.type === 'stateReport' ? [`${e.from}->${e.node}`] : []));
    expect(reports).toEqual(['v3->v2']);
  });

  it('3pc/fail-recover: v1 drives the commit as elected coordinator while the paused coordinator wakes and sends abort (the article)', () => {
    const run = runOf('3pc/fail-recover');
    expect(sends(run, 'v1', 'doCommit').length).toBe(2);
    expect(run.trace.some((e) => e.kind === 'crash')).toBe(false);
    expect(first(run, 'pause of the coordinator', (e) => e.kind === 'pause' && e.node === 'coordinator')).toBeLessThan(first(run, 'abort sent by the coordinator', (e) => e.kind === 'send' && e.node === 'coordinator' && e.message.type === 'abort'));
    expect(sends(run, 'coordinator', 'abort').length).toBeGreaterThanOrEqual(3);
  });

  it('3pc/crash-and-cut-skeen: the same faults as 3pc/crash-and-cut end committed under Skeen\'s rules: the split was the ack rule (Skeen 1981)', () => {
    expect(catalogEntry('3pc/crash-and-cut-skeen').scenario.faults).toEqual(catalogEntry('3pc/crash-and-cut').scenario.faults);
    const run = runOf('3pc/crash-and-cut-skeen');
    expect(run.trace.some((e) => e.kind === 'drop' && e.node === 'v2' && e.reason === 'cut')).toBe(true);
    expect(run.decisions.coordinator).toBe('commit');
  });

  it('3pc/vote-survives-crash: v1 comes back with its vote record and asks instead of aborting alone (Bernstein et al. sec. 7.5)', () => {
    const run = runOf('3pc/vote-survives-crash');
    expect(first(run, 'vote record of v1', (e) => e.kind === 'log' && e.node === 'v1' && e.record.type === 'vote')).toBeLessThan(first(run, 'crash of v1', (e) => e.kind === 'crash' && e.node === 'v1'));
    expect(first(run, 'recovery of v1', (e) => e.kind === 'recover' && e.node === 'v1')).toBeLessThan(first(run, 'ask sent by v1', (e) => e.kind === 'send' && e.node === 'v1' && e.message.type === 'ask'));
    expect(run.trace.filter((e) => e.kind === 'decide' && e.node === 'v1').map((e) => (e as { decision: string }).decision)).toEqual(['commit']);
  });

  it('3pc/coordinator-recovers-and-asks: back with a precommit record, the coordinator asks and takes the voters\' commit (Bernstein et al. sec. 7.5)', () => {
    const run = runOf('3pc/coordinator-recovers-and-asks');
    const recovered = first(run, 'recovery of the coordinator', (e) => e.kind === 'recover' && e.node === 'coordinator');
    expect(recovered).toBeLessThan(first(run, 'ask sent by the coordinator', (e) => e.kind === 'send' && e.node === 'coordinator' && e.message.type === 'ask'));
    expect(sends(run, 'coordinator', 'abort')).toEqual([]);
  });

  it('3pc/paused-coordinator-skeen: no crash at all, and Skeen\'s rules still split, because a pause looks like a failure (DDIA ch. 8)', () => {
    const run = runOf('3pc/paused-coordinator-skeen');
    expect(run.trace.filter((e) => e.kind === 'crash' || e.kind === 'drop')).toEqual([]);
    expect(first(run, 'decision of v1', (e) => e.kind === 'decide' && e.node === 'v1')).toBeLessThan(first(run, 'decision of the coordinator', (e) => e.kind === 'decide' && e.node === 'coordinator'));
  });

  it('3pc/slow-network: nothing crashes, nothing is cut, nothing is lost; only two messages are late (DDIA ch. 8)', () => {
    const run = runOf('3pc/slow-network');
    expect(run.trace.filter((e) => e.kind === 'crash' || e.kind === 'drop')).toEqual([]);
    expect(run.stats.messagesDelivered).toBe(run.stats.messagesSent);
  });
});
