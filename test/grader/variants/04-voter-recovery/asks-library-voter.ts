// @ts-nocheck (graded as exercises/04-voter-recovery.ts, where ../lib resolves)
// A delegating answer to 04-voter-recovery: it asks the library's own 2PC voter to recover.
// loses: reads each kind of log: nothing, a prepare record, then the outcome
// loses: over every crash-and-recover of one voter, runs end as textbook 2PC does
// loses: with the coordinator crashing too, runs end as textbook 2PC does
import { protocolDefinition, twoPhaseCommit, type LogRecord } from '../lib/index';

const textbook = protocolDefinition('twoPhaseCommit')!.role(twoPhaseCommit(), 'v1', 'voter');

export function recoverVoter(log: readonly LogRecord[]) {
  const ctx = { id: 'v1', coordinator: 'coordinator', voters: ['v1'], others: [], vote: 'yes' };
  const [state] = textbook.step(textbook.init(ctx), { kind: 'recover', log });
  return textbook.stateName(state);
}
