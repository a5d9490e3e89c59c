// Specifications of the linearizability checker (lesson 10). A history is linearizable when each
// operation can be given one instant between its call and its return such that, taken in the
// order of those instants, the operations are what one copy of the object would have answered
// (Herlihy and Wing, "Linearizability: a correctness condition for concurrent objects", TOPLAS
// 1990, section 2; DDIA ch. 9: "as if there were only one copy of the data, and every operation
// atomic"). Every small history below was checked by hand against that definition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casRegister, keyValue, linearizable, register, ScenarioError, type History, type Model } from '../lib';
import { generateHistory } from '../lib/linearizability/index';
import { linearizableByDefinition } from '../lib/linearizability/naive';

type Op = History[number];
const op = (client: string, call: number, ret: number, input: object, output: object = {}): Op => ({ client, call, ret, input, output });
const w = (client: string, call: number, ret: number, value: unknown, key?: string) =>
  op(client, call, ret, { kind: 'write', value, ...(key ? { key } : {}) }, {});
const r = (client: string, call: number, ret: number, value: unknown, key?: string) =>
  op(client, call, ret, { kind: 'read', ...(key ? { key } : {}) }, { value });
const cas = (client: string, call: number, ret: number, from: unknown, to: unknown, ok: boolean) =>
  op(client, call, ret, { kind: 'cas', from, to }, { ok });
const timedOut = (o: Op): Op => ({ ...o, ret: Infinity, output: { unknown: true } });

/** A linearization is a witness: replay it through the model, and check it keeps real time. */
function isWitness(history: History, order: readonly number[], model: Model<any, any, any>): boolean {
  if ([...order].sort((a, b) => a - b).join() !== history.map((_, i) => i).join()) return false;
  let state = model.init();
  for (let p = 0; p < order.length; p++) {
    const [legal, after] = model.step(state, history[order[p]].input, history[order[p]].output);
    if (!legal) return false;
    state = after;
    // Nothing placed later may have returned before this one was called.
    for (let q = p + 1; q < order.length; q++) if (history[order[q]].ret < history[order[p]].call) return false;
  }
  return true;
}

describe('linearizable: small register histories checked by hand', () => {
  it('accepts the empty history, and a read of null before any write', () => {
    expect(linearizable([], register()).ok).toBe(true);
    expect(linearizable([r('a', 0, 1, null)], register()).ok).toBe(true);
  });

  it('refuses a read of a value nobody wrote, and names it as the operation that cannot be placed', () => {
    const result = linearizable([w('a', 0, 1, 1), r('b', 2, 3, 7)], register());
    expect(result).toMatchObject({ ok: false, verdict: 'not linearizable', longestPrefix: [0], unplaceable: [1], state: 1 });
  });

  it('lets a read that overlaps a write see either the old or the new value', () => {
    expect(linearizable([w('a', 0, 10, 1), r('b', 2, 3, null)], register()).ok).toBe(true);
    expect(linearizable([w('a', 0, 10, 1), r('b', 2, 3, 1)], register()).ok).toBe(true);
  });

  it('refuses a read that comes wholly after a write and still sees the old value (real time binds)', () => {
    const result = linearizable([w('a', 0, 2, 1), r('b', 3, 4, null)], register());
    expect(result.verdict).toBe('not linearizable');
    expect(result.unplaceable).toEqual([1]);
  });

  it('counts a return and a call at the same instant as overlapping, as Porcupine does', () => {
    expect(linearizable([w('a', 0, 3, 1), r('b', 3, 4, null)], register()).ok).toBe(true);
  });

  it('gives a linearization that replays through the model and keeps real time', () => {
    const history = [w('a', 0, 4, 1), w('b', 1, 3, 2), r('c', 5, 6, 1), r('b', 7, 8, 1)];
    const result = linearizable(history, register());
    expect(result.ok).toBe(true);
    expect(result.linearization).toEqual([1, 0, 2, 3]);
    expect(isWitness(history, result.linearization!, register())).toBe(true);
  });
});

