/**
 * The grader's manifest: every exercise, its tests, their points and judges.
 * Only this list decides what a test is worth; nothing a submission reports can add to it.
 */
// Every file grader/exercises/NN-*.ts is one exercise: grader/exercises/index.ts lists them in
// lesson order, written by `npm run build-exercises` (and checked by its --check), never by hand.
export { exercises } from './exercises/index';
