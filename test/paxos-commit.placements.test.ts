// Every placement of a crash of the coordinator, of one acceptor, or of both, at every
// trigger point of the fault-free run (each send, each receive, each state entry, each
// tick): Paxos Commit with 3 voters and 3 acceptors (F = 1) never blocks and never decides
// inconsistently (Gray and Lamport 2006: non-blocking while at most F acceptors fail; the
// leader is replaceable). The trigger points are enumerated here from the trace, without
// the explorer, so that this specification stands on the simulator alone.
import { describe, expect, it } from 'vitest';
import { afterReceive, afterSend, at, crash, explain, explore, onEnter, paxosCommit, replayLine, simulate, type Fault, type Scenario, type Trigger } from '../lib';

const base: Scenario = { protocol: paxosCommit({ acceptors: 3 }), voters: 3 };
const ACCEPTORS = ['a1', 'a2', 'a3'];

/** Every trigger point of a run: each send, receive and state entry (counted, as `nth`), and each tick it spans. */
function triggerPoints(scenario: Scenario): Trigger[] {
  const run = simulate(scenario);
  const seen = new Map<string, number>();
  const nth = (key: string) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  };
  const points: Trigger[] = [];
  for (const e of run.trace) {
    if (e.kind === 'send') points.push(afterSend(e.node, e.message.type, { to: e.to, nth: nth(`s ${e.node} ${e.message.type} ${e.to}`) }));
    else if (e.kind === 'deliver') points.push(afterReceive(e.node, e.message.type, { from: e.from, nth: nth(`r ${e.node} ${e.message.type} ${e.from}`) }));
    else if (e.kind === 'state') points.push(onEnter(e.node, e.to, { nth: nth(`e ${e.node} ${e.to}`) }));
  }
  for (let t = 0; t <= run.stats.duration + 1; t++) points.push(at(t));
  return points;
}

function judge(faults: Fault[]): string | null {
  const scenario = { ...base, faults };
  const run = simulate(scenario, { trace: 'none' });
  if (run.verdict === 'committed' || run.verdict === 'aborted') return null;
  return `${run.verdict}: ${replayLine(scenario)}\n${explain(simulate(scenario), { events: 80 })}`;
}

describe('Paxos Commit, 3 voters, 3 acceptors, crash-stop faults at every trigger point', () => {
  const points = triggerPoints(base);

  it('has the trigger points of the fault-free run: 24 sends, 24 receives, the state entries and the ticks', () => {
    expect(points.filter((p) => p.kind === 'afterSend')).toHaveLength(24);
    expect(points.filter((p) => p.kind === 'afterReceive')).toHaveLength(24);
    expect(points.filter((p) => p.kind === 'onEnter').length).toBeGreaterThanOrEqual(10);
  });

  it('a crash of the coordinator anywhere: a voter takes over, and everyone up decides the same', () => {
    const bad = points.map((p) => judge([crash('coordinator', p)])).filter((b) => b !== null);
    expect(bad, bad[0] ?? '').toEqual([]);
  });

  it('a crash of any one acceptor anywhere: the other two are a majority', () => {
    const bad = ACCEPTORS.flatMap((a) => points.map((p) => judge([crash(a, p)]))).filter((b) => b !== null);
    expect(bad, bad[0] ?? '').toEqual([]);
  });

  it('a crash of the coordinator and of one acceptor, each anywhere: still never blocked, never inconsistent', () => {
    let runs = 0;
    const bad: string[] = [];
    for (const a of ACCEPTORS) {
      for (const p of points) {
        for (const q of points) {
          runs++;
          const b = judge([crash('coordinator', p), crash(a, q)]);
          if (b !== null) bad.push(b);
        }
      }
    }
    expect(runs).toBe(3 * points.length ** 2);
    expect(bad, bad[0] ?? '').toEqual([]);
  });
});

describe('the same enumeration finds what it should where it should (a check on the check)', () => {
  it('with one acceptor (F = 0) a crash of the coordinator blocks at many trigger points, as in 2PC', () => {
    const oneAcceptor: Scenario = { protocol: paxosCommit({ acceptors: 1 }), voters: 3 };
    const blocked = triggerPoints(oneAcceptor).filter((p) => simulate({ ...oneAcceptor, faults: [crash('coordinator', p)] }, { trace: 'none' }).verdict === 'blocked');
    expect(blocked.length).toBeGreaterThan(10);
  });
});


describe('the explorer agrees (issue 10): every placement of up to two crashes of any nodes, 3 voters, 3 acceptors', () => {
  const result = explore({ protocol: paxosCommit({ acceptors: 3 }), voters: 3, faults: { kinds: ['crash'], max: 2 } });
  const nodesOf = (faults: readonly Fault[]) => faults.map((f) => ('node' in f ? f.node : '?'));
  const acceptorsDown = (faults: readonly Fault[]) => nodesOf(faults).filter((n) => n.startsWith('a')).length;

  it('never ends inconsistent', () => {
    expect(result.counts.inconsistent).toBe(0);
  });

  it('with the coordinator and at most one acceptor crashed (F = 1), never blocks either', () => {
    const within = result.placements.filter((p) => nodesOf(p.faults).every((n) => n === 'coordinator' || n.startsWith('a')) && acceptorsDown(p.faults) <= 1);
    expect(within.length).toBeGreaterThan(1000);
    expect(within.filter((p) => p.verdict === 'blocked' || p.verdict === 'inconsistent').map((p) => replayLine({ ...base, faults: [...p.faults] }))).toEqual([]);
  });

  it('blocks only where two of the three acceptors are down: more than F = 1', () => {
    const blocked = result.placements.filter((p) => p.verdict === 'blocked');
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.filter((p) => acceptorsDown(p.faults) < 2).map((p) => replayLine({ ...base, faults: [...p.faults] }))).toEqual([]);
  });
});