describe("Herlihy and Wing's histories (TOPLAS 1990, fig. 1: queue histories; here register histories of the same shapes)", () => {
  // Their fig. 1 shows two clients A and B whose overlapping operations may take effect in
  // either order (acceptable), and histories where an operation that finished first must be
  // seen first (not acceptable). The same shapes on a register:
  it('(a) two overlapping writes may take effect in either order: a later read of either is fine', () => {
    expect(linearizable([w('A', 0, 4, 'x'), w('B', 1, 3, 'y'), r('B', 5, 6, 'x')], register()).ok).toBe(true);
    expect(linearizable([w('A', 0, 4, 'x'), w('B', 1, 3, 'y'), r('B', 5, 6, 'y')], register()).ok).toBe(true);
  });

  it('(b) a write that finished before another began is overwritten by it: reading the first is not acceptable', () => {
    const result = linearizable([w('A', 0, 2, 'x'), w('B', 3, 5, 'y'), r('A', 6, 7, 'x')], register());
    expect(result.verdict).toBe('not linearizable');
    expect(result.longestPrefix).toEqual([0, 1]);
    expect(result.unplaceable).toEqual([2]);
  });

  it('(c) a read overlapping two writes may see the first, and a later read the second', () => {
    expect(linearizable([w('A', 0, 10, 'x'), w('B', 1, 10, 'y'), r('C', 2, 3, 'x'), r('C', 11, 12, 'y')], register()).ok).toBe(true);
  });

  it('(d) but once a read has seen the second, a read after it cannot see the first again', () => {
    const history = [w('A', 0, 10, 'x'), w('B', 1, 10, 'y'), r('C', 2, 3, 'y'), r('C', 4, 5, 'x'), r('C', 11, 12, 'y')];
    expect(linearizable(history, register()).verdict).toBe('not linearizable');
  });
});

describe('DDIA ch. 9, fig. 9-1: Alice and Bob and the final score', () => {
  // The referee's update is being replicated; Alice's read returns the final score, she tells
  // Bob, and Bob's read, which starts after hers has returned, comes back with the old score.
  const scores = (bobCalls: number) => [
    w('referee', 0, 1, '1-0'),
    w('referee', 2, 20, '2-1'),
    r('alice', 5, 6, '2-1'),
    r('bob', bobCalls, 8, '1-0'),
  ];

  it('Bob reading the old score after Alice read the new one is not linearizable', () => {
    const result = linearizable(scores(7), register());
    expect(result.verdict).toBe('not linearizable');
    expect(result.unplaceable).toContain(3);
  });

  it('had Bob asked before Alice heard back, the same answers would have been linearizable', () => {
    expect(linearizable(scores(5.5), register()).ok).toBe(true);
  });
});

describe('DDIA ch. 9, fig. 9-4: compare-and-set, and a read that goes back in time', () => {
  // In the spirit of fig. 9-4: two CAS succeed one after the other (1 -> 2 -> 4), a client reads
  // 4, and a read that starts after that returns 2 again.
  const history = [w('D', 0, 2, 1), cas('B', 3, 9, 1, 2, true), cas('C', 4, 8, 2, 4, true), r('A', 10, 11, 4), r('B', 12, 13, 2)];

  it('the CAS chain and the read of 4 are linearizable; the read of 2 after it is not', () => {
    expect(linearizable(history.slice(0, 4), casRegister()).ok).toBe(true);
    const result = linearizable(history, casRegister());
    expect(result).toMatchObject({ verdict: 'not linearizable', longestPrefix: [0, 1, 2, 3], unplaceable: [4], state: 4 });
  });

  it('a register without CAS cannot place a CAS at all', () => {
    expect(linearizable(history.slice(0, 2), register()).verdict).toBe('not linearizable');
  });
});

