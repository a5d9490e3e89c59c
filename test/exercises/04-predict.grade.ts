// Probes for exercise 04-predict. The grader runs the puzzles itself: grader/exercises/04-predict.ts.
import { predictions } from '../../exercises/04-predict';
import { probe } from '../../grader/worker/probe';

probe('predicts the verdict when v2 votes no', () => predictions()['v2-votes-no']);
probe('predicts the verdict when the coordinator crashes right after its last prepare', () => predictions()['coordinator-crash-after-prepare']);
probe('predicts the verdict when v3 is down for good before prepare', () => predictions()['v3-down-for-good-before-prepare']);
probe('predicts the verdict when the coordinator crashes in the commit phase and comes back', () => predictions()['coordinator-crash-in-commit-then-back']);
probe("predicts the verdict when the coordinator's link to v1 is cut for 30 ticks", () => predictions()['prepare-to-v1-cut-for-a-while']);
