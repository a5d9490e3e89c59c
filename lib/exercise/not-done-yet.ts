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

/**
 * Runs a notebook cell that uses your exercise. Until the exercise is done it says so,
 * and what to do, instead of failing the cell; any other error is yours to see.
 *
 * @example
 * await tryExercise(async () => show(spaceTime(simulate(scenario, { link: duplicate(0.3) }))));
 */
export async function tryExercise<T>(run: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    // By name, not instanceof: a notebook and an exercise file may load separate copies of lib.
    if (error instanceof Error && error.name === 'NotDoneYet') {
      const exercise = (error as NotDoneYet).exercise;
      console.log(`${error.message}\nWrite it in exercises/${exercise}.ts, run this cell again, and check it with npm run grade.`);
      return undefined;
    }
    throw error;
  }
}
