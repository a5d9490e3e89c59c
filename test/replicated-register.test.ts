// Lesson 10's runs: lesson 02's master and backup as a register that clients read and write,
// judged on the clients' history (Herlihy and Wing's linearizability; DDIA ch. 5's replication-lag
// guarantees and their fixes; DDIA ch. 8 on leases; the lecture's monitor).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  at,
  crash,
  cut,
  explain,
  historyOf,
  linearizabilityCase,
  linearizabilityCases,
  linearizable,
  monotonicReads,
  partition,
  readYourWrites,
  recover,
  register,
  replicatedRegister,
  ScenarioError,
  simulate,
  type ReplicatedRegisterOptions,
  type Scenario,
} from '../lib';

const judge = (scenario: Scenario) => {
  const run = simulate(scenario);
  const history = historyOf(run);
  return { run, history, result: linearizable(history, register()) };
};

describe('the lin/* cases', () => {
  it('are each walked through by id in lesson 10', () => {
    const lesson = readFileSync(join(__dirname, '..', 'notebooks', '10-linearizability.ipynb'), 'utf8');
    for (const c of linearizabilityCases) expect(lesson, c.id).toContain(`\`${c.id}\``);
  });

  it('are the five of lesson 10, each with a unique id', () => {
    expect(linearizabilityCases.map((c) => c.id)).toEqual([
      'lin/sync-lease-crash',
      'lin/sync-lease-partition',
      'lin/async-backup-reads',
      'lin/monitor-two-masters',
      'lin/write-master-only',
    ]);
  });

  describe.each(linearizabilityCases.map((c) => [c.id, c] as const))('%s', (_id, entry) => {
    const { run, history, result } = judge(entry.scenario);

    it(`is ${entry.expected} (${entry.source})`, () => {
      expect(result.verdict, `${JSON.stringify(history)}\n${explain(run)}`).toBe(entry.expected);
      expect(history.length).toBeGreaterThan(5);
    });

    it('breaks the replication-lag guarantees it names', () => {
      if (entry.breaks?.includes('readYourWrites')) expect(readYourWrites(history).ok).toBe(false);
      if (entry.breaks?.includes('monotonicReads')) expect(monotonicReads(history).ok).toBe(false);
    });

    it('replays identically from its JSON', () => {
      expect(simulate(JSON.parse(JSON.stringify(entry.scenario)) as Scenario).trace).toEqual(run.trace);
    });
  });

  it("write-master-only (the reader's question): with synchronous replication the same faults cost availability, not correctness", () => {
    const semi = linearizabilityCase('lin/write-master-only');
    const sync = judge({ ...semi.scenario, protocol: replicatedRegister({ replication: 'sync', failover: 'lease', operations: 9 }) });
    expect(sync.result.ok).toBe(true);
    // The writes the semi-synchronous master acknowledged alone time out under sync instead.
    expect(sync.history.filter((op) => op.ret === Infinity).length).toBeGreaterThan(
      judge(semi.scenario).history.filter((op) => op.ret === Infinity).length,
    );
  });
});

describe("historyOf reads the clients' operations from the trace", () => {
  it('gives every operation of a fault-free run, answered, with unique written values', () => {
    const { history, result } = judge({ protocol: replicatedRegister({ clients: 3, operations: 5 }), voters: 2 });
    expect(history).toHaveLength(15);
    expect(history.every((op) => Number.isFinite(op.ret) && op.ret > op.call)).toBe(true);
    const written = history
      .filter((op) => (op.input as { kind: string }).kind === 'write')
      .map((op) => (op.input as { value: unknown }).value);
    expect(new Set(written).size).toBe(written.length);
    expect(result.ok).toBe(true);
  });

  it('marks operations that got no answer as unknown (ret Infinity), and leaves out those refused for sure', () => {
    const { history, run } = judge({
      protocol: replicatedRegister({ failover: 'none' }),
      voters: 2,
      horizon: 200,
      faults: [crash('v1', at(10))],
    });
    expect(history.some((op) => op.ret === Infinity && (op.output as { unknown?: boolean }).unknown)).toBe(true);
    const sent = run.trace.filter(
      (e) => e.kind === 'send' && (e.message.type === 'read' || e.message.type === 'write') && e.node.startsWith('c'),
    ).length;
    expect(history.length).toBeLessThanOrEqual(sent);
  });
});

describe('lease-protected failover with synchronous replication stays linearizable (DDIA ch. 8-9)', () => {
  it('under a crash, a crash and recovery, a partition or a cut monitor link, at any time, on any seed (240 runs); the monitor alone does not', () => {
    let monitorFailures = 0;
    for (const failover of ['lease', 'monitor'] as const) {
      for (let t = 2; t < 40; t += 5) {
        for (const seed of [1, 2, 3]) {
          for (const faults of [
            [crash('v1', at(t))],
            [crash('v1', at(t)), recover('v1', at(t + 25))],
            [partition([['v1', 'c1']], at(t))],
            [cut('v1', 'coordinator', at(t))],
            [partition([['v1']], at(t), at(t + 30))],
          ]) {
            const scenario: Scenario = {
              protocol: replicatedRegister({ failover, operations: 9 }),
              voters: 2,
              horizon: 300,
              seed,
              network: { delay: [1, 3] },
              faults,
            };
            const { result, history, run } = judge(scenario);
            if (failover === 'lease')
              expect(result.ok, `${JSON.stringify(scenario)}\n${JSON.stringify(history)}\n${explain(run)}`).toBe(true);
            else if (!result.ok) monitorFailures++;
          }
        }
      }
    }
    expect(monitorFailures).toBeGreaterThan(10);
  });
});

describe('the fixes of DDIA ch. 5, each removing its anomaly', () => {
  const lagging = (options: ReplicatedRegisterOptions) =>
    judge({ protocol: replicatedRegister({ replication: 'async', lag: 10, ...options }), voters: 2 }).history;

  it('reading your own writes from the master (for a while after each write) restores read-your-writes', () => {
    expect(readYourWrites(lagging({ reads: 'backup' })).ok).toBe(false);
    expect(readYourWrites(lagging({ reads: 'backup', fix: 'read-own-writes-from-master' })).ok).toBe(true);
  });

  it('remembering the last version seen, and sending a read the backup cannot serve to the master, restores read-your-writes', () => {
    expect(readYourWrites(lagging({ reads: 'backup', fix: 'remember-timestamp' })).ok).toBe(true);
    expect(monotonicReads(lagging({ reads: 'alternate', fix: 'remember-timestamp' })).ok).toBe(true);
  });

  it('reading always from the same replica (sticky) restores monotonic reads, which reading from each in turn breaks', () => {
    const alternate = lagging({ reads: 'alternate' });
    expect(monotonicReads(alternate).ok).toBe(false);
    expect(monotonicReads(lagging({ reads: 'alternate', fix: 'sticky' })).ok).toBe(true);
  });

  it('a sticky client may still miss its own writes: each fix answers its own anomaly', () => {
    expect(readYourWrites(lagging({ reads: 'alternate', fix: 'sticky' })).ok).toBe(false);
  });
});

describe('replicatedRegister options', () => {
  it('refuses an unknown option value with a ScenarioError naming it', () => {
    expect(() => simulate({ protocol: { ...replicatedRegister(), replication: 'eventually' }, voters: 2 })).toThrow(ScenarioError);
    expect(() => simulate({ protocol: { ...replicatedRegister(), replication: 'eventually' }, voters: 2 })).toThrow(/replication/);
  });
});
