// Makes `lib/` (and the learner's `exercises/`) importable from the notebooks: tslab
// compiles only files under the notebook's own folder, so `notebooks/lib` must be a
// link, and `notebooks/exercises` one to `../exercises`. `notebooks/lib` links to the
// notebook kit, lib compiled to JavaScript with declarations (`build/kit`, see kit.mjs),
// built here when it is not current: a lesson's first cell then loads in about a second
// instead of compiling lib in the kernel. Where the kit cannot be built, to `../lib`.
// The link is made here, on `npm install` and before Jupyter starts, rather than
// committed: Git for Windows checks a committed symlink out as a plain text file
// unless symlinks were enabled at install time, while a directory junction needs
// no rights at all. Plain Node, no dependencies, so it runs as a postinstall step.
import { existsSync, lstatSync, readlinkSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKit, compiledModules, KIT_DIR } from './kit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Ensures `notebooks/lib` points at the notebook kit (built if it is not current), or at
 * `lib/` if it cannot be built, and `notebooks/exercises` at `exercises/`; returns what it did.
 * COURSE_NOTEBOOK_LIB=sources links `lib/` itself.
 * @example linkLib() // 'notebook kit is current (build/kit)\nnotebooks/lib already points at build/kit/\n...'
 */
export function linkLib(projectRoot = root) {
  let lib = 'lib';
  let note = 'notebooks use lib/ itself (COURSE_NOTEBOOK_LIB=sources)';
  if (process.env.COURSE_NOTEBOOK_LIB !== 'sources') {
    try {
      note = buildKit(projectRoot);
      lib = KIT_DIR;
    } catch (error) {
      note = `notebooks use lib/ itself, slower to load: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  // The student version's answer-bearing files are ES modules with extensionless imports: tslab
  // requires lib as CommonJS, which only the kit carries them as (kit.mjs).
  const compiled = lib === 'lib' ? compiledModules(projectRoot).length : 0;
  if (compiled > 0) note += `; the ${compiled} compiled modules of lib load only through the kit: a lesson that uses them needs npm run kit to succeed`;
  return [note, linkFolder(projectRoot, 'lib', lib), linkFolder(projectRoot, 'exercises', 'exercises')].join('\n');
}

function linkFolder(projectRoot, name, folder) {
  const target = join(projectRoot, folder);
  const link = join(projectRoot, 'notebooks', name);
  const shown = folder.replaceAll('\\', '/');
  let stat = null;
  try {
    stat = lstatSync(link);
  } catch {
    stat = null;
  }
  if (stat) {
    if (existsSync(link) && realpathSync(link) === realpathSync(target)) return `notebooks/${name} already points at ${shown}/`;
    if (stat.isDirectory() && !stat.isSymbolicLink()) {
      throw new Error(`notebooks/${name} is a real folder; move it away so that it can become a link to ../${shown}`);
    }
    // A stale link, or the text file Git writes for a symlink it could not create.
    rmSync(link, { force: true });
  }
  if (process.platform === 'win32') symlinkSync(target, link, 'junction');
  else symlinkSync(`../${shown}`, link, 'dir');
  return `linked notebooks/${name} -> ${process.platform === 'win32' ? target : readlinkSync(link)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(linkLib());
  } catch (error) {
    console.error(`link-lib: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
