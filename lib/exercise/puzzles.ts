import { afterSend, at, crash, cut, recover } from '../scenario/builders';
import type { Scenario } from '../scenario/types';
import { twoPhaseCommit } from '../protocols/two-phase-commit/index';

/**
 * Five 2PC runs whose verdicts exercise 04-predict asks a learner to predict
 * before running them (three voters; every vote yes unless said).
 *
 * @example simulate(puzzles['coordinator-crash-after-prepare']).verdict
 */
export const puzzles = {
  'v2-votes-no': { protocol: twoPhaseCommit(), voters: 3, votes: { v2: 'no' } },
  'coordinator-crash-after-prepare': { protocol: twoPhaseCommit(), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))] },
  'v3-down-for-good-before-prepare': { protocol: twoPhaseCommit(), voters: 3, faults: [crash('v3', at(0))] },
  'coordinator-crash-in-commit-then-back': {
    protocol: twoPhaseCommit(),
    voters: 3,
    faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })), recover('coordinator', at(40))],
  },
  'prepare-to-v1-cut-for-a-while': { protocol: twoPhaseCommit(), voters: 3, faults: [cut('coordinator', 'v1', at(0), at(30))] },
} satisfies Record<string, Scenario>;

export type PuzzleName = keyof typeof puzzles;
