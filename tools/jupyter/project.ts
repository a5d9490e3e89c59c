// Where things are in the project, and the environment every Jupyter process gets.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (the one with package.json). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const notebooksDir = join(root, 'notebooks');
/** Holds `kernels/tslab/kernel.json` and the nbconvert template; put on JUPYTER_PATH. */
export const jupyterDir = join(root, 'jupyter');
export const venvDir = join(root, '.venv');
export const resultsDir = join(root, 'test-results');
export const siteDir = join(root, 'site');

/**
 * The environment for Jupyter: our `jupyter/` first on JUPYTER_PATH, so the project's kernel
 * registration is found without `tslab install` or any change outside the project.
 *
 * @example spawn('jupyter-notebook', args, { env: jupyterEnv() })
 */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const sep = process.platform === 'win32' ? ';' : ':';
  const rest = base.JUPYTER_PATH ? `${sep}${base.JUPYTER_PATH}` : '';
  return {
    ...base,
    JUPYTER_PATH: `${jupyterDir}${rest}`,
    // Debian's Python warns about frozen modules on every start; the warning is noise here.
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
}
