// Specifications of the replication-lag checkers (DDIA ch. 5, "Problems with replication lag":
// reading your own writes, monotonic reads, consistent prefix reads). Each history is what a
// client sees when reads go to a follower that lags behind the leader.
import { describe, expect, it } from 'vitest';
import { consistentPrefixReads, linearizable, monotonicReads, readYourWrites, register, keyValue, staleReads, type History } from '../lib';

type Op = History[number];
const w = (client: string, call: number, ret: number, value: unknown, key?: string): Op => ({
  client,
  call,
  ret,
  input: { kind: 'write', value, ...(key ? { key } : {}) },
  output: {},
});
const r = (client: string, call: number, ret: number, value: unknown, key?: string): Op => ({
  client,
  call,
  ret,
  input: { kind: 'read', ...(key ? { key } : {}) },
  output: { value },
});

describe('read-your-writes (DDIA ch. 5, fig. 5-3: a user writes, then reads from a stale replica)', () => {
  it('is broken when a client reads an older value after its own write returned, and points at both', () => {
    const history = [w('user', 0, 1, 'old'), w('user', 2, 3, 'new'), r('user', 4, 5, 'old')];
    const result = readYourWrites(history);
    expect(result.ok).toBe(false);
    expect(result.violations).toEqual([expect.objectContaining({ read: 2, after: 1, source: 0 })]);
    expect(result.violations[0].why).toMatch(/user read@4 read "old", older than its own user write@2/);
  });

  it("is broken by reading null (nothing written) after one's own write", () => {
    expect(readYourWrites([w('user', 0, 1, 'a'), r('user', 2, 3, null)]).violations).toEqual([
      { read: 1, after: 0, why: expect.any(String) },
    ]);
  });

  it("holds when the stale read is someone else's: that is a different anomaly, and not this one", () => {
    expect(readYourWrites([w('user', 0, 1, 'a'), r('friend', 2, 3, null)]).ok).toBe(true);
  });

  it('holds when the read overlaps the write (it may not have taken effect yet), and on another key', () => {
    expect(readYourWrites([w('user', 0, 5, 'a'), r('user', 2, 3, null)]).ok).toBe(true);
    expect(readYourWrites([w('user', 0, 1, 'a', 'x'), r('user', 2, 3, null, 'y')]).ok).toBe(true);
  });

  it("holds when a newer write by someone else is read: the user's write was overwritten, not lost", () => {
    expect(readYourWrites([w('user', 0, 1, 'a'), w('other', 2, 3, 'b'), r('user', 4, 5, 'b')]).ok).toBe(true);
  });
});

describe('monotonic reads (DDIA ch. 5, fig. 5-4: a second read from a more lagging replica goes back in time)', () => {
  it('is broken when a later read of the same client returns an older value than an earlier read', () => {
    const history = [w('writer', 0, 1, 'v1'), w('writer', 2, 3, 'v2'), r('reader', 4, 5, 'v2'), r('reader', 6, 7, 'v1')];
    const result = monotonicReads(history);
    expect(result.violations).toEqual([expect.objectContaining({ read: 3, after: 2, source: 0 })]);
    // Not the reader's own writes: read-your-writes has nothing to say here.
    expect(readYourWrites(history).ok).toBe(true);
  });

  it('holds for two different readers seeing different ages: each alone moves forward', () => {
    expect(monotonicReads([w('writer', 0, 1, 'v1'), w('writer', 2, 3, 'v2'), r('a', 4, 5, 'v2'), r('b', 6, 7, 'v1')]).ok).toBe(true);
  });

  it('holds when the two values came from overlapping writes (neither is surely older)', () => {
    expect(monotonicReads([w('w1', 0, 10, 'v1'), w('w2', 0, 10, 'v2'), r('a', 11, 12, 'v2'), r('a', 13, 14, 'v1')]).ok).toBe(true);
  });
});

describe('consistent prefix reads (DDIA ch. 5, fig. 5-5: the answer seen before the question)', () => {
  // Mr. Poons asks on one partition; Mrs. Cake, having heard the question, answers on another.
  // An observer reads the answer's partition, then the question's, and finds no question yet.
  const history = [
    w('poons', 0, 1, 'how far into the future can you see?', 'question'),
    w('cake', 2, 3, 'about ten seconds, Mr. Poons', 'answer'),
    r('observer', 4, 5, 'about ten seconds, Mr. Poons', 'answer'),
    r('observer', 6, 7, null, 'question'),
  ];

  it('is broken when a reader who saw the answer then finds no question', () => {
    const result = consistentPrefixReads(history);
    expect(result.violations).toEqual([expect.objectContaining({ read: 3, after: 0 })]);
  });

  it('holds when the question is seen, and when the answer was not causally after it (overlapping writes)', () => {
    expect(
      consistentPrefixReads([...history.slice(0, 3), r('observer', 6, 7, 'how far into the future can you see?', 'question')]).ok,
    ).toBe(true);
    const concurrent = [{ ...history[0], ret: 10 }, { ...history[1], call: 0 }, ...history.slice(2)];
    expect(consistentPrefixReads(concurrent).ok).toBe(true);
  });

  it('every one of these anomalies is also a violation of linearizability (DDIA ch. 9: one copy would show none)', () => {
    expect(linearizable(history, keyValue(register())).ok).toBe(false);
  });
});

describe('stale reads (what one copy of the data never gives; DDIA ch. 9)', () => {
  it("flags a read that misses anyone's write that returned before it was called, naming the newest such write", () => {
    const history = [w('a', 0, 1, 'v1'), w('b', 2, 3, 'v2'), r('c', 4, 5, 'v1'), r('c', 6, 7, null)];
    const result = staleReads(history);
    expect(result.violations.map((v) => [v.read, v.after])).toEqual([
      [2, 1],
      [3, 1],
    ]);
  });

  it('leaves alone a read that overlaps the write it misses', () => {
    expect(staleReads([w('a', 0, 5, 'v1'), r('c', 4, 6, null)]).ok).toBe(true);
  });
});
