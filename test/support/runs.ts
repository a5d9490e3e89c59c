// Runs the chart specifications share.
import { at, crash, cut, partition, pause, recover, simulate, slow, twoPhaseCommit, type Run } from '../../lib';

/** A run with every kind of mark: loss, a crash and a recovery, a cut, a partition, a slow link and a pause. */
export function everyMark(voters = 3): Run {
  return simulate({
    protocol: twoPhaseCommit(),
    voters,
    faults: [
      crash('v1', at(3)),
      recover('v1', at(20)),
      cut('coordinator', 'v2', at(2), at(6)),
      partition([['v1']], at(12), at(16)),
      slow('v3', 'coordinator', 2, at(0), at(3)),
      pause('v3', at(1), 3),
    ],
    network: { loss: 0.1 },
    seed: 2,
    horizon: 80,
  });
}
