/**
 * The one error a bad scenario gets: `field` is the path to what is wrong
 * (`faults[2].node`), and the message says what is allowed there.
 * Thrown before anything runs, so a bad scenario never half-runs.
 *
 * Printed, it reads as its message first: in a notebook (tslab prints a cell's error with
 * `console.error`) it is that one line and nothing else; in a script, the line and then
 * where it was thrown, with no source excerpt inside it and no dump of its fields.
 */
export class ScenarioError extends Error {
  constructor(readonly field: string, readonly problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'ScenarioError';
    // Kept as data for code that catches the error, left out of what printing it shows.
    Object.defineProperty(this, 'field', { enumerable: false });
    Object.defineProperty(this, 'problem', { enumerable: false });
    reportIfUncaught();
  }

  /** How Node's `util.inspect` (and so `console.error`, tslab, an uncaught error) prints it. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return printed(this);
  }
}

/** The error as a learner reads it: the one line alone in a notebook; in a script, the line, then the stack. */
function printed(error: ScenarioError): string {
  const line = `${error.name}: ${error.message}`;
  if (inNotebook()) return line;
  // With source maps on (tsx, tslab), Node writes an excerpt of the throwing line before
  // the message in `stack`: the learner's mistake is the message, so it goes first.
  const stack = error.stack ?? line;
  const at = stack.indexOf(line);
  return at >= 0 ? stack.slice(at) : `${line}\n${stack}`;
}

/** True inside tslab's kernel, which defines `__tslab__` for its cells. */
function inNotebook(): boolean {
  return (globalThis as { __tslab__?: unknown }).__tslab__ !== undefined;
}

/**
 * An uncaught error in a script is printed by Node itself, which writes an excerpt of the
 * throwing source line (here, deep in validate.ts) before the error: the learner would read
 * the kit's code first and their mistake after it. So while a ScenarioError may be on its way
 * to the top of a script, until the next task, one listener waits for it and prints it message
 * first. It steps aside when anyone else listens (vitest, tslab, a learner's own handler), and it
 * is gone by the next task, so a ScenarioError that its caller catches changes nothing after.
 */
function reportIfUncaught(): void {
  if (watching || typeof process === 'undefined' || typeof process.on !== 'function' || typeof setImmediate !== 'function') return;
  watching = true;
  process.on('uncaughtException', report);
  setImmediate(() => {
    process.off('uncaughtException', report);
    watching = false;
  }).unref();
}

let watching = false;

function report(error: unknown): void {
  if (process.listenerCount('uncaughtException') > 1) return;
  // As Node would, without the excerpt: the message (and the stack under it), exit status 1.
  const text = error instanceof ScenarioError
    ? printed(error)
    : error instanceof Error ? (error.stack ?? String(error)) : `Uncaught ${String(error)}`;
  process.stderr.write(`${text}\n`);
  process.exit(1);
}
