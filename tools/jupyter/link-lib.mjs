// Makes `lib/` (and the learner's `exercises/`) importable from the notebooks: tslab
// compiles only files under the notebook's own folder, so `notebooks/lib` must be a
// link to `../lib`, and `notebooks/exercises` one to `../exercises`.
// The link is made here, on `npm install` and before Jupyter starts, rather than
// committed: Git for Windows checks a committed symlink out as a plain text file
// unless symlinks were enabled at install time, while a directory junction needs
// no rights at all. Plain Node, no dependencies, so it runs as a postinstall step.
import { existsSync, lstatSync, readlinkSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Ensures `notebooks/lib` points at the project's `lib/`; returns what it did.
 * @example linkLib() // 'linked notebooks/lib -> ../lib' or 'notebooks/lib already points at lib/'
 */
export function linkLib(projectRoot = root) {
  return ['lib', 'exercises'].map((folder) => linkFolder(projectRoot, folder)).join('\n');
}

function linkFolder(projectRoot, folder) {
  const target = join(projectRoot, folder);
  const link = join(projectRoot, 'notebooks', folder);
  let stat = null;
  try {
    stat = lstatSync(link);
  } catch {
    stat = null;
  }
  if (stat) {
    if (existsSync(link) && realpathSync(link) === realpathSync(target)) return `notebooks/${folder} already points at ${folder}/`;
    if (stat.isDirectory() && !stat.isSymbolicLink()) {
      throw new Error(`notebooks/${folder} is a real folder; move it away so that it can become a link to ../${folder}`);
    }
    // A stale link, or the text file Git writes for a symlink it could not create.
    rmSync(link, { force: true });
  }
  if (process.platform === 'win32') symlinkSync(target, link, 'junction');
  else symlinkSync(`../${folder}`, link, 'dir');
  return `linked notebooks/${folder} -> ${process.platform === 'win32' ? target : readlinkSync(link)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(linkLib());
  } catch (error) {
    console.error(`link-lib: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
