// The notebook kit (issue 18, "A fast first cell"): notebooks import lib compiled to JavaScript
// with declarations, so tslab only type-checks a lesson's import instead of compiling lib in the
// kernel. The kit is what lib is now: built when any source changed, and linked as notebooks/lib.
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_DIR, kitIsCurrent } from '../../tools/jupyter/kit.mjs';
import { linkLib } from '../../tools/jupyter/link-lib.mjs';

const root = resolve(__dirname, '..', '..');

describe('the notebook kit (issue 18)', () => {
  it('after linkLib, notebooks/lib is the current kit: JavaScript and declarations for every module notebooks import', () => {
    const said = linkLib();
    expect(said).toMatch(/notebook kit is current|built the notebook kit/);
    expect(kitIsCurrent()).toBe(true);
    expect(realpathSync(join(root, 'notebooks', 'lib'))).toBe(realpathSync(join(root, KIT_DIR)));
    for (const module of ['index', 'exercise/index', 'charts/space-time']) {
      expect(existsSync(join(root, 'notebooks', 'lib', `${module}.js`)), module).toBe(true);
      expect(existsSync(join(root, 'notebooks', 'lib', `${module}.d.ts`)), module).toBe(true);
    }
  }, 180_000);

  it('runs the same code as lib: the kit simulates a catalog case to the same trace', async () => {
    linkLib();
    const kit = await import(join(root, KIT_DIR, 'index.js'));
    const lib = await import('../../lib');
    const scenario = lib.catalogEntry('2pc/coordinator-and-voter-crash-in-commit').scenario;
    expect(kit.simulate(scenario).trace).toEqual(lib.simulate(scenario).trace);
  }, 180_000);
});
