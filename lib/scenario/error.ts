/**
 * The one error a bad scenario gets: `field` is the path to what is wrong
 * (`faults[2].node`), and the message says what is allowed there.
 * Thrown before anything runs, so a bad scenario never half-runs.
 */
export class ScenarioError extends Error {
  constructor(readonly field: string, readonly problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'ScenarioError';
  }
}
