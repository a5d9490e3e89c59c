/**
 * Runs vitest on one sandbox in a child process group, under a wall-clock
 * limit and an output cap, and reads back the report lines it streamed.
 * Whatever the learner's code does, this returns within the limit, and when
 * it returns no process of the run is left.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportLine } from './stream-reporter';
import type { Sandbox } from './sandbox';

export interface VitestRun {
  readonly lines: readonly ReportLine[];
  /** Why the run ended early, or null if vitest finished by itself. */
  readonly killed: null | 'timeout' | 'startup';
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly elapsedMs: number;
  /** The first kilobytes of what vitest printed, for the grader's log. */
  readonly output: string;
  /** Bytes printed beyond the cap and thrown away. */
  readonly discarded: number;
}

const OUTPUT_CAP = 64 * 1024;

/**
 * Runs the sandbox's probes; never throws for anything the learner's code did.
 * Two clocks: `startupMs` for vitest and its worker to start and load the library
 * (nothing of the learner's has run yet), then `timeoutMs` for the learner's code.
 */
export function runVitest(
  project: string,
  box: Sandbox,
  timeoutMs: number,
  runAs: { uid: number; gid: number } | null = null,
  startupMs = 60_000,
): Promise<VitestRun> {
  const started = Date.now();
  const vitest = join(project, 'node_modules', 'vitest', 'vitest.mjs');
  // `--configLoader runner` loads the config without writing a bundled copy into node_modules/.vite-temp,
  // which an unprivileged learner user (Gradescope) may not write to.
  const child = spawn(process.execPath, [vitest, 'run', '--configLoader', 'runner', '--config', box.config, '--root', box.work], {
    cwd: box.work,
    // A process group of its own, so that one signal reaches vitest and every worker it forked.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: box.cache,
      TMPDIR: box.cache,
      CI: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      GRADER_REPORT: box.report,
    },
  });
  let output = '';
  let discarded = 0;
  const collect = (chunk: Buffer) => {
    const room = OUTPUT_CAP - output.length;
    if (room > 0) output += chunk.toString('utf8', 0, Math.min(room, chunk.length));
    discarded += Math.max(0, chunk.length - Math.max(room, 0));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  return new Promise((resolve) => {
    let killed: null | 'timeout' | 'startup' = null;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    };
    let timer = setTimeout(() => {
      killed = 'startup';
      killGroup();
    }, startupMs);
    // Until the worker says it is ready, look for its line now and then; then the learner's clock runs.
    const watch = setInterval(() => {
      if (!existsSync(box.report) || statSync(box.report).size === 0) return;
      if (!readFileSync(box.report, 'utf8').includes('"kind":"ready"')) return;
      clearInterval(watch);
      clearTimeout(timer);
      timer = setTimeout(() => {
        killed = 'timeout';
        killGroup();
      }, timeoutMs);
    }, 50);
    child.on('error', () => undefined);
    // vitest is done: anything still holding its pipes (a worker with open handles) goes now.
    child.on('exit', killGroup);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      // Workers or anything they left behind (timers, handles) die with the group.
      killGroup();
      resolve({ lines: readLines(box.report), killed, exitCode, signal, elapsedMs: Date.now() - started, output, discarded });
    });
  });
}

function readLines(file: string): ReportLine[] {
  if (!existsSync(file)) return [];
  const lines: ReportLine[] = [];
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text) continue;
    try {
      lines.push(JSON.parse(text) as ReportLine);
    } catch {
      // a line cut short by the kill
    }
  }
  return lines;
}
