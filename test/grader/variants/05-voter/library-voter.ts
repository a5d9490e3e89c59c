// @ts-nocheck (graded as exercises/05-voter.ts, where ../lib resolves)
// A delegating answer to lab 05-voter: the library's own 3PC voter, taken from the protocol's definition.
// loses: runs every 3PC case of the catalog that uses the termination protocol as 3PC with Skeen's rule does
// loses: keeps agreement, validity and termination over every placement of up to two crashes and recoveries wherever 3PC with Skeen's rule keeps them (explore)
// loses: keeps agreement and validity in every order of two voters' messages, timers, two crashes and a recovery, each timer firing when no message is in flight (check)
import { protocolDefinition, threePhaseCommit } from '../lib/index';

export const voter = protocolDefinition('threePhaseCommit')!.role(threePhaseCommit({ termination: 'elect' }), 'v1', 'voter');
