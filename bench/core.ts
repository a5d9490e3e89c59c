// The simulation core against the lean loop (issue 21: within 3x, goal 1.5x) and a bare heap
// loop over the same roles (issue 3: at most 1.5x); a 1,000,000-event trace under 150 MB.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { simulate, threePhaseCommit, twoPhaseCommit, World, type Scenario, type Verdict, type ProtocolSpec } from '../lib';
import { validateScenario } from '../lib/scenario/validate';
import { bareRun } from './bare-loop';
import { LeanLoop } from './lean-loop';
import { compare, fmt, heapUsed, time } from './measure';

type Counts = Record<Verdict, number>;
const empty = (): Counts => ({ committed: 0, aborted: 0, blocked: 0, inconsistent: 0, safe: 0, unsafe: 0 });

function sweepBoth(label: string, protocol: ProtocolSpec, voters: number, loss: number, seeds: number) {
  const scenario = (seed: number): Scenario => ({ protocol, voters, network: { loss }, seed });
  const bare = empty();
  const none = empty();
  const objects = empty();
  const bareSweep = () => { for (let s = 1; s <= seeds; s++) bare[bareRun(protocol, voters, loss, s)]++; };
  const noTrace = () => { for (let s = 1; s <= seeds; s++) none[simulate(scenario(s), { trace: 'none' }).verdict]++; };
  const withTrace = () => { for (let s = 1; s <= seeds; s++) objects[simulate(scenario(s)).verdict]++; };
  // One counted pass of each first: the same seeds must give the same verdicts three ways.
  bareSweep();
  noTrace();
  withTrace();
  const counted = JSON.stringify(none);
  const same = JSON.stringify(bare) === counted && counted === JSON.stringify(objects);
  const lean = compare(3, bareSweep, noTrace);
  const full = compare(3, bareSweep, withTrace);
  console.log(
    `${label}, ${seeds} seeds (verdicts ${same ? 'identical' : 'DIFFER'}: ${same ? counted : JSON.stringify({ bare, none, objects })})`,
  );
  console.log(`  bare heap loop              ${fmt((seeds / full.baseline) * 1000, 0)} runs/CPU-s`);
  console.log(
    `  simulate, trace: 'none'     ${fmt((seeds / lean.subject) * 1000, 0)} runs/CPU-s   ratio ${fmt(lean.ratio)}x  (target <= 1.5x)`,
  );
  console.log(`  simulate, trace of objects  ${fmt((seeds / full.subject) * 1000, 0)} runs/CPU-s   ratio ${fmt(full.ratio)}x`);
  if (!same) process.exitCode = 1;
}

type Alone = { baseline: number; subject: number; ratio: number; verdicts: Partial<Counts> };

/**
 * Issue 21's sweep against the lean loop in a process that runs nothing else (bench/sweep-alone.ts
 * says why), on `lib` through tsx or on the compiled kit (`build/kit`, built first if lib changed
 * since). Null, with the reason printed, when it cannot be built or run.
 */
