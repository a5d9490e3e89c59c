// The linter: typescript-eslint, because it reads the types (floating promises, awaited
// non-promises, needless assertions, values that print as [object Object]) and because a
// rule can be set per folder or per file.
// `npm run lint` runs it; `npm run format` runs Prettier (enforcement of formatting is off for now).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'notebooks/lib/**',
      // The compiled kit the notebooks import (npm run kit): generated, like node_modules.
      'build/**',
      // The student version's answer-bearing files, shipped compiled and minified (tools/answer-bearing.ts).
      'lib/**/*.js',
      'notebooks/exercises/**',
      'grade/**',
      'site/**',
      '.venv/**',
      'grader/worker/fixtures/**',
      'test/grader/hostile/**',
      'test/grader/variants/**',
      '**/*.ipynb',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'tools/jupyter/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A specification's name is one sentence, and a message a learner reads is one string, each
      // kept on one line so that grep finds it; code and comments wrap at 140.
      'max-len': [
        'error',
        {
          code: 140,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          // ... and the stamp build-exercises writes at the top of each stub, which its check reads whole.
          ignorePattern: String.raw`^\s*(it|test|describe)(\.\w+)*\(['"\x60]|^// \(Written by \x60npm run build-exercises\x60|^\s*// HINT: `,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Noisy for this code base (130 hits on the first run): roles and tests pass `any` state by
      // design until messages are typed (`Role<S = any>`, issue 21 item 2), and JSON read from
      // disk is untyped. Turn these on with typed messages.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // A few hits each, in files other branches are changing: possible '[object Object]' in a
      // message (grader/stream-reporter.ts, explore/roles-system.ts, scenario/validate.ts), and
      // methods passed unbound (exercise/learner-protocol.ts, test/charts.test.ts). Errors once fixed.
      '@typescript-eslint/no-base-to-string': 'warn',
      '@typescript-eslint/unbound-method': 'warn',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // Files other branches were changing when the linter came in (issue 21): their long lines and
    // needless type assertions are warnings until the file is next touched. Fix a file, then delete
    // its line here; `npm run lint` fails on any new file with either.
    files: [
      'exercises/01-duplicate.ts',
      'exercises/02-tally.ts',
      'exercises/03-agreement.ts',
      'exercises/04-blocking-scenario.ts',
      'exercises/04-cooperative.ts',
      'exercises/04-voter-recovery.ts',
      'exercises/07-availability.ts',
      'exercises/08-leader.ts',
      'grader/class.ts',
      'grader/cli.ts',
      'grader/exercises/01-duplicate.ts',
      'grader/exercises/02-tally.ts',
      'grader/exercises/03-agreement.ts',
      'grader/exercises/04-blocking-scenario.ts',
      'grader/exercises/04-cooperative.ts',
      'grader/exercises/04-predict.ts',
      'grader/exercises/06-split-brain.ts',
      'grader/exercises/07-availability.ts',
      'grader/exercises/08-leader.ts',
      'grader/exercises/protocol-judge.ts',
      'grader/grade.ts',
      'grader/report.ts',
      'grader/score.ts',
      'grader/worker/integrity.ts',
      'grader/worker/probe.ts',
      'instructor/hidden/04-cooperative.grade.ts',
      'instructor/hidden/04-cooperative.judge.ts',
      'instructor/hidden/04-voter-recovery.grade.ts',
      'instructor/hidden/04-voter-recovery.judge.ts',
      'instructor/hidden/05-elect.grade.ts',
      'instructor/hidden/07-availability.judge.ts',
      'lib/catalog/01-network.ts',
      'lib/catalog/08-paxos-commit.ts',
      'lib/catalog/05-three-phase-commit.ts',
      'lib/catalog/03-two-phase-commit.ts',
      'lib/charts/matrix.ts',
      'lib/charts/outcomes.ts',
      'lib/charts/render.ts',
      'lib/charts/show.ts',
      'lib/charts/space-time.ts',
      'lib/checkers/agreement.ts',
      'lib/checkers/termination.ts',
      'lib/compare/compare.ts',
      'lib/exercise/index.ts',
      'lib/exercise/learner-protocol.ts',
      'lib/exercise/puzzles.ts',
      'lib/explore/check.ts',
      'lib/explore/describe.ts',
      'lib/explore/explore.ts',
      'lib/explore/progress.ts',
      'lib/explore/roles-system.ts',
      'lib/explore/rows.ts',
      'lib/explore/trigger-points.ts',
      'lib/faults/envelope.ts',
      'lib/index.ts',
      'lib/protocols/paxos-commit/coordinator.ts',
      'lib/protocols/paxos-commit/leader.ts',
      'lib/protocols/paxos-commit/voter.ts',
      'lib/protocols/role.ts',
      'lib/protocols/three-phase-commit/voter.ts',
      'lib/protocols/two-phase-commit/voter.ts',
      'lib/scenario/builders.ts',
      'lib/scenario/types.ts',
      'lib/scenario/validate.ts',
      'lib/sweep/sweep.ts',
      'lib/world/simulate.ts',
      'lib/world/trace.ts',
      'lib/world/world.ts',
      'solutions/01-duplicate.ts',
      'test/charts.test.ts',
      'test/exercises/01-duplicate.grade.ts',
      'test/exercises/02-tally.grade.ts',
      'test/exercises/03-agreement.grade.ts',
      'test/exercises/04-cooperative.grade.ts',
      'test/exercises/04-predict.grade.ts',
      'test/exercises/04-voter-recovery.grade.ts',
      'test/exercises/08-leader.grade.ts',
      'test/grader/class.test.ts',
      'test/grader/grade.test.ts',
      'test/grader/gradescope.test.ts',
      'test/grader/hostile.test.ts',
      'test/grader/support.ts',
      'test/lessons-3pc.test.ts',
      'test/lessons.test.ts',
      'test/paxos-commit.placements.test.ts',
      'test/paxos-commit.properties.test.ts',
      'test/paxos-commit.test.ts',
      'test/three-phase-commit.catalog.test.ts',
      'test/three-phase-commit.properties.test.ts',
      'test/three-phase-commit.test.ts',
      'test/tools/new-lesson.test.ts',
      'test/two-phase-commit.test.ts',
      'tools/build-exercises.ts',
      'tools/gradescope.ts',
      'tools/jupyter/decide.ts',
      'tools/jupyter/doctor.ts',
      'tools/jupyter/html.ts',
      'tools/jupyter/index.ts',
      'tools/jupyter/notebooks.ts',
      'tools/jupyter/probe.ts',
      'tools/jupyter/start.ts',
      'tools/markers.ts',
      'tools/new-lesson.ts',
    ],
    rules: { 'max-len': 'warn', '@typescript-eslint/no-unnecessary-type-assertion': 'warn' },
  },
  {
    // Not in tsconfig.json: the .mjs scripts, and instructor/'s hidden tests, which are compiled
    // only inside the grader's sandbox. Linted without types.
    files: ['**/*.mjs', 'instructor/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // A stub keeps its parameters and the imports the learner will need; a solution imports
    // NotDoneYet for the stub that build-exercises writes from it. This is also why
    // noUnusedLocals/noUnusedParameters live here and not in tsconfig.json: test/ imports
    // exercises/, so one tsc program holds both and the flags cannot be set per folder.
    files: ['exercises/**', 'solutions/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },

  // Which way dependencies point is checked by test/architecture.test.ts, which resolves every
  // import and holds the allow-list of known violations.
);
