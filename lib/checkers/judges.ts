/**
 * The checkers that judge protocols which do not decide commit or abort, by protocol name.
 * A protocol's definition names no checker (protocols depend on nothing but the role contract);
 * the world, the explorer and `verdict` ask here instead. A protocol without a judge is judged
 * by its voters' decisions (`verdictOf`). A variant named `<protocol>/<variant>` (the labs' and
 * exercises' learner versions, such as `leaseLock/learner`, which copy the protocol's definition
 * under a name of their own) is judged as its protocol unless it has a judge of its own.
 */
import { CHECK_GRANTS, grantsAtMost, lockSafety, lockSafetyInvariant, lockSafetyMemory } from './lock-safety';
import { twoMasters } from './two-masters';
import { LOCK_VERDICTS, type Judged, type StateInvariant, type Verdict } from './types';

/** A protocol's own verdicts, and the checker that reads a run's trace to give one. */
export interface Judge {
  /** Every verdict it can give, best first (charts stack and colour them in this order). */
  readonly verdicts: readonly Verdict[];
  verdict(run: Judged): Verdict;
  /**
   * What of the run so far its verdict still depends on, beyond the world's present state
   * (`World.fingerprint()`), as a string. With it, `explore` may treat two placements that
   * reach the same state with the same memory as one; without it, it runs every placement.
   */
  memory?(run: Judged): string;
  /**
   * The verdict's bad outcome as a property of one world state, for the model checker
   * (`check`), which has states and no trace: its default invariant for this protocol.
   */
  readonly invariant?: StateInvariant;
  /**
   * A bound for the model checker, for a protocol whose states never stop growing (the lease
   * lock's tokens): a state where it does not hold is checked but not expanded (TLC's state
   * constraint). `check`'s default for this protocol when it is given none.
   */
  readonly bound?: StateInvariant;
}

const judges = new Map<string, Judge>([
  // Lesson 09's lease lock: did the store take a stale holder's write (DDIA ch. 8)?
  ['leaseLock', {
    verdicts: LOCK_VERDICTS,
    verdict: (run) => lockSafety(run).verdict,
    memory: lockSafetyMemory,
    invariant: lockSafetyInvariant,
    bound: grantsAtMost(CHECK_GRANTS),
  }],
  // Lesson 02's monitor: were two nodes ever master at once (the lecture)?
  ['failover', { verdicts: LOCK_VERDICTS, verdict: (run) => twoMasters(run).verdict }],
]);

/**
 * Makes `judge` the checker of every run of the protocol named `protocol`: for a protocol of
 * your own (`defineProtocol`) whose runs end in something other than commit or abort.
 * @example defineJudge('myLock', { verdicts: ['safe', 'unsafe'], verdict: (run) => (lockSafety(run).ok ? 'safe' : 'unsafe') })
 */
export function defineJudge(protocol: string, judge: Judge): void {
  judges.set(protocol, judge);
}

/**
 * The judge of the protocol named `protocol` (or, for `<protocol>/<variant>`, of its protocol),
 * or undefined when its voters' decisions judge it.
 * @example judgeOf('leaseLock/learner') === judgeOf('leaseLock') // true
 */
export function judgeOf(protocol: string): Judge | undefined {
  const slash = protocol.indexOf('/');
  return judges.get(protocol) ?? (slash > 0 ? judges.get(protocol.slice(0, slash)) : undefined);
}
