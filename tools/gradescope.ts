/**
 * `npm run gradescope`: builds `grade/autograder.zip` for Gradescope. Gradescope
 * unpacks it into /autograder/source on its Ubuntu image, runs `setup.sh` once
 * (Node 20, `npm ci`, an unprivileged `student` user), then `run_autograder` for
 * each submission: the grader grades /autograder/submission into
 * /autograder/results/results.json, running learner code as `student`.
 *
 *   --hidden DIR   the hidden tests to ship (default instructor/hidden)
 *   --out FILE     where the zip goes (default grade/autograder.zip)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once, as root, with the zip unpacked in /autograder/source.
# AUTOGRADER_ROOT stands in for /autograder when the kit's own test runs it elsewhere.
set -euo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
cd "$ROOT/source"
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
# The zip's package.json has no postinstall (that links the notebooks, which are not shipped);
# install scripts of the packages themselves (esbuild's, for tsx) still run.
npm ci --no-audit --no-fund
# Learner code runs as this user: it owns nothing of the grader's.
id -u student >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin student
# The learner user runs vitest from here: it may read the grader and its packages, and write nothing.
chmod a+rX "$ROOT" "$ROOT/source"
chmod -R a+rX "$ROOT/source/node_modules"
# The hidden tests' judges and the reference rules are for the grader's eyes only; the sandbox gets its own copy of each probe.
chmod -R go-rwx "$ROOT/source/instructor"
`;

export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this for each submission. AUTOGRADER_ROOT stands in for /autograder in tests.
set -uo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
mkdir -p "$ROOT/results"
# Learner code runs as the unprivileged user setup.sh made (GRADER_STUDENT_USER names another, for tests).
STUDENT="\${GRADER_STUDENT_USER:-student}"
if [ "$(id -u)" = 0 ] && id -u "$STUDENT" >/dev/null 2>&1; then
  export GRADER_RUN_AS="$(id -u "$STUDENT"):$(id -g "$STUDENT")"
fi
cd "$ROOT/source"
# --submission finds the files in any shape Gradescope accepts: loose, in exercises/, or in one folder around them.
node --import tsx grader/cli.ts --submission "$ROOT/submission" --hidden "$ROOT/source/instructor/hidden" --out "$ROOT/results/results.json"
`;

/** What of the project the autograder needs. */
const SHIPPED = ['package-lock.json', 'tsconfig.json', 'lib', 'grader', 'test/exercises'];

/**
 * The project's package.json as the autograder needs it: the same dependencies (so that
 * `npm ci` accepts the lock file) and only the grade script. The project's `postinstall`
 * links notebooks/ to lib/, and neither the notebooks nor that script are shipped.
 */
export function autograderPackage(text: string): string {
  const pkg = JSON.parse(text) as Record<string, unknown> & { scripts?: Record<string, string> };
  return `${JSON.stringify({ ...pkg, scripts: { grade: pkg.scripts?.grade ?? 'tsx grader/cli.ts' } }, null, 2)}\n`;
}

/**
 * Builds the zip; returns its path.
 * @example buildAutograder(process.cwd(), 'instructor/hidden', 'grade/autograder.zip')
 */
export function buildAutograder(project: string, hidden: string, out: string): string {
  const stage = mkdtempSync(join(tmpdir(), 'autograder-'));
  try {
    for (const path of SHIPPED) {
      cpSync(join(project, path), join(stage, path), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
    }
    writeFileSync(join(stage, 'package.json'), autograderPackage(readFileSync(join(project, 'package.json'), 'utf8')));
    if (existsSync(hidden)) cpSync(hidden, join(stage, 'instructor', 'hidden'), { recursive: true });
    // The rules the judges hold answers to (grader/reference-rules.ts imports them): the grader's side only.
    const reference = join(project, 'instructor', 'reference');
    if (existsSync(reference)) cpSync(reference, join(stage, 'instructor', 'reference'), { recursive: true });
    writeFileSync(join(stage, 'setup.sh'), SETUP_SH);
    writeFileSync(join(stage, 'run_autograder'), RUN_AUTOGRADER);
    chmodSync(join(stage, 'setup.sh'), 0o755);
    chmodSync(join(stage, 'run_autograder'), 0o755);
    mkdirSync(dirname(out), { recursive: true });
    rmSync(out, { force: true });
    const zip = spawnSync('zip', ['-qr', out, '.'], { cwd: stage, encoding: 'utf8' });
    if (zip.error || zip.status !== 0) throw new Error(`zip failed (is the zip command installed?): ${zip.error?.message ?? zip.stderr}`);
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('gradescope.ts')) {
  const project = resolve(__dirname, '..');
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = buildAutograder(project, resolve(arg('--hidden') ?? join(project, 'instructor', 'hidden')), resolve(arg('--out') ?? join(project, 'grade', 'autograder.zip')));
  console.log(`wrote ${out}: upload it as the autograder of a Gradescope programming assignment (Ubuntu image).`);
}
