/**
 * How a reference rule reports its calls, so that `npm run student-version` can note the answers
 * the visible tests need (`recordAnswers`) and ship them as a table in place of the rules.
 * grader/reference-rules.ts (generated) passes every rule of instructor/reference/ through `recorded`.
 */

/** One rule call: the rule's name, its declared arguments, and its answer. */
export type Recorder = (rule: string, args: readonly unknown[], answer: unknown) => void;
let recorder: Recorder | null = null;

/** Calls `record` with every rule call until the returned function is called. */
export function recordAnswers(record: Recorder): () => void {
  recorder = record;
  return () => {
    recorder = null;
  };
}

/** A rule that reports each call; only its declared parameters count (`cases.map(rule)` also passes an index and the list). */
export function recorded<A extends unknown[], R>(name: string, rule: (...args: A) => R): ((...args: A) => R) & { readonly arity: number } {
  return Object.assign((...args: A) => {
    const answer = rule(...args);
    recorder?.(name, args.slice(0, rule.length), answer);
    return answer;
  }, { arity: rule.length });
}
