/**
 * "Find the run" puzzles: the learner returns a scenario; the grader checks its shape,
 * simulates it here (never in the learner's process) and judges its verdict and its size.
 * The fewest faults that can reach a verdict come from `explore`, run here once per process.
 */
import { explore, simulate, validateScenario, type FaultKind, type Scenario, type Verdict } from '../../lib';
import { preview } from './judging';

/** What a puzzle's scenario must be. */
export interface PuzzleRules {
  /** The protocol's name, and options that must hold (the builders fill every option in). */
  readonly protocol: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** How to name the protocol in feedback: `twoPhaseCommit({ termination: 'cooperative' })`. */
  readonly protocolText: string;
  readonly kinds: readonly FaultKind[];
  readonly maxFaults: number;
  readonly lesson: string;
}

/**
 * Null if `o` is a scenario of the puzzle's kind: its protocol, three voters voting yes, a lossless
 * network, few faults of the kinds allowed.
 */
export function puzzleShape(o: unknown, rules: PuzzleRules): string | null {
  try {
    validateScenario(o);
  } catch (e) {
    return `not a valid scenario: ${(e as Error).message}`;
  }
  const s = o;
  const options = rules.options ?? {};
  if (s.protocol.name !== rules.protocol || Object.entries(options).some(([k, v]) => s.protocol[k] !== v)) {
    return `the protocol must be ${rules.protocolText}; got ${preview(s.protocol)}`;
  }
  if ((s.voters ?? 3) !== 3) return `use three voters; got ${s.voters}`;
  if (s.votes && Object.values(s.votes).some((v) => v !== 'yes')) return `every voter must vote yes; got ${preview(s.votes)}`;
  if (s.network && ((s.network.loss ?? 0) > 0 || (s.network.duplicate ?? 0) > 0)) return 'no message loss or duplication: the network must be reliable';
  if ((s.horizon ?? 1000) > 5000) return 'keep the horizon at 5000 ticks or less';
  const faults = s.faults ?? [];
  if (faults.length > rules.maxFaults) return `use at most ${rules.maxFaults} fault${rules.maxFaults === 1 ? '' : 's'}; you used ${faults.length}`;
  const other = faults.find((f) => !rules.kinds.includes(f.kind as FaultKind));
  if (other) return `only ${rules.kinds.join(', ')} faults count here; found ${other.kind}`;
  return null;
}

/** Null if the scenario (with its horizon times `stretch`) ends with `want`, else what it ends with and how to see why. */
export function endsWith(
  s: Scenario,
  want: Verdict | ((v: Verdict) => boolean),
  wantText: string,
  lesson: string,
  stretch = 1,
): string | null {
  const run = simulate({ ...s, horizon: (s.horizon ?? 1000) * stretch }, { trace: 'none' });
  const ok = typeof want === 'function' ? want(run.verdict) : run.verdict === want;
  if (ok) return null;
  return `it ends ${run.verdict} (decisions ${JSON.stringify(run.decisions)}), not ${wantText}${stretch > 1 ? ` once given ${stretch} times the horizon` : ''}. Replay it in lesson ${lesson}'s notebook: simulate(${JSON.stringify(s)}), and draw it.`;
}

const fewestCache = new Map<string, number | null>();

/** The fewest faults of `kinds` (up to `max`) with which `protocol` reaches `verdict` at three voters, or null. */
export function fewestFaults(key: string, protocol: Scenario['protocol'], kinds: readonly FaultKind[], verdict: 'blocked' | 'inconsistent', max = 2): number | null {
  if (!fewestCache.has(key)) {
    const r = explore({ protocol, voters: 3, faults: { kinds, max }, progress: false });
    const found = r.smallest[verdict];
    fewestCache.set(key, found ? (found.faults ?? []).length : null);
  }
  return fewestCache.get(key)!;
}
