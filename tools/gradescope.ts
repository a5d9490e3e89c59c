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
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once, as root, with the zip unpacked in /autograder/source.
set -euo pipefail
cd /autograder/source
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
npm ci --no-audit --no-fund
# Learner code runs as this user: it owns nothing of the grader's.
id -u student >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin student
# The learner user runs vitest from here: it may read the grader and its packages, and write nothing.
chmod a+rX /autograder /autograder/source
chmod -R a+rX /autograder/source/node_modules
# The hidden tests' judges are for the grader's eyes only; the sandbox gets its own copy of each probe.
chmod -R go-rwx /autograder/source/instructor
`;

export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this for each submission. AUTOGRADER_ROOT stands in for /autograder in tests.
set -uo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
SUBMISSION="$ROOT/submission"
# A learner may upload their exercises/ folder rather than its files.
if [ -d "$SUBMISSION/exercises" ]; then SUBMISSION="$SUBMISSION/exercises"; fi
mkdir -p "$ROOT/results"
# Learner code runs as the unprivileged user setup.sh made (GRADER_STUDENT_USER names another, for tests).
STUDENT="\${GRADER_STUDENT_USER:-student}"
if [ "$(id -u)" = 0 ] && id -u "$STUDENT" >/dev/null 2>&1; then
  export GRADER_RUN_AS="$(id -u "$STUDENT"):$(id -g "$STUDENT")"
fi
cd "$ROOT/source"
node --import tsx grader/cli.ts --submission "$SUBMISSION" --hidden "$ROOT/source/instructor/hidden" --out "$ROOT/results/results.json"
`;

/** What of the project the autograder needs. */
const SHIPPED = ['package.json', 'package-lock.json', 'tsconfig.json', 'lib', 'grader', 'test/exercises'];

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
    if (existsSync(hidden)) cpSync(hidden, join(stage, 'instructor', 'hidden'), { recursive: true });
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
