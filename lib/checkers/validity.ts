import type { NodeId } from '../protocols/role';
import { printEvent } from '../world/trace';
import type { Check, Judged } from './types';

/**
 * Validity: a commit only after every voter voted yes. A voter's yes vote is any
 * message it sends carrying `vote: 'yes'`. A commit that comes before some voter's
 * yes (or with a voter that never said yes) breaks it.
 *
 * @example validity(simulate({ protocol: twoPhaseCommit(), votes: { v3: 'no' } })).ok // true: it aborted
 */
export function validity(run: Judged): Check {
  const saidYes = new Set<NodeId>();
  const voters = new Set(run.voters);
  for (const e of run.trace) {
    if (e.kind === 'send' && voters.has(e.node) && e.message.vote === 'yes') saidYes.add(e.node);
    if (e.kind === 'decide' && e.decision === 'commit') {
      const missing = run.voters.filter((v) => !saidYes.has(v));
      if (missing.length > 0) {
        return { ok: false, nodes: missing, event: e, why: `${printEvent(e)}, but ${missing.join(', ')} had not voted yes` };
      }
    }
  }
  return { ok: true, nodes: [], event: null, why: 'every commit followed a yes from every voter' };
}
