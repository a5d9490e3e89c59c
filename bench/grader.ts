/**
 * The grader's cost: grading the whole reference (one sandboxed vitest start per
 * exercise, hidden tests included) against one plain `vitest run` of the same
 * probes over the same files, in this process, alternately, best of each.
 * Target (issue 8): at most 2x.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { grade } from '../grader/grade';
import { fmt } from './measure';

const project = resolve(__dirname, '..');

/** A plain project with every solution as the learner's file, and one vitest config for all probes. */
function plainProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'bench-plain-'));
  cpSync(join(project, 'lib'), join(root, 'lib'), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  cpSync(join(project, 'grader', 'worker'), join(root, 'grader', 'worker'), { recursive: true });
  cpSync(join(project, 'test', 'exercises'), join(root, 'test', 'exercises'), { recursive: true });
  cpSync(join(project, 'instructor', 'hidden'), join(root, 'instructor', 'hidden'), {
    recursive: true,
    filter: (src) => !src.endsWith('.judge.ts'),
  });
  mkdirSync(join(root, 'exercises'));
  for (const f of readdirSync(join(project, 'solutions'))) cpSync(join(project, 'solutions', f), join(root, 'exercises', f));
  symlinkSync(realpathSync(join(project, 'node_modules')), join(root, 'node_modules'), 'junction');
  writeFileSync(
    join(root, 'vitest.config.mts'),
    `import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['test/exercises/*.grade.ts', 'instructor/hidden/*.grade.ts'],
    setupFiles: ['grader/worker/setup.ts'],
    pool: 'forks',
    watch: false,
  },
});
`,
  );
  return root;
}

async function timed(fn: () => void | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchGrader(rounds = 2): Promise<void> {
  const plain = plainProject();
  try {
    const vitest = join(project, 'node_modules', 'vitest', 'vitest.mjs');
    const baseline = () => {
      const r = spawnSync(process.execPath, [vitest, 'run', '--reporter=dot'], {
        cwd: plain,
        env: { ...process.env, CI: '1' },
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`plain vitest run failed:\n${r.stdout}\n${r.stderr}`);
    };
    const subject = async () => {
      const { results } = await grade({ project, target: join(project, 'solutions'), hidden: join(project, 'instructor', 'hidden') });
      const max = results.tests.reduce((s, t) => s + t.max_score, 0);
      if (results.score !== max) throw new Error(`the reference scored ${results.score} of ${max}`);
    };
    let best = { baseline: Infinity, subject: Infinity };
    for (let r = 0; r < rounds; r++) {
      best = { baseline: Math.min(best.baseline, await timed(baseline)), subject: Math.min(best.subject, await timed(subject)) };
    }
    console.log('grader: the whole reference, one sandboxed vitest start per exercise, against one plain vitest run of the same probes');
    console.log(
      `  plain vitest run ${fmt(best.baseline / 1000)} s, grader ${fmt(best.subject / 1000)} s: ` +
        `${fmt(best.subject / best.baseline)}x (target: at most 2x)`,
    );
  } finally {
    rmSync(plain, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('grader.ts')) void benchGrader();
