import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));
const notebookLib = resolve(root, 'notebooks', 'lib');

export default defineConfig({
  plugins: [
    {
      // notebooks/lib links to the notebook kit (lib compiled for tslab, tools/jupyter/kit.mjs). A test
      // that imports a notebook helper (notebooks/replication) must reach lib's sources, the same copy
      // the test itself imports: one protocol registry, and never a kit older than lib.
      name: 'notebooks-lib-is-lib',
      enforce: 'pre',
      resolveId(source, importer) {
        if (!importer || !source.startsWith('.')) return null;
        const target = resolve(dirname(importer), source);
        if (target !== notebookLib && !target.startsWith(notebookLib + sep)) return null;
        return this.resolve(resolve(root, 'lib') + target.slice(notebookLib.length), importer, { skipSelf: true });
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts', 'lib/**/*.test.ts'],
    // Property tests run thousands of simulations; give them room on a shared 2-core machine.
    testTimeout: 60_000,
    // A suite's setup (compiling Vega-Lite's schema, building the kit) took 11 s at a load of 15.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
