import { replayLine, simulate, validateScenario, type Scenario } from '../../lib';
import type { ExerciseSpec } from '../types';
import { preview } from './judging';

/** Null if `o` is a scenario of the kind the exercise asks for, else what is wrong with it. */
export function shapeProblem(o: unknown): string | null {
  try {
    validateScenario(o);
  } catch (e) {
    return `not a valid scenario: ${(e as Error).message}`;
  }
  const s = o;
  if (s.protocol.name !== 'twoPhaseCommit' || (s.protocol.termination ?? 'wait') !== 'wait') return `the protocol must be textbook 2PC, twoPhaseCommit(); got ${preview(s.protocol)}`;
  if ((s.voters ?? 3) !== 3) return `use three voters; got ${s.voters}`;
  if (s.votes && Object.values(s.votes).some((v) => v !== 'yes')) return `every voter must vote yes; got ${preview(s.votes)}`;
  if (s.network && ((s.network.loss ?? 0) > 0 || (s.network.duplicate ?? 0) > 0)) return 'no message loss or duplication: the network must be reliable';
  if ((s.horizon ?? 1000) > 5000) return 'keep the horizon at 5000 ticks or less';
  return null;
}

/** Null if `o` runs blocked under the rules (with its horizon times `stretch`), else why not. */
export function blockedRun(o: unknown, stretch = 1): string | null {
  const shape = shapeProblem(o);
  if (shape) return shape;
  const s = o as Scenario;
  const faults = s.faults ?? [];
  if (faults.length > 2) return `use at most two faults; you used ${faults.length}`;
  const other = faults.find((f) => f.kind !== 'crash' && f.kind !== 'recover');
  if (other) return `only crash and recover faults count here; found ${other.kind}`;
  const run = simulate({ ...s, horizon: (s.horizon ?? 1000) * stretch }, { trace: 'none' });
  if (run.verdict === 'blocked') return null;
  return `it ends ${run.verdict} (decisions ${JSON.stringify(run.decisions)}), not blocked. Look at who knew the outcome when the fault struck: to replay it, paste the next line into a cell of lesson 04's notebook.\n${replayLine(s)}`;
}

export const exercise: ExerciseSpec = {
  id: '04-blocking-scenario',
  lesson: '04',
  title: 'a fault placement that blocks 2PC',
  tests: [
    { name: 'is a scenario of textbook 2PC with three voters who all vote yes, on a lossless network', points: 1, judge: shapeProblem },
    { name: 'ends blocked, with at most two faults, each a crash or a recovery', points: 2, judge: (o) => blockedRun(o) },
  ],
};
