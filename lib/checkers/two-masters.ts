import type { NodeId } from '../protocols/role';
import type { Check, Judged, LockVerdict } from './types';

/**
 * Split brain (the lecture; DDIA ch. 8, "The leader and the lock"): two nodes believe they
 * are the master at the same moment. A node counts from the state change that makes it
 * `master` until it leaves that state or crashes; a paused master still counts, since it
 * will act as master the moment it runs again.
 *
 * @example twoMasters(simulate({ protocol: failover(), voters: 2, faults: [partition([['v1']], at(12))], horizon: 60 })).why
 * // 't=23 v2 became master while v1 still was'
 */
export function twoMasters(run: Judged): Check & { readonly verdict: LockVerdict } {
  const master = new Set<NodeId>();
  for (const e of run.trace) {
    // v1 is the master from its start, and again when it recovers (it starts over as one).
    const becomes = (e.kind === 'state' && e.to === 'master') || ((e.kind === 'start' || (e.kind === 'recover' && !e.noop)) && e.node === 'v1');
    if (becomes) {
      const others = [...master].filter((n) => n !== e.node);
      if (others.length > 0) {
        return { ok: false, verdict: 'unsafe', nodes: [e.node, ...others], event: e, why: `t=${e.t} ${e.node} became master while ${others.join(', ')} still was` };
      }
      master.add(e.node);
    } else if (e.kind === 'state' && e.from === 'master') master.delete(e.node);
    else if (e.kind === 'crash' && !e.noop) master.delete(e.node);
  }
  return { ok: true, verdict: 'safe', nodes: [], event: null, why: 'never two masters at once' };
}
