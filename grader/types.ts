/** What the grader knows about exercises: it alone decides names, points and what passes. */

/** The judgement of one observation: null when it is right, else feedback a learner can act on. */
export type Judge = (observed: unknown) => string | null;

/** One graded test: its name (exactly as its probe registers it), its points, and how it is judged. */
export interface TestSpec {
  readonly name: string;
  readonly points: number;
  readonly judge: Judge;
}

/** One exercise: the learner's file, where its probes live, and its tests. */
export interface ExerciseSpec {
  /** The file name without extension, e.g. `04-voter-recovery`; `exercises/<id>.ts` is the learner's file. */
  readonly id: string;
  readonly lesson: string;
  readonly title: string;
  /** Visible tests, probed by `test/exercises/<id>.grade.ts`. */
  readonly tests: readonly TestSpec[];
}

/** An instructor's hidden tests for one exercise, probed by `<hidden>/<id>.grade.ts`. */
export interface HiddenSpec {
  readonly id: string;
  readonly tests: readonly TestSpec[];
}

/** One row of Gradescope's `tests[]`. */
export interface GradedTest {
  readonly name: string;
  readonly number: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: 'passed' | 'failed';
  readonly output: string;
  /** How Gradescope renders `output`: plain text (feedback holds JSON lines and code, which Markdown would mangle). */
  readonly output_format: 'text';
  readonly visibility: 'visible' | 'after_published';
  readonly extra_data: { readonly exercise: string };
}

/** Gradescope's `results.json`. */
export interface Results {
  readonly score: number;
  readonly execution_time: number;
  /** Text for the whole submission: no points in it, since hidden tests' points must not show before grades are published. */
  readonly output: string;
  readonly output_format: 'text';
  readonly test_output_format: 'text';
  readonly tests: readonly GradedTest[];
}
