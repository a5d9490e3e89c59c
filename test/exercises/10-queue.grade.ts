// Probes for exercise 10-queue (Herlihy and Wing 1990, fig. 1). Judged by grader/exercises/10-queue.ts.
import { queueModel } from '../../exercises/10-queue';
import { probe } from '../../grader/worker/probe';
import { figureOne } from '../../grader/worker/fixtures/queue';
import { linearizable } from '../../lib/linearizability/index';

const enq = (value: unknown) => ({ kind: 'enq', value }) as const;
const deq = { kind: 'deq' } as const;

probe('starts empty: a deq answers null, an enq is always legal, and step leaves the given state alone', () => {
  const m = queueModel();
  const start = m.init();
  const [, withX] = m.step(start, enq('x'), {});
  const [, empty] = m.step(withX, deq, { value: 'x' });
  return [
    m.step(m.init(), deq, { value: null })[0],
    m.step(m.init(), deq, { value: 'x' })[0],
    m.step(m.init(), enq('x'), {})[0],
    empty.length === 0,
    start.length,
  ];
});
probe('dequeues in first-in, first-out order', () => {
  const m = queueModel();
  const [, a] = m.step(m.init(), enq('a'), {});
  const [, ab] = m.step(a, enq('b'), {});
  const [first, b] = m.step(ab, deq, { value: 'a' });
  const [last, none] = m.step(b, deq, { value: 'b' });
  return [first, m.step(ab, deq, { value: 'b' })[0], last, m.step(none, deq, { value: null })[0]];
});
probe('lets an unknown outcome match anything, and still take effect', () => {
  const m = queueModel();
  const [, a] = m.step(m.init(), enq('a'), {});
  const [legal, after] = m.step(a, deq, { unknown: true });
  return [
    m.step(m.init(), deq, { unknown: true })[0],
    legal,
    m.step(after, deq, { value: null })[0],
    m.step(m.init(), enq('a'), { unknown: true })[0],
  ];
});
probe("gives Herlihy and Wing's kind of fig. 1 queue histories their verdicts under linearizable", () =>
  figureOne.map((f) => linearizable(f.history, queueModel()).verdict),
);
