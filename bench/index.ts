// `npm run bench`: speed and memory as ratios against baselines run in this same process.
import { benchCharts } from './charts';
import { benchClass } from './class';
import { benchCore } from './core';
import { benchExplore } from './explore';
import { benchFirstCell } from './first-cell';
import { benchGrader } from './grader';
import { benchLinearizability } from './linearizability';

async function main() {
  benchCore();
  benchExplore();
  await benchCharts();
  await benchGrader();
  benchClass();
  await benchFirstCell();
  benchLinearizability();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
