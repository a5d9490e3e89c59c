// `npm start`: opens the course in JupyterLab or Jupyter Notebook with the project's own kernel.
// Usage: npm start [-- --yes] [-- any Jupyter flag, e.g. --no-browser or --port=8900]
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { decideStart, launchArgs, missingMessage, parseStartFlags, type Plan } from './decide';
import { linkLib } from './link-lib.mjs';
import { probeSituation } from './probe';
import { jupyterEnv, notebooksDir, root, venvDir } from './project';

async function main(): Promise<number> {
  const { yes, passThrough } = parseStartFlags(process.argv.slice(2));
  linkLib();
  let situation = probeSituation(yes);
  let plan: Plan = decideStart(situation);

  if (plan.kind === 'install') {
    if (plan.ask && !(await confirm('Jupyter is not installed. Install JupyterLab into this project\'s .venv (about 100 MB, needs the network)? [Y/n] '))) {
      console.error(missingMessage(situation, 'declined'));
      return 1;
    }
    if (!installJupyterLab(plan.python)) {
      console.error(missingMessage(situation, 'install-failed'));
      return 1;
    }
    situation = probeSituation(yes);
    plan = decideStart(situation);
  }
  if (plan.kind !== 'open') {
    console.error(plan.kind === 'missing' ? plan.message : missingMessage(situation, 'install-failed'));
    return 1;
  }

  const name = plan.app === 'lab' ? 'JupyterLab' : 'Jupyter Notebook';
  console.log(`Opening notebooks/ in ${name} (${plan.executable.path}) with the project's TypeScript kernel. Stop it with Ctrl+C.`);
  const child = spawn(plan.executable.path, launchArgs(notebooksDir, passThrough, process.getuid?.() === 0), { cwd: root, env: jupyterEnv(), stdio: 'inherit' });
  // Ctrl+C reaches Jupyter too (same process group); it asks to confirm, so we only wait for it.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  return await new Promise<number>((done) => {
    child.on('error', (error) => {
      console.error(`Could not start ${plan.kind === 'open' ? plan.executable.path : 'Jupyter'}: ${error.message}. npm run doctor says what is missing.`);
      done(1);
    });
    child.on('exit', (code) => done(code ?? 0));
  });
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === '' || answer === 'y' || answer === 'yes';
  } finally {
    rl.close();
  }
}

/** `python -m venv .venv`, then its pip installs JupyterLab. True when both worked. */
function installJupyterLab(python: string): boolean {
  console.log(`Creating .venv with ${python} ...`);
  const venv = spawnSync(python, ['-m', 'venv', venvDir], { stdio: 'inherit' });
  if (venv.error || venv.status !== 0) return false;
  const venvPython = join(venvDir, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
  console.log('Installing JupyterLab into .venv ...');
  const pip = spawnSync(venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', 'jupyterlab'], { stdio: 'inherit' });
  return !pip.error && pip.status === 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A student should read a sentence, not a stack.
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}\nnpm run doctor checks the setup and says how to fix each part.`);
    process.exit(1);
  },
);