describe('compare-and-set', () => {
  it('two CAS from null cannot both succeed, whether they overlap or not', () => {
    expect(linearizable([cas('a', 0, 5, null, 1, true), cas('b', 1, 6, null, 2, true)], casRegister()).ok).toBe(false);
    expect(linearizable([cas('a', 0, 1, null, 1, true), cas('b', 2, 3, null, 2, true)], casRegister()).ok).toBe(false);
  });

  it('of two overlapping CAS from null, one may win and the other fail, and a read then sees the winner', () => {
    const history = [cas('a', 0, 5, null, 1, false), cas('b', 1, 6, null, 2, true), r('c', 7, 8, 2)];
    expect(linearizable(history, casRegister()).ok).toBe(true);
    expect(linearizable([...history.slice(0, 2), r('c', 7, 8, 1)], casRegister()).ok).toBe(false);
  });

  it('a failed CAS changes nothing', () => {
    expect(linearizable([w('a', 0, 1, 3), cas('b', 2, 3, 1, 2, false), r('c', 4, 5, 3)], casRegister()).ok).toBe(true);
  });
});

describe('operations whose outcome is unknown (ret: Infinity), as Porcupine treats timed-out etcd operations', () => {
  it('a timed-out write may have taken effect: a later read of its value is fine', () => {
    expect(linearizable([timedOut(w('a', 0, 1, 1)), r('b', 5, 6, 1)], register()).ok).toBe(true);
  });

  it('and it may never have: a later read of the old value is fine too', () => {
    const result = linearizable([timedOut(w('a', 0, 1, 1)), r('b', 5, 6, null)], register());
    expect(result.ok).toBe(true);
    expect(result.linearization).toEqual([1, 0]);
  });

  it('but once seen it cannot be unseen: a read of the old value after a read of the new is not linearizable', () => {
    expect(linearizable([timedOut(w('a', 0, 1, 1)), r('b', 5, 6, 1), r('c', 7, 8, null)], register()).ok).toBe(false);
  });

  it('cannot take effect before it was called', () => {
    expect(linearizable([r('b', 0, 1, 1), timedOut(w('a', 2, 3, 1))], register()).ok).toBe(false);
  });

  it('a timed-out CAS took effect exactly where the register held its expected value', () => {
    const history = [w('a', 0, 1, 1), timedOut(cas('b', 2, 3, 1, 2, true)), r('c', 4, 5, 2)];
    expect(linearizable(history, casRegister()).ok).toBe(true);
    expect(linearizable([w('a', 0, 1, 7), ...history.slice(1)], casRegister()).ok).toBe(false);
  });

  it('a timed-out read says nothing and fits anywhere', () => {
    expect(linearizable([w('a', 0, 1, 1), op('b', 2, 3, { kind: 'read' }, { unknown: true })], register()).ok).toBe(true);
  });
});

describe('keys are independent (P-compositionality: linearizability is local, Herlihy and Wing section 3.3)', () => {
  const model = keyValue(casRegister());

  it('a stale read on one key is found and named by its key, whatever the other key does', () => {
    const history = [w('a', 0, 1, 1, 'x'), w('b', 0, 1, 1, 'y'), r('c', 2, 3, 1, 'x'), r('c', 4, 5, null, 'y')];
    const result = linearizable(history, model);
    expect(result).toMatchObject({ verdict: 'not linearizable', key: 'y', unplaceable: [3] });
  });

  it('the same values on different keys do not interfere', () => {
    const history = [w('a', 0, 1, 1, 'x'), r('b', 2, 3, null, 'y'), r('b', 4, 5, 1, 'x')];
    const result = linearizable(history, model);
    expect(result.ok).toBe(true);
    expect(isWitness(history, result.linearization!, model)).toBe(true);
  });

  it('checking all keys at once (partition: false) gives the same verdicts on generated histories', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const history = generateHistory({ operations: 60, keys: 3, seed });
      const parts = linearizable(history, model);
      const whole = linearizable(history, model, { partition: false });
      expect(whole.verdict).toBe(parts.verdict);
      expect(isWitness(history, parts.linearization!, model)).toBe(true);
    }
  });
});

