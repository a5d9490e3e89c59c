// What notebooks import must load in tslab, the notebook kernel (docs/DESIGN.md, "Notebooks in Jupyter").
// Measured with tslab 1.0.22: it compiles lib/ itself and loads each compiled file by its path
// plus ".js", so `from '../checkers'` (a folder with index.ts) fails in the kernel with
// "Cannot find module '../checkers'", while tsc and vitest accept it. Write `from '../checkers/index'`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// Notebooks import lib/ and, to show the learner's work, exercises/ (built from solutions/).
describe.each(['lib', 'exercises', 'solutions'])('%s/ loads in the tslab kernel', (folder) => {
  const files = sources(join(root, folder));

  it('imports a folder by its index file (`../checkers/index`), never by the folder name alone', () => {
    const offenders: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        // `import type` / `export type` vanish when compiled, so tslab never loads them.
        if (/^\s*(import|export)\s+type\b/.test(line)) return;
        for (const match of line.matchAll(/\bfrom\s+'(\.{1,2}(?:\/[^']*)?)'/g)) {
          if (isDirectory(resolve(dirname(file), match[1])))
            offenders.push(`${relative(root, file)}:${i + 1}: '${match[1]}' -> '${match[1]}/index'`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });

  it('uses no syntax that tslab (TypeScript 5.0, CommonJS, no top-level await) cannot run', () => {
    const offenders: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/\bimport\.meta\b/.test(line) || /^\s*(await\s+)?using\s+\w+\s*=/.test(line) || /^await\s/.test(line)) {
          offenders.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});
