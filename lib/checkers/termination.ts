import type { NodeId } from '../protocols/role';
import type { TraceEvent } from '../world/trace';
import type { Check, Judged } from './types';

/**
 * Termination: every voter that is up at the end of the run has decided.
 * A voter that is down is not held to it; a paused one is (it is up, only slow).
 *
 * @example termination(simulate(catalogEntry('2pc/coordinator-crash-after-prepare').scenario)).nodes // ['v1', 'v2', 'v3']
 */
export function termination(run: Judged): Check {
  const { up, decided } = finalStatus(run);
  const undecided = run.voters.filter((v) => up.get(v) !== false && !decided.has(v));
  if (undecided.length === 0) return { ok: true, nodes: [], event: null, why: 'every voter that is up decided' };
  const last: TraceEvent | null = run.trace.length ? run.trace[run.trace.length - 1] : null;
  return { ok: false, nodes: undecided, event: last, why: `${undecided.join(', ')} ${undecided.length === 1 ? 'is' : 'are'} up and still undecided at the end` };
}

/** Who is up at the end, and each node's last decision, replayed from the trace. */
export function finalStatus(run: Judged) {
  const up = new Map<NodeId, boolean>();
  const decided = new Map<NodeId, 'commit' | 'abort'>();
  for (const e of run.trace) {
    if (e.kind === 'crash' && !e.noop) up.set(e.node, false);
    else if (e.kind === 'recover' && !e.noop) up.set(e.node, true);
    else if (e.kind === 'decide') decided.set(e.node, e.decision);
  }
  return { up, decided };
}
