// `npm run doctor`: checks, one line each, what the course needs, and says how to fix what fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decideStart, missingMessage } from './decide';
import { linkLib } from './link-lib.mjs';
import { findExecutable, findJupyterPython, probeSituation } from './probe';
import { jupyterDir, jupyterEnv, notebooksDir, root } from './project';

/** One line of the report. `optional` failures are printed but do not fail the doctor. */
interface Check {
  readonly ok: boolean;
  readonly what: string;
  readonly fix?: string;
  readonly optional?: boolean;
}

/** The smallest cell that proves the kernel works: it imports the kit and runs a scenario. */
const PROBE_CELL = "import { simulate, twoPhaseCommit } from './lib/index';\\nsimulate({ protocol: twoPhaseCommit() }).verdict";

const KERNEL_PROBE = `
import json, sys
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
specs = KernelSpecManager().find_kernel_specs()
print(json.dumps({"spec": specs.get("tslab")}))
sys.stdout.flush()
km, kc = start_new_kernel(kernel_name="tslab", cwd=sys.argv[1], startup_timeout=60)
try:
    out = []
    kc.execute_interactive("${PROBE_CELL}", timeout=60, output_hook=lambda m: out.append(m))
    text = "".join(m["content"].get("text", "") + json.dumps(m["content"].get("data", {})) for m in out)
    print(json.dumps({"ran": text}))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
`;

function nodeCheck(): Check {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 11);
  return { ok, what: `Node ${process.versions.node}${ok ? '' : ' (need 20.11 or newer)'}`, fix: 'install Node 20 LTS or newer from https://nodejs.org' };
}

function tslabCheck(): Check {
  const manifest = join(root, 'node_modules', 'tslab', 'package.json');
  if (!existsSync(manifest)) return { ok: false, what: 'tslab (the TypeScript kernel) is not in node_modules', fix: 'npm install' };
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  return { ok: true, what: `tslab ${version} in node_modules` };
}

function linkCheck(): Check {
  try {
    return { ok: true, what: `notebooks/lib reaches lib/ (${linkLib()})` };
  } catch (error) {
    return { ok: false, what: `notebooks/lib: ${(error as Error).message}`, fix: 'move notebooks/lib away, then npm install' };
  }
}

function jupyterCheck(): Check {
  const plan = decideStart(probeSituation(false));
  if (plan.kind === 'open') return { ok: true, what: `${plan.app === 'lab' ? 'JupyterLab' : 'Jupyter Notebook'}: ${plan.executable.path}` };
  const situation = probeSituation(false);
  return { ok: false, what: 'no Jupyter (neither jupyter-lab nor jupyter-notebook found)', fix: missingMessage(situation, situation.python ? (situation.python.canVenv ? 'not-asked' : 'no-venv') : 'no-python').split('\n').slice(1).join('\n      ') };
}

function kernelChecks(): Check[] {
  const python = findJupyterPython('jupyter_client');
  if (!python) {
    return [{ ok: false, what: 'no Python with jupyter_client, so the kernel cannot be registered or started', fix: 'sudo apt-get install jupyter-client (Debian/Ubuntu), or npm start to install JupyterLab into .venv' }];
  }
  const result = spawnSync(python, ['-c', KERNEL_PROBE, notebooksDir], { cwd: root, env: jupyterEnv(), encoding: 'utf8', timeout: 120_000 });
  const lines = (result.stdout ?? '').split('\n').filter((l) => l.startsWith('{'));
  const spec = lines[0] ? (JSON.parse(lines[0]) as { spec: string | null }).spec : null;
  const expected = join(jupyterDir, 'kernels', 'tslab');
  const checks: Check[] = [
    spec && spec === expected
      ? { ok: true, what: `kernel "tslab" registered by ${relative(root, expected)}/kernel.json (JUPYTER_PATH)` }
      : {
          ok: false,
          what: spec ? `kernel "tslab" resolves to ${spec}, not the project's ${expected}` : 'kernel "tslab" is not registered',
          fix: 'start Jupyter through npm start (it puts jupyter/ on JUPYTER_PATH); do not remove jupyter/kernels/tslab/kernel.json',
        },
  ];
  const ran = lines[1] ? (JSON.parse(lines[1]) as { ran: string }).ran : '';
  checks.push(
    ran.includes('committed')
      ? { ok: true, what: 'the kernel starts and runs a cell (simulate(...) -> committed)' }
      : {
          ok: false,
          what: `the kernel did not run a cell: ${(ran || result.stderr || result.error?.message || 'no output').trim().split('\n').slice(-3).join(' ')}`,
          fix: 'npm install (tslab, rxjs), then npm run doctor again; if it still fails, run npm run notebooks to see the failing cell',
        },
  );
  return checks;
}

function browserCheck(): Check {
  const chromium = ['chromium', 'chromium-browser', 'google-chrome'].map(findExecutable).find(Boolean);
  return chromium
    ? { ok: true, what: `Chromium for the browser test: ${chromium.path}`, optional: true }
    : { ok: false, what: 'no Chromium: test/browser.test.ts will be skipped (only needed to run that test)', fix: 'sudo apt-get install chromium', optional: true };
}

const checks = [nodeCheck(), tslabCheck(), linkCheck(), jupyterCheck(), ...kernelChecks(), browserCheck()];
for (const check of checks) {
  console.log(`${check.ok ? 'ok  ' : check.optional ? 'note' : 'FAIL'}  ${check.what}`);
  if (!check.ok && check.fix) console.log(`      fix: ${check.fix}`);
}
const failed = checks.filter((c) => !c.ok && !c.optional).length;
console.log(failed === 0 ? 'Everything the course needs is here: npm start opens it.' : `${failed} check(s) failed; fix them from the top, then run npm run doctor again.`);
process.exit(failed === 0 ? 0 : 1);
