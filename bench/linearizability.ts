// The linearizability checker's speed (issue 20): large generated etcd-like histories (read,
// write and CAS from several clients, some operations timed out), checked by `linearizable`,
// against baselines run in this same process: the search without its memo, the search over all
// keys at once (no P-compositionality), and the definition tried by brute force, each on sizes
// it can finish. Ratios only; the per-history times are printed for scale.
import { casRegister, keyValue, linearizable, type History } from '../lib';
import { generateHistory } from '../lib/linearizability/index';
import { linearizableByDefinition } from '../lib/linearizability/naive';
import { compare, fmt, time } from './measure';

/** An etcd-like history with one read changed to a value no write produced: not linearizable. */
function corrupted(history: History): History {
  const reads = history.flatMap((op, i) => ((op.input as { kind: string }).kind === 'read' && op.ret !== Infinity ? [i] : []));
  const read = reads.find((i) => i > history.length / 2) ?? reads[reads.length - 1];
  if (read === undefined) throw new Error('a history with no read to corrupt: change the seed');
  return history.map((op, i) => (i === read ? { ...op, output: { value: 'never written' } } : op));
}

export function benchLinearizability(): { perHistoryMs: number; memoRatio: number; partsRatio: number; definitionRatio: number } {
  const model = casRegister();
  let failures = 0;
  const judged = (history: History, ok: boolean, options = {}, m = model as never) => {
    const result = linearizable(history, m, options);
    if (result.ok !== ok) failures++;
    return result;
  };

  // 1. Histories shaped like Jepsen's etcd tests (one register; about 80-90 operations, 5
  //    clients at a time, 15% timed out, a client replaced after each timeout), half of them
  //    with one read corrupted; then larger ones of 2,000 operations.
  const timed = (label: string, ok: History[], notOk: History[]) => {
    let steps = 0;
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      steps = 0;
      const ms = time(() => {
        for (const h of ok) steps += judged(h, true).steps;
        for (const h of notOk) steps += judged(h, false).steps;
      });
      best = Math.min(best, ms);
    }
    const count = ok.length + notOk.length;
    console.log(
      `  ${label}: ${fmt(best / count)} ms per history, ${Math.round(steps / count).toLocaleString('en-US')} search steps per history`,
    );
    return best / count;
  };
  console.log("linearizability: Wing-Gong search with Lowe's memo, per-key parts");
  const etcd = Array.from({ length: 50 }, (_, i) => generateHistory({ operations: 100, clients: 5, timeouts: 0.15, seed: i + 1 }));
  const perHistoryMs = timed('50 + 50 corrupted etcd-like histories of 100 operations (15% timed out)', etcd, etcd.map(corrupted));
  const large = Array.from({ length: 10 }, (_, i) => generateHistory({ operations: 2_000, clients: 5, timeouts: 0.005, seed: 50 + i }));
  timed('10 + 10 corrupted histories of 2,000 operations (0.5% timed out)', large, large.map(corrupted));

  // 2. The memo (Lowe 2017) against the same search without it, on histories it can finish.
  const medium = Array.from({ length: 10 }, (_, i) =>
    corrupted(generateHistory({ operations: 40, clients: 5, timeouts: 0.15, spread: 30, seed: 100 + i })),
  );
  const memo = compare(
    3,
    () => medium.forEach((h) => judged(h, false, { memo: false })),
    () => medium.forEach((h) => judged(h, false)),
  );
  console.log(
    `  with the memo / without, 10 corrupted histories of 40 operations:         ${fmt(memo.ratio, 3)}x the time (lower is better)`,
  );

  // 3. P-compositionality: 8 keys checked one by one against all keys in one search.
  const kv = keyValue(casRegister()) as never;
  const keyed = Array.from({ length: 5 }, (_, i) =>
    generateHistory({ operations: 400, keys: 8, clients: 8, timeouts: 0.03, spread: 40, seed: 200 + i }),
  );
  const parts = compare(
    3,
    () => keyed.forEach((h) => judged(h, true, { partition: false }, kv)),
    () => keyed.forEach((h) => judged(h, true, {}, kv)),
  );
  console.log(`  per key / all keys at once, 5 histories of 400 operations on 8 keys:       ${fmt(parts.ratio, 3)}x the time`);

  // 4. The definition by brute force (every real-time order, no list, no memo) on small histories.
  const small = Array.from({ length: 10 }, (_, i) =>
    corrupted(generateHistory({ operations: 12, clients: 5, timeouts: 0.1, spread: 40, seed: 300 + i })),
  );
  const definition = compare(
    3,
    () => small.forEach((h) => (linearizableByDefinition(h, model) ? failures++ : 0)),
    () => small.forEach((h) => judged(h, false)),
  );
  console.log(`  search / brute-force definition, 10 corrupted histories of 12 operations: ${fmt(definition.ratio, 3)}x the time`);

  if (failures > 0) {
    // A verdict that differs from how the history was made is a bug in the checker.
    console.log(`  WRONG VERDICTS: ${failures}`);
    process.exitCode = 1;
  }
  return { perHistoryMs, memoRatio: memo.ratio, partsRatio: parts.ratio, definitionRatio: definition.ratio };
}

// Run alone: `npm run bench:lin`.
if (process.argv[1] && /bench[\\/]linearizability\.ts$/.test(process.argv[1])) benchLinearizability();
