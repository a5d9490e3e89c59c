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
  }

  /** How Node's `util.inspect` (and so `console.error`, tslab, an uncaught error) prints it. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const line = `${this.name}: ${this.message}`;
    if (inNotebook()) return line;
    // With source maps on (tsx, tslab), Node writes an excerpt of the throwing line before
    // the message in `stack`: the learner's mistake is the message, so it goes first.
    const stack = this.stack ?? line;
    const at = stack.indexOf(line);
    return at >= 0 ? stack.slice(at) : `${line}\n${stack}`;
  }
}

/** True inside tslab's kernel, which defines `__tslab__` for its cells. */
function inNotebook(): boolean {
  return (globalThis as { __tslab__?: unknown }).__tslab__ !== undefined;
}
