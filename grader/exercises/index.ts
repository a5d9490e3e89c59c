// Written by `npm run build-exercises` from the files grader/exercises/NN-*.ts, in lesson order; do not edit.
// `npm run build-exercises -- --check` fails when this file is out of date (tools/indexes.ts).
import type { ExerciseSpec } from '../types';
import { exercise as lesson01Duplicate } from './01-duplicate';
import { exercise as lesson02Tally } from './02-tally';
import { exercise as lesson03Agreement } from './03-agreement';
import { exercise as lesson04BlockingScenario } from './04-blocking-scenario';
import { exercise as lesson04Cooperative } from './04-cooperative';
import { exercise as lesson04Peers } from './04-peers';
import { exercise as lesson04Predict } from './04-predict';
import { exercise as lesson04Voter } from './04-voter';
import { exercise as lesson04VoterRecovery } from './04-voter-recovery';
import { exercise as lesson05Elect } from './05-elect';
import { exercise as lesson05Voter } from './05-voter';
import { exercise as lesson06FewestFaults } from './06-fewest-faults';
import { exercise as lesson06SplitBrain } from './06-split-brain';
import { exercise as lesson07Availability } from './07-availability';
import { exercise as lesson08Acceptor } from './08-acceptor';
import { exercise as lesson08Leader } from './08-leader';
import { exercise as lesson08PaxosBlocks } from './08-paxos-blocks';
import { exercise as lesson09FencedStore } from './09-fenced-store';
import { exercise as lesson09ShortestPause } from './09-shortest-pause';
import { exercise as lesson10Queue } from './10-queue';
import { exercise as lesson10Sequential } from './10-sequential';

/** Every exercise the grader knows, in lesson order; grader/manifest.ts is its public name. */
export const exercises: readonly ExerciseSpec[] = [
  lesson01Duplicate,
  lesson02Tally,
  lesson03Agreement,
  lesson04BlockingScenario,
  lesson04Cooperative,
  lesson04Peers,
  lesson04Predict,
  lesson04Voter,
  lesson04VoterRecovery,
  lesson05Elect,
  lesson05Voter,
  lesson06FewestFaults,
  lesson06SplitBrain,
  lesson07Availability,
  lesson08Acceptor,
  lesson08Leader,
  lesson08PaxosBlocks,
  lesson09FencedStore,
  lesson09ShortestPause,
  lesson10Queue,
  lesson10Sequential,
];
