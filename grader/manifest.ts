/**
 * The grader's manifest: every exercise, its tests, their points and judges.
 * Only this list decides what a test is worth; nothing a submission reports can add to it.
 */
import { exercise as duplicate } from './exercises/01-duplicate';
import { exercise as tally } from './exercises/02-tally';
import { exercise as agreement } from './exercises/03-agreement';
import { exercise as voterRecovery } from './exercises/04-voter-recovery';
import { exercise as cooperative } from './exercises/04-cooperative';
import { exercise as blockingScenario } from './exercises/04-blocking-scenario';
import { exercise as predict } from './exercises/04-predict';
import { exercise as elect } from './exercises/05-elect';
import { exercise as splitBrain } from './exercises/06-split-brain';
import { exercise as availability } from './exercises/07-availability';
import { exercise as leader } from './exercises/08-leader';
import { exercise as shortestPause } from './exercises/09-shortest-pause';
import { exercise as fencedStore } from './exercises/09-fenced-store';
import { exercise as sequential } from './exercises/10-sequential';
import { exercise as queue } from './exercises/10-queue';
import { exercise as voterLab } from './exercises/04-voter';
import { exercise as acceptorLab } from './exercises/08-acceptor';
import { exercise as peers } from './exercises/04-peers';
import { exercise as threePhaseVoterLab } from './exercises/05-voter';
import { exercise as fewestFaults } from './exercises/06-fewest-faults';
import { exercise as paxosBlocks } from './exercises/08-paxos-blocks';
import type { ExerciseSpec } from './types';

export const exercises: readonly ExerciseSpec[] = [
  duplicate,
  tally,
  agreement,
  voterRecovery,
  cooperative,
  blockingScenario,
  predict,
  voterLab,
  peers,
  elect,
  threePhaseVoterLab,
  splitBrain,
  fewestFaults,
  availability,
  leader,
  acceptorLab,
  paxosBlocks,
  shortestPause,
  fencedStore,
  sequential,
  queue,
];
