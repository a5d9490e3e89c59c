// `npm run bench`: speed and memory as ratios against baselines run in this same process.
import { benchCore } from './core';

benchCore();
