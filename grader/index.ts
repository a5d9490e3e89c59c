// The grader's public face: grade a folder, the manifest it grades against, and the results' shape.
export { grade, type GradeOptions, type Graded } from './grade';
export { exercises } from './manifest';
export { summary } from './report';
export type { ExerciseSpec, HiddenSpec, TestSpec, Judge, GradedTest, Results } from './types';
