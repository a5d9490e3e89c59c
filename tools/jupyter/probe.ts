// Looks around the machine for what `npm start`, `doctor` and the notebook runner need.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import type { Executable, Situation } from './decide';
import { jupyterEnv, venvDir } from './project';

const windows = process.platform === 'win32';

/** The executable `name` in the project's `.venv`, else on the PATH. */
export function findExecutable(name: string): Executable | undefined {
  const venvBin = join(venvDir, windows ? 'Scripts' : 'bin');
  const inVenv = onDirs(name, [venvBin]);
  if (inVenv) return { path: inVenv, from: 'venv' };
  const onPath = onDirs(name, (process.env.PATH ?? '').split(delimiter).filter(Boolean));
  return onPath ? { path: onPath, from: 'path' } : undefined;
}

function onDirs(name: string, dirs: readonly string[]): string | undefined {
  const suffixes = windows ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of dirs) {
    for (const suffix of suffixes) {
      const candidate = join(dir, name + suffix);
      try {
        accessSync(candidate, windows ? constants.F_OK : constants.X_OK);
        return candidate;
      } catch {
        // not here; next
      }
    }
  }
  return undefined;
}

/** True if `python` runs and `code` exits 0 under it (a Python missing on the PATH is simply false). */
export function pythonCan(python: string, code: string): boolean {
  const result = spawnSync(python, ['-c', code], { stdio: 'ignore', timeout: 30_000, env: jupyterEnv() });
  return !result.error && result.status === 0;
}

/** A Python 3 on the PATH, and whether it can make a `.venv` (Debian splits `venv`/`ensurepip` into python3-venv). */
export function findPython(): Situation['python'] {
  for (const command of windows ? ['python', 'py', 'python3'] : ['python3', 'python']) {
    if (!findExecutable(command) && !existsSync(command)) continue;
    if (!pythonCan(command, 'import sys; sys.exit(0 if sys.version_info[0] == 3 else 1)')) continue;
    return { command, canVenv: pythonCan(command, 'import venv, ensurepip') };
  }
  return undefined;
}

/**
 * The Python that can import `module` (`nbclient` for the runner, `jupyter_client` for doctor):
 * the project's `.venv` first, then the interpreter named on the `jupyter` script's first line
 * (Debian's is /usr/bin/python3, not a pyenv `python3` that may come first on the PATH), then the PATH.
 */
export function findJupyterPython(module: string): string | undefined {
  const candidates: string[] = [join(venvDir, windows ? 'Scripts/python.exe' : 'bin/python')];
  const jupyter = findExecutable('jupyter');
  if (jupyter) {
    const shebang = interpreterOf(jupyter.path);
    if (shebang) candidates.push(shebang);
    if (windows) candidates.push(join(dirname(dirname(jupyter.path)), 'python.exe'));
  }
  if (!windows) candidates.push('/usr/bin/python3');
  candidates.push(...(windows ? ['python', 'py'] : ['python3', 'python']));
  for (const python of candidates) {
    if ((python.includes('/') || python.includes('\\')) && !existsSync(python)) continue;
    if (pythonCan(python, `import ${module}`)) return python;
  }
  return undefined;
}

function interpreterOf(script: string): string | undefined {
  try {
    const first = readFileSync(script, 'utf8').slice(0, 200).split('\n')[0] ?? '';
    const match = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (!match) return undefined;
    // `#!/usr/bin/env python3` names the interpreter in its second word.
    return match[1].endsWith('/env') ? match[2] : match[1];
  } catch {
    return undefined;
  }
}

/** Everything `decideStart` needs, gathered now. */
export function probeSituation(yes: boolean): Situation {
  const lab = findExecutable('jupyter-lab');
  const notebook = findExecutable('jupyter-notebook');
  return {
    ...(lab ? { lab } : {}),
    ...(notebook ? { notebook } : {}),
    ...(lab || notebook ? {} : { python: findPython() }),
    debian: existsSync('/etc/debian_version'),
    platform: process.platform,
    interactive: Boolean(process.stdin.isTTY),
    yes,
  };
}
