// @ts-nocheck (graded as exercises/06-fewest-faults.ts, where ../lib resolves)
// A plausible wrong answer to puzzle 06-fewest-faults: the catalog's crash and cut, two faults where fewer do.
// loses: uses the fewest faults that can make 3PC end inconsistent
import { afterReceive, afterSend, crash, cut, threePhaseCommit, type Scenario } from '../lib/index';

export function splitWithFewestFaults(): Scenario {
  return {
    protocol: threePhaseCommit(),
    voters: 3,
    faults: [crash('v1', afterReceive('v1', 'preCommit')), cut('coordinator', 'v2', afterSend('v2', 'preCommitAck'))],
  };
}
