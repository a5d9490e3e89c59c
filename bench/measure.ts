/**
 * Timing for ratios on a noisy shared machine: the subject and its baseline run
 * alternately, several rounds, and each keeps its best round. Only ratios between
 * two things measured in the same process are printed as results.
 */
export function compare(rounds: number, baseline: () => void, subject: () => void): { baseline: number; subject: number; ratio: number } {
  let best = { baseline: Infinity, subject: Infinity };
  baseline(); // warm up both before timing
  subject();
  for (let r = 0; r < rounds; r++) {
    const a = time(baseline);
    const b = time(subject);
    best = { baseline: Math.min(best.baseline, a), subject: Math.min(best.subject, b) };
  }
  return { ...best, ratio: best.subject / best.baseline };
}

export function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);

export function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}
