/**
 * Timing for ratios on a noisy shared machine: the subject and its baseline run
 * alternately, several rounds, and each keeps its best round. Only ratios between
 * two things measured in the same process are printed as results. Both are timed in
 * CPU time (see `time`).
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

/**
 * Milliseconds of CPU (user + system) this process spent in `fn`. Wall time on a shared
 * machine also counts the time other processes held the core: on two cores at load average
 * 17, simulate against the lean loop measured 7.1x to 12.6x in wall time across four runs,
 * and 8.6x to 9.7x in CPU time. Every subject measured here runs synchronously in this process;
 * the CPU time of V8's helper threads (concurrent GC) counts, for subject and baseline alike.
 */
export function time(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
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
