// `npm run bench`: speed and memory as ratios against baselines run in this same process.
import { benchCharts } from './charts';
import { benchCore } from './core';

async function main() {
  benchCore();
  await benchCharts();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
