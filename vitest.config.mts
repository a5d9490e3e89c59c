import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'lib/**/*.test.ts'],
    // Property tests run thousands of simulations; give them room on a shared 2-core machine.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
