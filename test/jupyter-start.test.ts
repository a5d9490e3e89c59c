// What `npm start` does in each situation a student can be in (issue 11, "Opening the course").
import { describe, expect, it } from 'vitest';
import { decideStart, launchArgs, missingMessage, parseStartFlags, type Situation } from '../tools/jupyter/decide';

const base: Situation = { debian: false, platform: 'linux', interactive: true, yes: false };
const lab = { path: '/home/s/.local/bin/jupyter-lab', from: 'path' } as const;
const notebook = { path: '/usr/bin/jupyter-notebook', from: 'path' } as const;
const venvLab = { path: '/course/.venv/bin/jupyter-lab', from: 'venv' } as const;

describe('npm start decides how to open the course', () => {
  it('opens JupyterLab when it is installed, even if Jupyter Notebook is there too', () => {
    expect(decideStart({ ...base, lab, notebook })).toEqual({ kind: 'open', app: 'lab', executable: lab });
  });

  it('opens Jupyter Notebook when JupyterLab is not installed (Debian 12 ships Notebook 6, not Lab)', () => {
    expect(decideStart({ ...base, debian: true, notebook })).toEqual({ kind: 'open', app: 'notebook', executable: notebook });
  });

  it('uses the JupyterLab it installed into .venv earlier, from then on', () => {
    expect(decideStart({ ...base, lab: venvLab, notebook })).toEqual({ kind: 'open', app: 'lab', executable: venvLab });
  });

  it('offers to install JupyterLab into .venv when Jupyter is missing but Python 3 can make a venv', () => {
    expect(decideStart({ ...base, python: { command: 'python3', canVenv: true } })).toEqual({
      kind: 'install',
      python: 'python3',
      ask: true,
    });
  });

  it('installs without asking when started with --yes', () => {
    expect(decideStart({ ...base, yes: true, python: { command: 'python3', canVenv: true } })).toEqual({
      kind: 'install',
      python: 'python3',
      ask: false,
    });
  });

  it('does not install behind the back of a script: with nobody at the terminal and no --yes it says how to say yes', () => {
    const plan = decideStart({ ...base, interactive: false, python: { command: 'python3', canVenv: true } });
    expect(plan.kind).toBe('missing');
    expect(plan.kind === 'missing' && plan.message).toContain('npm start -- --yes');
  });

  it('names the Debian packages when Python cannot make a venv there (python3-venv is a separate package)', () => {
    const plan = decideStart({ ...base, debian: true, python: { command: 'python3', canVenv: false } });
    expect(plan.kind).toBe('missing');
    const message = plan.kind === 'missing' ? plan.message : '';
    expect(message).toContain('apt-get install jupyter-notebook');
    expect(message).toContain('apt-get install python3-venv');
  });

  it('says to install Python, or pip install jupyterlab, when there is no Python at all (not Debian)', () => {
    const plan = decideStart({ ...base, platform: 'win32' });
    const message = plan.kind === 'missing' ? plan.message : '';
    expect(message).toMatch(/^Jupyter is not installed, and there is no Python 3/);
    expect(message).toContain('python.org');
    expect(message).toContain('python -m pip install jupyterlab');
    expect(message).not.toContain('apt-get');
  });

  it('says exactly what to install when the .venv install failed (no network): apt on Debian, pip elsewhere', () => {
    const debian = missingMessage({ debian: true, platform: 'linux' }, 'install-failed');
    expect(debian).toContain('failed');
    expect(debian).toContain('sudo apt-get install jupyter-notebook');
    const mac = missingMessage({ debian: false, platform: 'darwin' }, 'install-failed');
    expect(mac).toContain('python3 -m pip install jupyterlab');
    expect(mac).not.toContain('apt-get');
  });
});

describe('npm start passes the rest to Jupyter', () => {
  it('takes --yes for itself and passes every other flag on', () => {
    expect(parseStartFlags(['--yes', '--no-browser', '--port=8900'])).toEqual({ yes: true, passThrough: ['--no-browser', '--port=8900'] });
  });

  it('opens notebooks/ and adds --allow-root only when running as root (Jupyter refuses root otherwise)', () => {
    expect(launchArgs('/c/notebooks', ['--no-browser'], false)).toEqual(['--notebook-dir=/c/notebooks', '--no-browser']);
    expect(launchArgs('/c/notebooks', [], true)).toEqual(['--notebook-dir=/c/notebooks', '--allow-root']);
  });
});
