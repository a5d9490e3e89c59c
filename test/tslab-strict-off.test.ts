// tslab, the notebook kernel, compiles what a notebook imports with strict off (docs/DESIGN.md,
// "Notebooks in Jupyter"), and a type error there fails the cell. Code that passes `tsc` under
// strict can fail without it: `const none: readonly never[] = Object.freeze([])` does (the array is
// `any[]`), and it failed every lesson's first cell. So lib/ must also compile with strict off.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('lib/ as the tslab kernel compiles it', () => {
  it('type-checks with strict off, as tslab compiles notebook imports', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      { strict: false },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    const program = ts.createProgram(sources(join(root, 'lib')), { ...config!.options, strict: false, noEmit: true });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.replace(`${root}/`, '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(errors).toEqual([]);
  }, 120_000);
});
