// Issue 21's sweep against the lean loop in a process that runs nothing else, as a notebook or a
// test runs `simulate`: `bench/core.ts` runs it twice, once on `lib` through tsx (what tests and
// this bench load) and once on the compiled kit (`build/kit`, tsc's CommonJS, what tslab
// notebooks load). In a process that has also run the bare loop over the kit's own roles and
// heap (bench/bare-loop.ts), simulate measured 10-15% slower: the bare loop's queue entries are
// of another class in the same `EventHeap`, and its inputs and generators pass through the same
// code, so V8's inline caches there see shapes a real run never shows them. Beside tsx's copy of
// lib, the kit's copy measured 5% slower for the same reason (two copies of the same code share
// hidden classes). Prints one line of JSON: CPU ms of the best round of each, their ratio, and
// simulate's verdicts, which the caller compares with its own run for run.
//
// `node --expose-gc --import tsx bench/sweep-alone.ts <kit|tsx> [seeds]`
import { resolve } from 'node:path';
import type { Scenario, Verdict } from '../lib';
import { LeanLoop } from './lean-loop';
import { compare } from './measure';

const which = process.argv[2];
if (which !== 'kit' && which !== 'tsx') throw new Error(`the first argument is which lib to load: 'kit' or 'tsx', not '${which}'`);
const seeds = Number(process.argv[3] ?? 20_000);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require(which === 'kit' ? resolve(__dirname, '..', 'build', 'kit') : '../lib') as typeof import('../lib');
const protocol = lib.twoPhaseCommit();
const scenario = (seed: number): Scenario => ({ protocol, voters: 3, network: { delay: [1, 5], loss: 0.1 }, seed });
const lean = new LeanLoop(3, 1, 5, 0.1);
const verdicts: Partial<Record<Verdict, number>> = {};
for (let s = 1; s <= seeds; s++) {
  const v = lib.simulate(scenario(s), { trace: 'none' }).verdict;
  verdicts[v] = (verdicts[v] ?? 0) + 1;
}
// Each sweep counts its verdicts, as bench/core.ts's do, so that neither is work the JIT can drop.
const sink: Record<string, number> = { committed: 0, aborted: 0, blocked: 0, inconsistent: 0, safe: 0, unsafe: 0 };
const leanSweep = () => { for (let s = 1; s <= seeds; s++) sink[lean.run(s)]++; };
const simulateSweep = () => { for (let s = 1; s <= seeds; s++) sink[lib.simulate(scenario(s), { trace: 'none' }).verdict]++; };
const result = compare(5, leanSweep, simulateSweep);
console.log(JSON.stringify({ ...result, verdicts }));
