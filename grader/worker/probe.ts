/**
 * The only way a grading test reports: `probe(name, observe)` runs `observe`
 * (which calls the learner's code) and records what it returned, serialized to
 * JSON, in the test's metadata. It asserts nothing: the grader judges the
 * observation in its own process, against expectations this process never sees,
 * so nothing learner code does in here (rewriting `expect`, hooks, `Object.is`,
 * objects with `asymmetricMatch`) can turn a wrong answer into points.
 */
import { it } from 'vitest';
import { later, now, parse, stringify, tampered } from './integrity';

/** When the previous probe ended. */
let lastEnded = 0;

/**
 * vitest sends test results to its main process at most every 100 ms. Before
 * running more learner code, let the previous result go out, so that if this
 * code never returns, what was already earned is on record.
 */
async function flushPrevious(): Promise<void> {
  const wait = lastEnded + 110 - now();
  if (lastEnded > 0 && wait > 0) await new Promise<void>((resolve) => later(resolve, wait));
}

/** The most characters of one observation the grader keeps. */
const MAX_OBSERVATION = 200_000;

/**
 * Registers one grading test. `observe` may be async; its result must be plain JSON data.
 * @example probe('copies every message when p = 1', () => through(envelopes(5), duplicate(1)).map(summary));
 */
export function probe(name: string, observe: () => unknown): void {
  it(name, async ({ task }) => {
    await flushPrevious();
    let value: unknown;
    let threw: string | null = null;
    try {
      value = await observe();
    } catch (e) {
      threw = describeError(e);
    } finally {
      lastEnded = now();
    }
    const meta = task.meta as Record<string, unknown>;
    const touched = tampered();
    if (touched.length) meta.tampered = touched.slice(0, 5);
    if (threw !== null) throw new Error(threw);
    let text: string | undefined;
    try {
      text = stringify(value);
    } catch (e) {
      throw new Error(`the result could not be turned into JSON: ${describeError(e)}`);
    }
    if (text === undefined) text = 'null';
    if (text.length > MAX_OBSERVATION) throw new Error(`the result is ${text.length} characters of JSON; at most ${MAX_OBSERVATION} are judged`);
    parse(text); // what is judged is this text, read back as plain data
    meta.observed = text;
  });
}

function describeError(e: unknown): string {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 2000);
    return `threw ${String(e)}`.slice(0, 2000);
  } catch {
    return 'threw something that cannot be printed';
  }
}
