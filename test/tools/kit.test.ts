// The notebook kit (issue 18, "A fast first cell"): notebooks import lib compiled to JavaScript
// with declarations, so tslab only type-checks a lesson's import instead of compiling lib in the
// kernel. The kit is what lib is now: built when any source changed, and linked as notebooks/lib.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildKit, KIT_DIR, kitIsCurrent } from '../../tools/jupyter/kit.mjs';
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

// Issue 17, item 3: in the student version an answer-bearing module of lib is a compiled pair, an ES
// module `X.js` and its declarations `X.d.ts`, with no `X.ts` (tools/answer-bearing.ts). The notebooks
// import lib through the kit, so the kit must carry the pair, in its own module format.
describe('the notebook kit of a lib with a compiled pair (the student version)', () => {
  it('carries the pair as CommonJS and declarations, no source map, and is rebuilt when the pair changes', () => {
    const project = mkdtempSync(join(tmpdir(), 'kit-pair-'));
    try {
      mkdirSync(join(project, 'lib'));
      symlinkSync(realpathSync(join(root, 'node_modules')), join(project, 'node_modules'), 'junction');
      writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
      writeFileSync(join(project, 'lib', 'index.ts'), "export { twice } from './twice';\nexport const answer: number = 21;\n");
      writeFileSync(join(project, 'lib', 'twice.js'), '// Compiled\nexport function twice(n){return 2*n}\n');
      writeFileSync(join(project, 'lib', 'twice.d.ts'), 'export declare function twice(n: number): number;\n');
      expect(buildKit(project)).toMatch(/^built the notebook kit: 2 files/);
      const kit = join(project, KIT_DIR);
      expect(readFileSync(join(kit, 'twice.js'), 'utf8')).toMatch(/exports\.twice/);
      expect(readFileSync(join(kit, 'twice.d.ts'), 'utf8')).toContain('export declare function twice(n: number): number;');
      expect(existsSync(join(kit, 'twice.js.map'))).toBe(false);
      const stale = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const loaded = createRequire(join(kit, 'index.js'))('./index.js') as { twice(n: number): number; answer: number };
        expect(loaded.twice(loaded.answer)).toBe(42);
        // The kit's own freshness check hashes the pair as the builder does: no warning for a current kit.
        expect(stale).not.toHaveBeenCalled();
      } finally {
        stale.mockRestore();
      }
      expect(kitIsCurrent(project)).toBe(true);
      writeFileSync(join(project, 'lib', 'twice.js'), '// Compiled\nexport function twice(n){return n+n}\n');
      expect(kitIsCurrent(project)).toBe(false);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 180_000);
});
