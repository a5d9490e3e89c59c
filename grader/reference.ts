/**
 * The judges' one door to the exercises' answers: every rule a file of instructor/reference/
 * exports as `expectedX`, under that name, e.g. `import { expectedTally } from '../reference'`.
 *
 * The list is found from that folder (grader/reference-rules.ts, written by
 * `npm run build-exercises`, tools/indexes.ts), so a new rule is one more export there and
 * nothing here changes. Every rule passes through `recorded` (grader/recording.ts), so that
 * `npm run student-version` can note the answers the visible tests need (`recordAnswers`) and
 * write, in the student version, a file of this name that holds those answers as a table and
 * no rule at all: a learner grades at home against the visible cases, and never receives the
 * code of an answer.
 */
export { recordAnswers } from './recording';
export * from './reference-rules';
