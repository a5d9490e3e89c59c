import { replicatedRegister } from '../protocols/replicated-register/index';
import { at, crash, cut, partition } from '../scenario/builders';
import type { Scenario } from '../scenario/types';

/**
 * One case of lesson 10: a run of the replicated register whose clients' history (`historyOf`)
 * is, or is not, linearizable (`linearizable(history, register())`), and the replication-lag
 * guarantees (DDIA ch. 5) it breaks.
 */
export interface LinearizabilityCase {
  /** `lin/...` */
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly scenario: Scenario;
  readonly expected: 'linearizable' | 'not linearizable';
  /** The lag checkers that must find a violation; the others need not hold either. */
  readonly breaks?: readonly ('readYourWrites' | 'monotonicReads')[];
  readonly why: string;
}

const base = { voters: 2, horizon: 200 } as const;

/**
 * The lin/* cases: what lesson 02's master and backup give clients, judged as a history.
 * @example linearizable(historyOf(simulate(linearizabilityCase('lin/monitor-two-masters').scenario)), register()).ok // false
 */
export const linearizabilityCases: readonly LinearizabilityCase[] = [
  {
    id: 'lin/sync-lease-crash',
    title: 'Synchronous replication, the master crashes, the backup takes over after the lease',
    source: 'lecture (master and backup master); DDIA ch. 8 (leases) and ch. 9',
    scenario: {
      ...base,
      protocol: replicatedRegister({ replication: 'sync', failover: 'lease', operations: 9 }),
      faults: [crash('v1', at(12))],
    },
    expected: 'linearizable',
    why:
      'Every acknowledged write is on the backup before the client hears "done", and the backup is promoted ' +
      "only once the old master's lease has run out, so at every moment at most one replica answers as " +
      'master and it has every acknowledged write. Writes in flight at the crash time out: their outcome is ' +
      'unknown, which the definition allows.',
  },
  {
    id: 'lin/sync-lease-partition',
    title: 'Synchronous replication, the master cut off with one client, lease-protected failover',
    source: 'lecture (the monitor cannot tell a dead master from a cut link); DDIA ch. 8 and 9',
    scenario: {
      ...base,
      protocol: replicatedRegister({ replication: 'sync', failover: 'lease', operations: 9 }),
      faults: [partition([['v1', 'c1']], at(12))],
    },
    expected: 'linearizable',
    why:
      'The old master is alive and c1 still reaches it, but no ping renews its lease, so it stops answering ' +
      'before the monitor promotes the backup. c1 gets refusals and timeouts, never a stale value: the ' +
      "system gives up availability on c1's side of the cut to stay linearizable.",
  },
  {
    id: 'lin/async-backup-reads',
    title: 'Asynchronous replication with reads from the backup: stale reads',
    source: 'DDIA ch. 5 (replication lag, reading your own writes); ch. 9',
    scenario: { ...base, protocol: replicatedRegister({ replication: 'async', reads: 'backup', lag: 10 }) },
    expected: 'not linearizable',
    breaks: ['readYourWrites'],
    why:
      'The master acknowledges each write at once and ships it to the backup ten ticks later; clients read ' +
      'from the backup in between and do not see the write they were just told was done. No fault at all: ' +
      'the lag alone breaks linearizability and read-your-writes.',
  },
  {
    id: 'lin/monitor-two-masters',
    title: 'Monitor failover without fencing: two masters',
    source: 'lecture (a monitor that promotes the backup); DDIA ch. 8 (split brain) and ch. 9',
    scenario: {
      ...base,
      protocol: replicatedRegister({ replication: 'sync', failover: 'monitor', operations: 9 }),
      faults: [partition([['v1', 'c1']], at(12))],
    },
    expected: 'not linearizable',
    why:
      "The monitor loses the master behind the partition and promotes the backup, which then takes c2's " +
      'writes; the old master never learns it was replaced and keeps answering c1 with the old value. Two ' +
      'replicas answer as master at once: c1 reads a value that c2 has already overwritten.',
  },
  {
    id: 'lin/write-master-only',
    title: 'Write only to the master and catch the backup up later: acknowledged writes lost',
    source: "a reader's question in the lecture's comments; DDIA ch. 5 (semi-synchronous replication)",
    scenario: {
      ...base,
      protocol: replicatedRegister({ replication: 'semi-sync', failover: 'lease', operations: 9 }),
      faults: [cut('v1', 'v2', at(3)), crash('v1', at(30))],
    },
    expected: 'not linearizable',
    why:
      'The backup stops hearing from the master; after waiting ackTimeout ticks the master commits alone ' +
      'and acknowledges. Then the master dies, and the backup, promoted, has none of those writes: reads ' +
      'return null after writes that were acknowledged. With replication: "sync" the same faults give a ' +
      'linearizable history in which those writes time out instead.',
  },
];

/** The lin/* case with this id; throws, listing the ids, if there is none. */
export function linearizabilityCase(id: string): LinearizabilityCase {
  const entry = linearizabilityCases.find((e) => e.id === id);
  if (!entry) throw new Error(`no case '${id}'; ids are ${linearizabilityCases.map((e) => e.id).join(', ')}`);
  return entry;
}
