// `npm run test:quick`: the specifications, the catalog and the property tests, without the
// suites that start Jupyter, Chromium, the grader's sandboxes or a copy of the project.
// `npm test` still runs everything (vitest.config.mts), as CI does.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.mjs';

export const SLOW = [
  'test/notebooks.test.ts', // every lesson through real Jupyter
  'test/browser.test.ts', // Chromium
  'test/jupyter-start.test.ts', // starts Jupyter servers
  'test/grader/**', // the grader's sandboxed vitest runs, the hostile submissions, Gradescope's layout
  'test/tools/new-lesson.test.ts', // copies the project and runs the scaffolder and its notebook
];

// isolate: false lets the files share one import of lib/ per worker: half the time on a loaded
// two-core machine (91 s -> 50 s, load average 15). npm test keeps each file isolated, so a test
// that leaked state into another would still be caught there.
export default mergeConfig(base, defineConfig({ test: { exclude: ['**/node_modules/**', ...SLOW], isolate: false } }));
