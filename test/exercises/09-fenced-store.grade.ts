// Probes for exercise 09-fenced-store (DDIA ch. 8, fig. 8-5). Judged by grader/exercises/09-fenced-store.ts.
import { storeStep } from '../../exercises/09-fenced-store';
import { probe } from '../../grader/worker/probe';
import { holderFaults, learnerLeaseRuns } from '../../grader/worker/fixtures/lease';

probe('takes a fresh write, rejects a stale one, and ignores the rest, step by step', () => {
  const seen: unknown[] = [];
  let state = { highest: 0 };
  for (const input of [
    { kind: 'receive', from: 'c1', message: { type: 'write', token: 1 } },
    { kind: 'receive', from: 'c2', message: { type: 'write', token: 3 } },
    { kind: 'receive', from: 'c1', message: { type: 'write', token: 2 } },
    { kind: 'timeout', timer: 'nap' },
  ] as const) {
    const [next, outputs] = storeStep(state, input);
    seen.push({ highest: next.highest, outputs });
    state = next;
  }
  return seen;
});
probe('over paused holders, slow clocks and a paused store, answers every write as the fenced store does', () =>
  learnerLeaseRuns(storeStep, holderFaults()),
);
