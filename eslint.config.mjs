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
          // ... and the stamp build-exercises writes at the top of each stub, which its check reads whole,
          // and an answer-bearing file's header, which the import policy reads whole (tools/answer-bearing.ts).
          ignorePattern: String.raw`^\s*(it|test|describe)(\.\w+)*\(['"\x60]|^// \(Written by \x60npm run build-exercises\x60|^\s*// HINT: |^// answer-bearing: `,
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
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
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
