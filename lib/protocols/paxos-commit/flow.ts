import type { NodeContext, NodeId } from '../role';

/**
 * How the fault-free run of Paxos Commit sends its messages: the kit's plain flow, or the
 * paper's optimisations, each on its own (Gray and Lamport, "Consensus on Transaction
 * Commit", ACM TODS 2006, section 4.3 on the cost of Paxos Commit, and section 5).
 */
export interface PaxosFlow {
  /**
   * Acceptor a1 runs on the coordinator's machine and a2..a(F+1) on voters v1..vF: messages
   * between them are not sent, and a machine's crash takes both. The remaining F acceptors
   * are machines of their own.
   */
  readonly colocate: boolean;
  /** An acceptor answers the ballot-0 votes of every instance with one phase 2b message and one log write. */
  readonly bundle: boolean;
  /**
   * A voter's vote (ballot-0 phase 2a) goes to `'all'` 2F + 1 acceptors, or to the first F + 1
   * (`'majority'`), the rest only when it re-sends.
   */
  readonly phase2a: 'all' | 'majority';
  /**
   * Faster Paxos Commit: the acceptors' ballot-0 phase 2b messages go to every voter too, who learn
   * the outcome themselves; no commit message.
   */
  readonly fast: boolean;
}

/** The kit's flow, unchanged since lesson 08 was written: every vote to every acceptor, one phase 2b per vote. */
export const KIT_FLOW: PaxosFlow = Object.freeze({ colocate: false, bundle: false, phase2a: 'all', fast: false });

/** The paper's normal-case flow, the one its table counts: co-located, bundled, phase 2a to a majority only. */
export const PAPER_FLOW: PaxosFlow = Object.freeze({ colocate: true, bundle: true, phase2a: 'majority', fast: false });

/** The flow options of a spec (absent: the kit's flow). */
export function flowOf(spec: { readonly [option: string]: unknown }): PaxosFlow {
  if (spec.colocate !== true && spec.bundle !== true && spec.phase2a !== 'majority' && spec.fast !== true) return KIT_FLOW;
  return Object.freeze({
    colocate: spec.colocate === true,
    bundle: spec.bundle === true,
    phase2a: spec.phase2a === 'majority' ? 'majority' : 'all',
    fast: spec.fast === true,
  });
}

/** F for 2F + 1 acceptors. */
export const faultsTolerated = (acceptors: number) => (acceptors - 1) >>> 1;

/**
 * The acceptors that are machines of their own: `a1`..`aM`, or with co-location only
 * a(F+2)..a(2F+1), since a1 shares the coordinator's machine and a2..a(F+1) the voters'.
 */
export function standaloneAcceptors(acceptors: number, flow: PaxosFlow): NodeId[] {
  const first = flow.colocate ? faultsTolerated(acceptors) + 2 : 1;
  const ids: NodeId[] = [];
  for (let i = first; i <= acceptors; i++) ids.push(`a${i}`);
  return ids;
}

/**
 * Where each acceptor a1..aM receives its messages: its own node, or with co-location the
 * coordinator (a1) and voters v1..vF (a2..a(F+1)). Index i is acceptor a(i+1).
 */
export function acceptorHosts(ctx: NodeContext, flow: PaxosFlow): readonly NodeId[] {
  if (!flow.colocate) return ctx.others;
  const f = ctx.others.length; // the F standalone acceptors
  // Validation refuses this first, as a ScenarioError (`needs` in index.ts); a world built
  // from an unvalidated scenario still stops here rather than run acceptors on no machine.
  const problem = colocationProblem(f, ctx.voters.length);
  if (problem !== null) throw new Error(`protocol.colocate: ${problem}`);
  return [ctx.coordinator, ...ctx.voters.slice(0, f), ...ctx.others];
}

/** Why co-locating acceptors a2..a(F+1) on voters v1..vF cannot be done with `voters` voters, or null. */
export function colocationProblem(faults: number, voters: number): string | null {
  return voters < faults ? `puts acceptors a2..a${faults + 1} on voters v1..v${faults}: needs at least ${faults} voters, got ${voters}` : null;
}
