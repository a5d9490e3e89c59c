/**
 * The judges' one door to the exercises' answers (instructor/reference/rules.ts).
 *
 * Every rule passes through `recorded`, so that `npm run student-version` can note the
 * answers the visible tests need (`recordAnswers`) and write, in the student version, a
 * file of the same name that holds those answers as a table and no rule at all: a learner
 * grades at home against the visible cases, and never receives the code of an answer.
 * A rule a judge needs goes here as one more line.
 */
import * as rules from '../instructor/reference/rules';

type Recorder = (rule: string, args: readonly unknown[], answer: unknown) => void;
let recorder: Recorder | null = null;

/** Calls `record` with every rule call until the returned function is called. */
export function recordAnswers(record: Recorder): () => void {
  recorder = record;
  return () => {
    recorder = null;
  };
}

/** A rule that reports each call; only its declared parameters count (`cases.map(rule)` also passes an index and the list). */
function recorded<A extends unknown[], R>(name: string, rule: (...args: A) => R): ((...args: A) => R) & { readonly arity: number } {
  return Object.assign((...args: A) => {
    const answer = rule(...args);
    recorder?.(name, args.slice(0, rule.length), answer);
    return answer;
  }, { arity: rule.length });
}

export const expectedTally = recorded('expectedTally', rules.expectedTally);
export const expectedAgreement = recorded('expectedAgreement', rules.expectedAgreement);
export const expectedElect = recorded('expectedElect', rules.expectedElect);
export const expectedSplit = recorded('expectedSplit', rules.expectedSplit);
export const expectedAvailability = recorded('expectedAvailability', rules.expectedAvailability);
