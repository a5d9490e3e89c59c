// Issue 21's sweep from the compiled kit (build/kit, tsc's CommonJS, what tslab notebooks load)
// against the lean loop, in a process of its own: `bench/core.ts` runs it so. In the process
// that has run the same sweep through tsx's copy of lib, the kit's copy measured 5% slower
// (two copies of the same code share V8's hidden classes, so each sees the other's objects);
// alone, it is timed as a notebook runs it. Prints one line of JSON: CPU ms of the best round of
// each, their ratio, and the kit's verdicts, which the caller compares with tsx's run for run.
import { resolve } from 'node:path';
import type { Scenario, Verdict } from '../lib';
import { LeanLoop } from './lean-loop';
import { compare } from './measure';

const seeds = Number(process.argv[2] ?? 20_000);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kit = require(resolve(__dirname, '..', 'build', 'kit')) as typeof import('../lib');
const protocol = kit.twoPhaseCommit();
const scenario = (seed: number): Scenario => ({ protocol, voters: 3, network: { delay: [1, 5], loss: 0.1 }, seed });
const lean = new LeanLoop(3, 1, 5, 0.1);
const verdicts: Partial<Record<Verdict, number>> = {};
for (let s = 1; s <= seeds; s++) {
  const v = kit.simulate(scenario(s), { trace: 'none' }).verdict;
  verdicts[v] = (verdicts[v] ?? 0) + 1;
}
// Each sweep counts its verdicts, as bench/core.ts's do, so that neither is work the JIT can drop.
const sink: Record<string, number> = { committed: 0, aborted: 0, blocked: 0, inconsistent: 0, safe: 0, unsafe: 0 };
const leanSweep = () => { for (let s = 1; s <= seeds; s++) sink[lean.run(s)]++; };
const kitSweep = () => { for (let s = 1; s <= seeds; s++) sink[kit.simulate(scenario(s), { trace: 'none' }).verdict]++; };
const result = compare(5, leanSweep, kitSweep);
console.log(JSON.stringify({ ...result, verdicts }));
