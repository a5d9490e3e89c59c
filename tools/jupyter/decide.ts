// What `npm start` does, decided from facts gathered beforehand: a pure function,
// so every situation a student can be in is a unit test, not a manual check.

/** A Jupyter front end we know how to start. JupyterLab is preferred where both are there. */
export type JupyterApp = 'lab' | 'notebook';

/** Where an executable was found: the project's own `.venv`, or the PATH. */
export interface Executable {
  readonly path: string;
  readonly from: 'venv' | 'path';
}

/** The facts `npm start` decides on (gathered by `probe.ts`). */
export interface Situation {
  /** `jupyter-lab` / `jupyter-notebook`, the project's `.venv` first. Absent: not found. */
  readonly lab?: Executable;
  readonly notebook?: Executable;
  /** A Python 3 found on the PATH, and whether it can make a virtual environment (`venv` with `ensurepip`). */
  readonly python?: { readonly command: string; readonly canVenv: boolean };
  /** Debian or Ubuntu (`/etc/debian_version`): then the hints name apt packages. */
  readonly debian: boolean;
  readonly platform: NodeJS.Platform;
  /** Someone can answer a question (stdin is a terminal). */
  readonly interactive: boolean;
  /** `npm start -- --yes`: install without asking. */
  readonly yes: boolean;
}

/** What to do next. */
export type Plan =
  | { readonly kind: 'open'; readonly app: JupyterApp; readonly executable: Executable }
  | { readonly kind: 'install'; readonly python: string; readonly ask: boolean }
  | { readonly kind: 'missing'; readonly message: string };

/**
 * Decides how to open the course: JupyterLab if installed, else Jupyter Notebook; with neither,
 * offer to install JupyterLab into `.venv` if Python can make one; else say exactly what to install.
 *
 * @example
 * decideStart({ notebook: { path: '/usr/bin/jupyter-notebook', from: 'path' }, debian: true,
 *               platform: 'linux', interactive: true, yes: false })
 * // { kind: 'open', app: 'notebook', executable: { path: '/usr/bin/jupyter-notebook', from: 'path' } }
 */
export function decideStart(s: Situation): Plan {
  if (s.lab) return { kind: 'open', app: 'lab', executable: s.lab };
  if (s.notebook) return { kind: 'open', app: 'notebook', executable: s.notebook };
  if (s.python?.canVenv) {
    if (s.yes) return { kind: 'install', python: s.python.command, ask: false };
    if (s.interactive) return { kind: 'install', python: s.python.command, ask: true };
    return { kind: 'missing', message: missingMessage(s, 'not-asked') };
  }
  return { kind: 'missing', message: missingMessage(s, s.python ? 'no-venv' : 'no-python') };
}

/** Why Jupyter could not be had: each reason gets its own first line, then the same fixes. */
export type MissingReason = 'no-python' | 'no-venv' | 'not-asked' | 'declined' | 'install-failed';

/**
 * The message for a student without Jupyter: what is wrong, then the exact commands that fix it.
 *
 * @example missingMessage({ debian: true, platform: 'linux', ... }, 'no-python')
 * // 'Jupyter is not installed, and there is no Python 3 to install it with.\n...apt-get install jupyter-notebook...'
 */
export function missingMessage(s: Pick<Situation, 'debian' | 'platform' | 'python'>, reason: MissingReason): string {
  const why: Record<MissingReason, string> = {
    'no-python': 'Jupyter is not installed, and there is no Python 3 to install it with.',
    'no-venv': `Jupyter is not installed, and ${s.python?.command ?? 'python3'} cannot make a virtual environment (its venv/ensurepip modules are missing).`,
    'not-asked': 'Jupyter is not installed. npm start can install JupyterLab into this project (.venv), but nobody is at the terminal to say yes.',
    declined: 'Jupyter is not installed, and you chose not to install JupyterLab into .venv.',
    'install-failed': 'Installing JupyterLab into .venv failed (see pip\'s message above: often no network, or no space).',
  };
  const fixes: string[] = [];
  if (reason === 'not-asked' || reason === 'declined') fixes.push('  npm start -- --yes            (installs JupyterLab into .venv, about 100 MB, then opens the course)');
  if (s.debian) {
    fixes.push('  sudo apt-get install jupyter-notebook            (Debian/Ubuntu: Jupyter Notebook from the distribution)');
    if (reason === 'no-venv') fixes.push('  sudo apt-get install python3-venv               (then npm start can install JupyterLab into .venv)');
  } else if (reason === 'no-python') {
    fixes.push(s.platform === 'darwin'
      ? '  brew install python            (or the installer from https://www.python.org/downloads/), then npm start'
      : '  install Python 3 from https://www.python.org/downloads/ (tick "Add python.exe to PATH"), then npm start');
  }
  fixes.push(`  ${s.platform === 'win32' ? 'python' : 'python3'} -m pip install jupyterlab     (anywhere with Python and pip)`);
  return [why[reason], 'Install Jupyter with one of:', ...fixes, 'Then run npm start again; npm run doctor checks the whole setup.'].join('\n');
}

/**
 * The arguments that open `notebooksDir` in either front end:
 * `--notebook-dir` is understood by Notebook 6, Notebook 7 and JupyterLab alike.
 * As root (a container, CI) Jupyter refuses to start unless told `--allow-root`.
 *
 * @example launchArgs('/course/notebooks', ['--no-browser'], false) // ['--notebook-dir=/course/notebooks', '--no-browser']
 */
export function launchArgs(notebooksDir: string, extra: readonly string[], asRoot: boolean): string[] {
  const args = [`--notebook-dir=${notebooksDir}`, ...extra];
  if (asRoot && !extra.includes('--allow-root')) args.push('--allow-root');
  return args;
}

/** The flags `npm start` understands; anything else is passed on to Jupyter. */
export function parseStartFlags(argv: readonly string[]): { yes: boolean; passThrough: string[] } {
  const yes = argv.includes('--yes') || argv.includes('-y');
  return { yes, passThrough: argv.filter((a) => a !== '--yes' && a !== '-y') };
}
