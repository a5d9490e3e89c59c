/**
 * What an exercise's stub throws until the learner writes the missing piece.
 * The grader shows its message as the feedback for every test the stub fails,
 * so it names the exercise and says what to do, in words a learner can act on.
 *
 * @example
 * export function duplicate(p: number): OperatorFunction<Envelope, Envelope> {
 *   throw new NotDoneYet('01-duplicate', 'emit each envelope, then a copy with probability p');
 * }
 */
export class NotDoneYet extends Error {
  constructor(readonly exercise: string, readonly todo: string) {
    super(`not done yet (exercise ${exercise}): ${todo}`);
    this.name = 'NotDoneYet';
  }
}
