import { leaseLock } from '../protocols/lease-lock/index';
import { failover } from '../protocols/replication/index';
import { afterReceive, at, drift, partition, pause } from '../scenario/builders';
import type { CatalogEntry } from './entry';

/** DDIA fig. 8-4: c1 gets the lock, then stops for 100 ticks, five times its 20-tick lease. */
const longPause = [pause('c1', afterReceive('c1', 'granted'), 100)];
/** c1's clock runs at a quarter of true speed: its 18-tick lease timer takes 72 ticks. */
const slowClock = [drift('c1', 0.25)];
/** The lecture's monitor: the master (v1) is cut off from the monitor and the backup at t=12. */
const cutOff = [partition([['v1']], at(12))];

/**
 * Leases, process pauses, clocks and fencing tokens (DDIA ch. 8, "The leader and the lock" and
 * "Unreliable Clocks"; Burrows, "The Chubby lock service", sec. 2.4), and the lecture's monitor
 * that makes two masters, with and without a lease. Lesson 09 walks through every one.
 */
export const leaseLockCases: readonly CatalogEntry[] = [
  {
    id: 'lease/pause-past-lease',
    title: 'The lock holder pauses past its lease',
    source: 'DDIA ch. 8, fig. 8-4',
    scenario: { protocol: leaseLock({ lease: 20, fencing: false }), clients: 2, faults: longPause },
    expected: 'unsafe',
    why:
      'c1 gets the lock at t=2 and stops for 100 ticks. The lock service sees the lease run out at t=21 and grants it to c2, ' +
      'which writes at t=28. c1 wakes at t=102, its work timer fires before its lease timer, ' +
      'and it writes on a lease that ended 80 ticks ago: ' +
      "the store takes it on top of c2's write.",
  },
  {
    id: 'lease/pause-past-lease-fenced',
    title: 'The same pause, with fencing tokens',
    source: 'DDIA ch. 8, fig. 8-5; Chubby sec. 2.4 (sequencers)',
    scenario: { protocol: leaseLock({ lease: 20, fencing: true }), clients: 2, faults: longPause },
    expected: 'safe',
    why:
      "Everything happens as without fencing, up to the store: it has accepted c2's write under token 2, so c1's write under token 1 " +
      'is stale and it answers rejected. The lock could not stop c1; the store, which checks the token, can.',
  },
  {
    id: 'lease/pause-within-lease',
    title: 'A pause shorter than the lease',
    source: 'DDIA ch. 8',
    scenario: { protocol: leaseLock({ lease: 20, fencing: false }), clients: 2, faults: [pause('c1', afterReceive('c1', 'granted'), 10)] },
    expected: 'safe',
    why:
      'c1 stops for 10 ticks, wakes at t=12 with its lease still running, writes at t=13 and releases; only then does c2 get the lock. ' +
      'A lease tolerates pauses shorter than itself, and no pause comes with a bound.',
  },
  {
    id: 'lease/slow-clock',
    title: "The holder's clock runs slow",
    source: 'DDIA ch. 8, "Unreliable Clocks" and "Process Pauses"',
    scenario: { protocol: leaseLock({ lease: 20, work: 10, fencing: false }), clients: 2, faults: slowClock },
    expected: 'unsafe',
    why:
      "c1's clock runs at a quarter of true speed. Its 10-tick work takes 40 true ticks and its lease timer would take 72, so at t=42 it " +
      'still believes it holds the lock. The lock service, on its own clock, gave it to c2 at t=21, and c2 wrote at t=33: ' +
      "c1's write lands on top. The lock assumed the holder's clock runs no slower than its own.",
  },
  {
    id: 'lease/slow-clock-fenced',
    title: 'The slow clock, with fencing tokens',
    source: 'DDIA ch. 8, fig. 8-5',
    scenario: { protocol: leaseLock({ lease: 20, work: 10, fencing: true }), clients: 2, faults: slowClock },
    expected: 'safe',
    why:
      "The same slow clock, but the store rejects c1's token 1 after c2's token 2. Fencing does not rely on any clock: " +
      'the store compares two numbers the lock handed out in order.',
  },
  {
    id: 'lease/monitor-two-masters',
    title: 'The monitor cannot tell a dead master from a cut link',
    source: 'the lecture (master, backup and monitor); DDIA ch. 8',
    scenario: { protocol: failover(), voters: 2, faults: cutOff, horizon: 60 },
    expected: 'unsafe',
    why:
      'A partition cuts the live master v1 off from the monitor at t=12. The monitor hears no pong for 10 ticks and promotes v2 at t=17; ' +
      'nobody can tell v1, which carries on as master: two masters (lesson 02).',
  },
  {
    id: 'lease/monitor-with-lease',
    title: "The master's lease prevents the second master",
    source: 'the lecture; DDIA ch. 8 ("The leader and the lock"); Chubby sec. 2.4',
    scenario: { protocol: failover({ lease: 10 }), voters: 2, faults: cutOff, horizon: 60 },
    expected: 'safe',
    why:
      "Each ping renews the master's 10-tick lease. Cut off at t=12, v1 hears no ping after t=11 and steps down at t=21. " +
      'The monitor gives up on v1 at t=17, stops pinging, and waits the lease out (plus 2 ticks for a ping in flight) ' +
      'before it promotes v2 at t=29.',
  },
];
