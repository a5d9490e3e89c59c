/** Whether to show progress: `'auto'` shows it on a terminal or in a notebook, never under vitest or CI. */
export type ProgressOption = boolean | 'auto';

/** Where a long search says how far it got. */
export interface Progress {
  /** A new figure; shown at most every 100 ms on a terminal, every 5 s in a notebook. */
  update(text: string, fraction?: number): void;
  /** The last word, shown if anything was shown or the search took over a second. */
  done(text: string): void;
}

const SILENT: Progress = { update() {}, done() {} };

/**
 * A one-line bar on stderr on a terminal (rewritten in place with `\r`); in a notebook,
 * where every write becomes output, a line every 5 s at most and a summary at the end.
 *
 * @example
 * const p = progressReporter('auto', 'explore twoPhaseCommit');
 * p.update('1,200 placements', 0.4); p.done('3,000 placements');
 */
export function progressReporter(option: ProgressOption, title: string): Progress {
  const where = option === false ? 'none' : surface(option === true);
  if (where === 'none') return SILENT;
  const started = Date.now();
  let shownAt = 0;
  let shown = false;
  const every = where === 'terminal' ? 100 : 5000;
  return {
    update(text, fraction) {
      const now = Date.now();
      // Nothing for the first second: quick searches stay quiet.
      if (now - started < 1000 || now - shownAt < every) return;
      shownAt = now;
      shown = true;
      if (where === 'terminal') process.stderr.write(`\r${bar(fraction)} ${title}: ${text}`.slice(0, (process.stderr.columns ?? 100) - 1).padEnd(Math.min(100, (process.stderr.columns ?? 100) - 1)));
      else console.log(`${title}: ${text}`);
    },
    done(text) {
      const seconds = (Date.now() - started) / 1000;
      if (!shown && seconds < 1) return;
      const line = `${title}: ${text} (${seconds.toFixed(1)} s)`;
      if (where === 'terminal') process.stderr.write(`\r${line}`.padEnd(Math.min(100, (process.stderr.columns ?? 100) - 1)) + '\n');
      else console.log(line);
    },
  };
}

function surface(forced: boolean): 'terminal' | 'notebook' | 'none' {
  const env = typeof process === 'undefined' ? {} : process.env;
  if (!forced && (env.VITEST || env.CI)) return 'none';
  // tslab runs cells in its kernel process, which Jupyter starts with JPY_PARENT_PID or a connection file.
  const inKernel = env.JPY_PARENT_PID !== undefined || process.argv.some((a) => a.includes('tslab'));
  if (inKernel) return 'notebook';
  if (process.stderr && process.stderr.isTTY) return 'terminal';
  return forced ? 'notebook' : 'none';
}

function bar(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '[ .. ]';
  const width = 20;
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(fraction * 100)}%`;
}