function sweepAlone(which: 'tsx' | 'kit', seeds: number): Alone | null {
  const project = resolve(__dirname, '..');
  try {
    if (which === 'kit') execFileSync(process.execPath, ['tools/jupyter/kit.mjs'], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/sweep-alone.ts', which, String(seeds)], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(out.trim().split('\n').pop()!) as Alone;
  } catch (error) {
    console.log(`  (the sweep on ${which} could not be run alone: ${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}

/**
 * Issue 21's sweep: 3-voter 2PC, delay 1-5, 10% loss, 20,000 seeds. simulate against the lean
 * loop (bench/lean-loop.ts: minimal roles, numeric ids, no trace), the floor it should approach,
 * each timed in a process of its own, through tsx and from the compiled kit; and, here, against
 * the bare loop over the kit's own roles (the ratio this bench printed before issue 21).
 */
export function againstLean() {
  const seeds = 20_000;
  const protocol = twoPhaseCommit();
  const lean = new LeanLoop(3, 1, 5, 0.1);
  const scenario = (seed: number): Scenario => ({ protocol, voters: 3, network: { delay: [1, 5], loss: 0.1 }, seed });
  // One counted pass first: the work (messages a run) and the verdict shares must match, and
  // the bare loop must reach simulate's verdicts run for run.
  const counts = { lean: empty(), bare: empty(), simulate: empty() };
  let leanSent = 0;
  let simulateSent = 0;
  for (let s = 1; s <= seeds; s++) {
    counts.lean[lean.run(s)]++;
    leanSent += lean.sent;
    counts.bare[bareRun(protocol, 3, 0.1, s, 1000, [1, 5])]++;
    const run = simulate(scenario(s), { trace: 'none' });
    counts.simulate[run.verdict]++;
    simulateSent += run.stats.messagesSent;
  }
  const share = (c: Counts) => `${fmt((100 * c.committed) / seeds, 1)}% committed`;
  const sink = empty();
  const leanSweep = () => { for (let s = 1; s <= seeds; s++) sink[lean.run(s)]++; };
  const bareSweep = () => { for (let s = 1; s <= seeds; s++) sink[bareRun(protocol, 3, 0.1, s, 1000, [1, 5])]++; };
  const simulateSweep = () => { for (let s = 1; s <= seeds; s++) sink[simulate(scenario(s), { trace: 'none' }).verdict]++; };
  const beside = compare(3, leanSweep, simulateSweep);
  const vsBare = compare(3, bareSweep, simulateSweep);
  const alone = { tsx: sweepAlone('tsx', seeds), kit: sweepAlone('kit', seeds) };
  const same = (a: Alone | null) => a === null || JSON.stringify({ ...empty(), ...a.verdicts }) === JSON.stringify(counts.simulate);
  const runs = (ms: number) => `${fmt((seeds / ms) * 1000, 0)} runs/CPU-s`;
  console.log(`3-voter 2PC, delay 1-5, 10% loss, ${seeds.toLocaleString('en')} seeds (issue 21's sweep)`);
  console.log(`  lean loop (bench/lean-loop.ts)   ${runs(beside.baseline)}   ${share(counts.lean)}, ${fmt(leanSent / seeds, 1)} messages a run`);
  console.log(`  simulate, trace: 'none'          ${share(counts.simulate)}, ${fmt(simulateSent / seeds, 1)} messages a run`);
  for (const [which, label] of [['kit', 'from the compiled kit (build/kit, what notebooks load)'], ['tsx', 'through tsx (what tests and tools load)']] as const) {
    const a = alone[which];
    if (a === null) continue;
    console.log(
      `  simulate ${label}, alone in its process: ${runs(a.subject)}, lean loop there ${runs(a.baseline)}, ` +
        `verdicts ${same(a) ? 'identical' : 'DIFFER'}:  simulate / lean loop ${fmt(a.ratio)}x (target <= 3x, goal 1.5x)`,
    );
  }
  console.log(
    `  here, beside the bare loop (which shares the kit's heap, roles and generators): simulate ${runs(beside.subject)}, ` +
      `simulate / lean loop ${fmt(beside.ratio)}x;  simulate / bare loop ${fmt(vsBare.ratio)}x (the ratio before issue 21)`,
  );
  if (JSON.stringify(counts.bare) !== JSON.stringify(counts.simulate) || !same(alone.tsx) || !same(alone.kit)) process.exitCode = 1;
}

export function benchCore() {
  console.log('== simulation core ==');
  againstLean();
  sweepBoth('3-voter 2PC at 10% loss', twoPhaseCommit(), 3, 0.1, 10_000);
  sweepBoth('50-voter fault-free 2PC', twoPhaseCommit(), 50, 0, 1_000);
  sweepBoth('3-voter 3PC at 10% loss', threePhaseCommit(), 3, 0.1, 10_000);
  sweepBoth('3-voter 3PC (elect) at 10% loss', threePhaseCommit({ termination: 'elect' }), 3, 0.1, 10_000);

  // A trace of a million events: 100 voters cut off from the coordinator after voting,
  // everyone retrying until the horizon.
  const big: Scenario = {
    protocol: twoPhaseCommit(),
    voters: 100,
    faults: [{ kind: 'partition', groups: [['coordinator']], when: { kind: 'at', t: 3 } }],
    horizon: 17_000,
  };
  const before = heapUsed();
  const run = simulate(big);
  const held = heapUsed() - before;
  console.log(
    `trace memory: ${run.trace.length.toLocaleString('en')} events hold ${fmt(held / 1e6, 1)} MB, ` +
      `${fmt(held / run.trace.length, 0)} bytes/event; per 1,000,000 events ${fmt(((held / run.trace.length) * 1e6) / 1e6, 1)} MB ` +
      `(target < 150 MB)${(globalThis as { gc?: unknown }).gc ? '' : ' [run with --expose-gc for a clean figure]'}`,
  );

  // Setup: validating and building the world of a 3-voter run, and resetting a built world for
  // another seed (what a sweep and a loop of simulate over seeds do), against the whole run.
  const small: Scenario = { protocol: twoPhaseCommit(), voters: 3 };
  const n = 20_000;
  const setup = time(() => { for (let i = 0; i < n; i++) { validateScenario(small); new World(small, { trace: 'none' }); } });
  const kept = new World(small, { trace: 'none' });
  const reset = time(() => { for (let i = 0; i < n; i++) kept.reset({ ...small, seed: i }); });
  const whole = time(() => { for (let i = 0; i < n; i++) simulate({ ...small, seed: i }, { trace: 'none' }); });
  console.log(
    `per-run setup of a 3-voter run: validating and building ${fmt((setup / n) * 1000, 1)} us, ` +
      `resetting a built world ${fmt((reset / n) * 1000, 1)} us, a whole simulate ${fmt((whole / n) * 1000, 1)} us ` +
      `(its setup is the reset: ${fmt((100 * reset) / whole, 0)}%)`,
  );
}
