// The notebook kit: `lib/` compiled once to JavaScript with declarations, in `build/kit/`.
// tslab compiles every TypeScript file a cell imports inside the kernel, which made a lesson's
// first cell (the import of lib) take seconds; handed JavaScript and `.d.ts` files it only
// type-checks against the declarations and loads the JavaScript. `notebooks/lib` links here
// when the kit is current, and to `../lib` (the sources, slow but always right) when it cannot
// be built. The kit is rebuilt whenever a source file of lib changed (a content hash, kept in
// `build/kit/.stamp`), on `npm install`, `npm start`, `npm run notebooks` and `npm run html`.
// In the student version, lib's answer-bearing files are a compiled pair, `X.js` (an ES module) and
// `X.d.ts` (tools/answer-bearing.ts): the kit carries them too, the module turned to CommonJS.
// Plain Node; TypeScript is loaded from node_modules (tslab depends on it, so it is always there).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the kit is built, relative to the project's root. */
export const KIT_DIR = join('build', 'kit');

/** Every TypeScript source of lib, tests left out, sorted. */
function sources(projectRoot) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(join(projectRoot, 'lib'));
  return out.sort();
}

/** The compiled pairs of lib (the student version's answer-bearing files): each `X.js` with an `X.d.ts` and no `X.ts`, sorted. */
export function compiledModules(projectRoot = root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js') && existsSync(path.replace(/\.js$/, '.d.ts')) && !existsSync(path.replace(/\.js$/, '.ts'))) out.push(path);
    }
  };
  walk(join(projectRoot, 'lib'));
  return out.sort();
}

/** A hash of lib's sources, this builder and the TypeScript version: the kit is current when its stamp matches. */
export function kitHash(projectRoot = root) {
  const hash = createHash('sha256');
  hash.update(sourcesHash(projectRoot));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(typescript(projectRoot)?.version ?? 'no typescript');
  return hash.digest('hex');
}

function typescript(projectRoot) {
  try {
    return createRequire(join(projectRoot, 'package.json'))('typescript');
  } catch {
    return undefined;
  }
}

/** True when `build/kit` holds lib as it is now. */
export function kitIsCurrent(projectRoot = root) {
  const stamp = join(projectRoot, KIT_DIR, '.stamp');
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === kitHash(projectRoot);
}

/**
 * Builds the kit unless it is current. Returns what it did, or throws with the compiler's
 * errors (a lib that does not compile).
 * @example buildKit() // 'notebook kit is current (build/kit)' or 'built the notebook kit: 81 files in 9.2 s (build/kit)'
 */
export function buildKit(projectRoot = root) {
  if (kitIsCurrent(projectRoot)) return `notebook kit is current (${KIT_DIR})`;
  const ts = typescript(projectRoot);
  if (!ts) throw new Error('TypeScript is not installed (npm install brings it)');
  const started = Date.now();
  const outDir = join(projectRoot, KIT_DIR);
  // Built aside and moved into place, so that two processes building at once never see half a kit.
  const building = `${outDir}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  const files = sources(projectRoot);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    // tslab loads modules with require: CommonJS, as it compiles cells.
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    declaration: true,
    sourceMap: true,
    rootDir: join(projectRoot, 'lib'),
    outDir: building,
  });
  const emitted = program.emit();
  const errors = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    rmSync(building, { recursive: true, force: true });
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => projectRoot, getNewLine: () => '\n' };
    throw new Error(`lib does not compile:\n${ts.formatDiagnostics(errors.slice(0, 10), host)}`);
  }
  // The compiled pairs: TypeScript resolved imports of them to their declarations and emitted
  // nothing for them; the kit needs their code, as CommonJS like the rest, and no source map.
  for (const js of compiledModules(projectRoot)) {
    const target = join(building, relative(join(projectRoot, 'lib'), js));
    const { outputText } = ts.transpileModule(readFileSync(js, 'utf8'), {
      fileName: js,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, removeComments: true },
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    copyFileSync(js.replace(/\.js$/, '.d.ts'), target.replace(/\.js$/, '.d.ts'));
  }
  // A kernel that loads a kit older than lib says so, once, with the fix.
  writeFileSync(join(building, 'fresh.js'), FRESH);
  const index = join(building, 'index.js');
  writeFileSync(index, `require('./fresh').warnIfStale(__dirname, ${JSON.stringify(sourcesHash(projectRoot))});\n${readFileSync(index, 'utf8')}`);
  writeFileSync(join(building, '.stamp'), `${kitHash(projectRoot)}\n`);
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(building, outDir);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!kitIsCurrent(projectRoot)) throw error;
  }
  return `built the notebook kit: ${files.length + compiledModules(projectRoot).length} files in ${((Date.now() - started) / 1000).toFixed(1)} s (${KIT_DIR})`;
}

/** A hash of lib's sources alone (compiled pairs included), which the kit checks when a kernel loads it. */
function sourcesHash(projectRoot) {
  const hash = createHash('sha256');
  const pairs = compiledModules(projectRoot).flatMap((js) => [js, js.replace(/\.js$/, '.d.ts')]);
  for (const file of [...sources(projectRoot), ...pairs].sort()) hash.update(relative(projectRoot, file).replaceAll('\\', '/')).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** The kit's freshness check, run by its index.js in the kernel: lib is ../../lib from build/kit. */
const FRESH = `'use strict';
// Written by tools/jupyter/kit.mjs: warns when lib/ changed after the notebook kit was built.
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
exports.warnIfStale = function warnIfStale(kitDir, built) {
  const root = join(kitDir, '..', '..');
  const lib = join(root, 'lib');
  if (!existsSync(lib)) return;
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
      // A compiled pair (the student version's answer-bearing files), as kit.mjs hashes it.
      else if (entry.name.endsWith('.js') && existsSync(path.replace(/\\.js$/, '.d.ts')) && !existsSync(path.replace(/\\.js$/, '.ts')))
        files.push(path, path.replace(/\\.js$/, '.d.ts'));
    }
  };
  walk(lib);
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(relative(root, file).replaceAll('\\\\', '/')).update('\\0').update(readFileSync(file)).update('\\0');
  if (hash.digest('hex') !== built) {
    console.warn('lib/ changed since the notebook kit was built: run npm run kit (npm start and npm run notebooks do it for you), then restart the kernel.');
  }
};
`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(buildKit());
  } catch (error) {
    console.error(`kit: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