describe('the search has a limit (Tiger Style: put a limit on everything)', () => {
  it('gives up with verdict unknown, ok false and a reason when maxSteps is reached', () => {
    const history = generateHistory({ operations: 200, seed: 4 });
    const result = linearizable(history, casRegister(), { maxSteps: 50 });
    expect(result).toMatchObject({ ok: false, verdict: 'unknown', steps: 50 });
    expect(result.reason).toMatch(/maxSteps = 50/);
    expect(linearizable(history, casRegister()).ok).toBe(true);
  });

  it('refuses a bad history or limit with one ScenarioError naming the field', () => {
    expect(() => linearizable([op('a', 5, 4, { kind: 'read' })], register())).toThrow(ScenarioError);
    expect(() => linearizable([op('a', 5, 4, { kind: 'read' })], register())).toThrow(/history\[0\]\.ret/);
    expect(() => linearizable([{ call: 0, ret: 1, input: {}, output: {} } as never], register())).toThrow(/history\[0\]\.client/);
    expect(() => linearizable([], register(), { maxSteps: 0 })).toThrow(/options\.maxSteps/);
  });
});

describe('properties over generated histories (fast-check, fixed seed)', () => {
  const SEED = 20261204;
  const options = fc.record({
    operations: fc.integer({ min: 1, max: 120 }),
    clients: fc.integer({ min: 1, max: 6 }),
    values: fc.integer({ min: 1, max: 6 }),
    timeouts: fc.constantFrom(0, 0.05, 0.2),
    spread: fc.integer({ min: 0, max: 40 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  });

  it('a history drawn around a real sequential execution is always linearizable, with a witness (300 histories)', () => {
    fc.assert(
      fc.property(options, (o) => {
        const history = generateHistory(o);
        const result = linearizable(history, casRegister());
        return result.ok && isWitness(history, result.linearization!, casRegister());
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('changing one read to a value no write produced makes it not linearizable, and that read cannot be placed (300 histories)', () => {
    fc.assert(
      fc.property(options, fc.nat(), (o, pick) => {
        const history = generateHistory({ ...o, timeouts: 0 });
        const reads = history.map((h, i) => i).filter((i) => (history[i].input as { kind: string }).kind === 'read');
        fc.pre(reads.length > 0);
        const corrupted = reads[pick % reads.length];
        const bad = history.map((h, i) => (i === corrupted ? { ...h, output: { value: 'never written' } } : h));
        const result = linearizable(bad, casRegister());
        return result.verdict === 'not linearizable' && result.unplaceable.includes(corrupted);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('agrees with the definition tried by brute force, with and without the memo, on small random histories (400 histories)', () => {
    // Random operations with random outputs and random intervals: most are not linearizable.
    const anyOp = fc
      .record({
        client: fc.constantFrom('a', 'b', 'c'),
        call: fc.integer({ min: 0, max: 20 }),
        length: fc.integer({ min: 0, max: 10 }),
        lost: fc.boolean(),
        kind: fc.constantFrom('read', 'write', 'cas'),
        v: fc.integer({ min: 0, max: 2 }),
        u: fc.integer({ min: 0, max: 2 }),
        ok: fc.boolean(),
      })
      .map((o): Op => {
        const ret = o.lost && o.kind !== 'read' ? Infinity : o.call + o.length;
        const value = o.v === 0 ? null : o.v;
        if (o.kind === 'read') return op(o.client, o.call, ret, { kind: 'read' }, { value });
        if (o.kind === 'write') return op(o.client, o.call, ret, { kind: 'write', value }, ret === Infinity ? { unknown: true } : {});
        return op(o.client, o.call, ret, { kind: 'cas', from: value, to: o.u }, ret === Infinity ? { unknown: true } : { ok: o.ok });
      });
    let linearizableSeen = 0;
    fc.assert(
      fc.property(fc.array(anyOp, { maxLength: 7 }), (history) => {
        const truth = linearizableByDefinition(history, casRegister());
        if (truth) linearizableSeen++;
        const result = linearizable(history, casRegister());
        const noMemo = linearizable(history, casRegister(), { memo: false });
        return result.ok === truth && noMemo.ok === truth && (!truth || isWitness(history, result.linearization!, casRegister()));
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(linearizableSeen).toBeGreaterThan(40);
  });
});
