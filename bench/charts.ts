// Sweeps and charts (issue 11, "Speed"): a sweep against the same runs through simulate in a
// loop, and drawing a run against simulating it. Ratios in one process; no absolute targets.
import { afterReceive, afterSend, crash, simulate, spaceTime, sweep, toSVG, twoPhaseCommit, type Scenario } from '../lib';
import { compare, fmt } from './measure';

/** 10,000 runs: 3-voter 2PC at four loss rates x 2,500 seeds, through `sweep` and through `simulate`. */
export function benchSweep(): { ratio: number; ratioWithTraces: number } {
  const losses = [0, 0.05, 0.1, 0.2];
  const seeds = 2_500;
  const base: Scenario = { protocol: twoPhaseCommit(), voters: 3 };
  let committedBySweep = 0;
  let committedBySimulate = 0;
  const bySweep = () => {
    committedBySweep = sweep({ base, vary: { 'network.loss': losses }, seeds }).reduce((s, r) => s + r.committed, 0);
  };
  const loop = (options: { trace?: 'none' }) => () => {
    committedBySimulate = 0;
    for (const loss of losses) {
      for (let seed = 1; seed <= seeds; seed++)
        if (simulate({ ...base, network: { loss }, seed }, options).verdict === 'committed') committedBySimulate++;
    }
  };
  const lean = compare(5, loop({ trace: 'none' }), bySweep);
  const full = compare(5, loop({}), bySweep);
  const same = committedBySweep === committedBySimulate;
  console.log(
    `sweep of ${losses.length * seeds} runs (3-voter 2PC, loss ${losses.join('/')}; ` +
      `committed runs ${same ? 'identical' : 'DIFFER'}: ${committedBySweep})`,
  );
  console.log(`  sweep / simulate(trace: 'none') in a loop   ${fmt(lean.ratio)}x  (target <= 1)`);
  console.log(`  sweep / simulate (traces kept) in a loop     ${fmt(full.ratio)}x`);
  if (!same) process.exitCode = 1;
  return { ratio: lean.ratio, ratioWithTraces: full.ratio };
}

/**
 * A run of about 1,000 events: article fig. 3 under cooperative termination (the coordinator
 * and v1 crash in the commit phase; v2 and v3 ask each other and the dead, until the horizon).
 */
export const THOUSAND_EVENTS: Scenario = {
  protocol: twoPhaseCommit({ termination: 'cooperative' }),
  voters: 3,
  faults: [
    crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })),
    crash('v1', afterReceive('v1', 'commit')),
  ],
  horizon: 700,
};

/** Building and rendering the space-time diagram of THOUSAND_EVENTS, against simulating it. */
export async function benchSpaceTime(): Promise<{ events: number; ratio: number; drawMs: number }> {
  const run = simulate(THOUSAND_EVENTS);
  const to = run.trace[run.trace.length - 1].t + 1;
  const rounds = 5;
  let simulateMs = Infinity;
  let drawMs = Infinity;
  await toSVG(spaceTime(run, { to })); // warm up vega and vega-lite
  for (let r = 0; r < rounds; r++) {
    const a = process.hrtime.bigint();
    for (let i = 0; i < 20; i++) simulate(THOUSAND_EVENTS);
    const b = process.hrtime.bigint();
    await toSVG(spaceTime(run, { to }));
    const c = process.hrtime.bigint();
    simulateMs = Math.min(simulateMs, Number(b - a) / 20 / 1e6);
    drawMs = Math.min(drawMs, Number(c - b) / 1e6);
  }
  const ratio = drawMs / simulateMs;
  console.log(
    `space-time diagram of a ${run.trace.length}-event run (whole run drawn): ` +
      `build + render to SVG / simulate  ${fmt(ratio, 0)}x  (${fmt(drawMs, 0)} ms to draw)`,
  );
  return { events: run.trace.length, ratio, drawMs };
}

/** Both, as `npm run bench` calls them. */
export async function benchCharts(): Promise<void> {
  console.log('== sweeps and charts ==');
  benchSweep();
  await benchSpaceTime();
}
