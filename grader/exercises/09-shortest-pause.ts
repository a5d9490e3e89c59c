import { lockSafety, simulate, validateScenario, type Fault, type Scenario } from '../../lib';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';

type PauseFault = Extract<Fault, { kind: 'pause' }>;

/** Null if `o` is a run of the kind the exercise asks for, else what is wrong with it. */
export function shapeProblem(o: unknown): string | null {
  try {
    validateScenario(o);
  } catch (e) {
    return `not a valid scenario: ${(e as Error).message}`;
  }
  const s = o;
  const p = s.protocol;
  if (p.name !== 'leaseLock') return `the protocol must be the lease lock, leaseLock({ lease: 20, fencing: false }); got ${preview(p)}`;
  if (p.lease !== 20 || p.fencing !== false)
    return `use leaseLock({ lease: 20, fencing: false }); got lease ${preview(p.lease)}, fencing ${preview(p.fencing)}`;
  if (p.work !== 5 || p.margin !== 2 || p.lockDelay !== 0)
    return `leave the lock's other options at their defaults (work 5, margin 2, lockDelay 0); got ${preview(p)}`;
  if ((s.clients ?? 2) !== 2) return `use two clients; got ${s.clients}`;
  if (s.network !== undefined && JSON.stringify(s.network) !== '{}')
    return 'leave the network at its default: one tick a message, nothing lost';
  if (s.horizon !== undefined && s.horizon < 1000) return 'keep the default horizon (1000 ticks) or a longer one';
  const faults = s.faults ?? [];
  if (faults.length !== 1) return `use exactly one fault, the pause of c1; you used ${faults.length}`;
  const f = faults[0];
  const w = f.kind === 'pause' ? f.when : undefined;
  if (
    f.kind !== 'pause' ||
    f.node !== 'c1' ||
    w?.kind !== 'afterReceive' ||
    w.node !== 'c1' ||
    w.type !== 'granted' ||
    (w.nth ?? 1) !== 1 ||
    (w.from ?? 'lock') !== 'lock'
  ) {
    return `the one fault must be pause('c1', afterReceive('c1', 'granted'), ticks); got ${preview(f)}`;
  }
  return null;
}

const withPause = (s: Scenario, ticks: number): Scenario => ({ ...s, faults: [{ ...(s.faults![0] as PauseFault), ticks }] });

/** Null if `o` ends unsafe, else why not, with the run to replay. */
export function unsafeRun(o: unknown): string | null {
  const shape = shapeProblem(o);
  if (shape) return shape;
  const s = o as Scenario;
  const run = simulate(s);
  if (run.verdict === 'unsafe') return null;
  return (
    `it ends ${run.verdict}: ${lockSafety(run).why}. Replay it in lesson 09's notebook, simulate(${JSON.stringify(s)}), ` +
    "and look at when c2's write reaches the store."
  );
}

/** Null if `o` ends unsafe and the same run with the pause one tick shorter is safe, else why not. */
export function shortest(o: unknown): string | null {
  const problem = unsafeRun(o);
  if (problem) return problem;
  const s = o as Scenario;
  const ticks = (s.faults![0] as PauseFault).ticks;
  const shorter = withPause(s, ticks - 1);
  if (ticks > 1 && simulate(shorter, { trace: 'none' }).verdict === 'unsafe') {
    return `a pause of ${ticks - 1} ticks is unsafe too: simulate(${JSON.stringify(shorter)}). Look for the shortest.`;
  }
  return null;
}

/** Null if the same run with fencing is safe: the store rejects c1's token. */
export function safeFenced(o: unknown): string | null {
  const problem = unsafeRun(o);
  if (problem) return problem;
  const s = o as Scenario;
  const fenced = { ...s, protocol: { ...s.protocol, fencing: true } };
  const run = simulate(fenced);
  return run.verdict === 'safe' ? null : `with fencing: true it still ends ${run.verdict}: ${lockSafety(run).why}`;
}

export const exercise: ExerciseSpec = {
  id: '09-shortest-pause',
  lesson: '09',
  title: 'the shortest pause that breaks an unfenced lock',
  tests: [
    {
      name: 'is a run of the unfenced lease lock (lease 20, two clients) whose one fault pauses c1 right after its grant',
      points: 1,
      judge: shapeProblem,
    },
    { name: "ends unsafe: the store takes c1's stale write on top of c2's", points: 2, judge: unsafeRun },
    { name: 'pauses no longer than it must: one tick less is safe', points: 2, judge: shortest },
  ],
};
