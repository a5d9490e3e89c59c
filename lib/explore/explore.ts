import { judgeOf } from '../checkers/judges';
import { verdictOf, zeroCounts, type Verdict } from '../checkers/index';
import { protocolDefinition, type ProtocolSpec } from '../protocols/protocol';
import type { NodeId, Vote } from '../protocols/role';
import { crash, cut, partition, pause, recover, slow } from '../scenario/builders';
import { ScenarioError } from '../scenario/error';
import type { Fault, NetworkOptions, Scenario, Trigger } from '../scenario/types';
import { DEFAULT_VOTERS, validateScenario } from '../scenario/validate';
import type { TraceEvent } from '../world/trace';
import { World } from '../world/world';
import { describeFault } from './describe';
import { progressReporter, type ProgressOption } from './progress';
import { triggerPoints, type TriggerPoint } from './trigger-points';

/** The fault kinds `explore` places. */
export type FaultKind = 'crash' | 'recover' | 'cut' | 'partition' | 'pause' | 'slow';
export const FAULT_KINDS: readonly FaultKind[] = ['crash', 'recover', 'cut', 'partition', 'pause', 'slow'];

/** The most voters `explore` takes: placements grow with the square of a run's events. */
export const EXPLORE_MAX_VOTERS = 5;

/** What `explore` may place, and how many. */
export interface ExploreFaults {
  /**
   * The kinds to place: a list (each up to `max` times), or the most of each kind,
   * e.g. `{ crash: 2, recover: 1, cut: 1 }`.
   * @defaultValue ['crash', 'recover']
   */
  readonly kinds?: readonly FaultKind[] | Readonly<Partial<Record<FaultKind, number>>>;
  /**
   * The most faults in one placement (a heal does not count: it ends a cut or partition).
   * @defaultValue 2, or the sum of `kinds` given as counts
   */
  readonly max?: number;
  /** How long a pause lasts, in ticks. @defaultValue 3 x the protocol's `timeout` (30) */
  readonly pauseTicks?: number;
  /** How much later a slow link delivers, in ticks. @defaultValue 3 x the protocol's `timeout` (30) */
  readonly slowTicks?: number;
}

/** Options of `explore`. */
export interface ExploreOptions {
  readonly protocol: ProtocolSpec;
  /** @defaultValue 3 */
  readonly voters?: number;
  /** For a protocol with nodes of its own (`leaseLock`): how many clients. @defaultValue the protocol's */
  readonly clients?: number;
  readonly votes?: Readonly<Record<NodeId, Vote>>;
  readonly faults?: ExploreFaults;
  readonly network?: NetworkOptions;
  /** The seeds to explore under (they matter only when the network draws random numbers). @defaultValue [1] */
  readonly seeds?: number | readonly number[];
  /** @defaultValue 1000, as `simulate` */
  readonly horizon?: number;
  /** The most runs (each placement run or cut short as equivalent counts one). @defaultValue 100,000 */
  readonly limit?: number;
  /** @defaultValue 'auto': a bar on a terminal, a line now and then in a notebook, nothing under vitest or CI */
  readonly progress?: ProgressOption;
}

/** One fault placement and how it ended. */
export interface Placement {
  readonly faults: readonly Fault[];
  readonly verdict: Verdict;
  /** True if it was cut short on reaching a state an earlier placement reached: its verdict is that one's. */
  readonly pruned: boolean;
}

/** What `explore` found. */
export interface ExploreResult {
  readonly protocol: ProtocolSpec;
  /** Placements run to the end. */
  readonly runs: number;
  /** Placements tried: run, or cut short as equivalent. */
  readonly tried: number;
  /** Placements cut short because the world's state had been seen before. */
  readonly pruned: number;
  /** Placements (the fault-free run included) by verdict. */
  readonly counts: Readonly<Record<Verdict, number>>;
  /** For each bad verdict reached, the smallest placement reaching it (fewest faults, then earliest), as a scenario for `simulate`. */
  readonly smallest: { readonly blocked?: Scenario; readonly inconsistent?: Scenario; readonly unsafe?: Scenario };
  /** Every placement tried, in the order tried. */
  readonly placements: readonly Placement[];
  /** Set when `limit` stopped the search: what was left. */
  readonly notReached?: { readonly placements: number; readonly faults: number; readonly why: string };
}

interface Candidate {
  readonly faults: readonly Fault[];
  /** The trace index after which new faults go (the last fault's trigger point). */
  readonly after: number;
  readonly used: Readonly<Record<FaultKind, number>>;
  readonly count: number;
}

/**
 * Every placement of up to `max` faults at every trigger point (each send, receive and
 * state entry of each node, in the fault-free run and in each faulty run, where new
 * points appear: a recovery after a crash, a heal after a cut), each run through the
 * simulator. Placements that reach a world state already seen (same node states, logs,
 * timers, messages in flight, at the same tick, with the same faults left) are cut short.
 *
 * @example
 * const result = explore({ protocol: twoPhaseCommit(), voters: 3, faults: { kinds: ['crash'], max: 2 } });
 * result.counts.inconsistent; // 0
 * simulate(result.smallest.blocked!).verdict; // 'blocked'
 */
export function explore(options: ExploreOptions): ExploreResult {
  const { budget, max, pauseTicks, slowTicks } = readFaults(options);
  const own = protocolDefinition(options.protocol?.name)?.ownNodes;
  const voters = own ? options.clients ?? own.defaultClients : options.voters ?? DEFAULT_VOTERS;
  if (!Number.isInteger(voters) || voters < 1 || voters > EXPLORE_MAX_VOTERS) {
    if (own) throw new ScenarioError('clients', `explore takes 1 to ${EXPLORE_MAX_VOTERS} clients (EXPLORE_MAX_VOTERS), got ${String(options.clients)}`);
    throw new ScenarioError('voters', `explore takes 1 to ${EXPLORE_MAX_VOTERS} voters (EXPLORE_MAX_VOTERS), got ${String(options.voters)}`);
  }
  const seeds = typeof options.seeds === 'number' ? [options.seeds] : options.seeds ?? [1];
  const limit = options.limit ?? 100_000;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new ScenarioError('limit', `expected a whole number of runs from 1, got ${String(options.limit)}`);
  const base: Scenario = {
    protocol: options.protocol,
    ...(own ? { clients: voters } : { voters }),
    ...(options.votes ? { votes: options.votes } : {}),
    ...(options.network ? { network: options.network } : {}),
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
  };
  validateScenario({ ...base, seed: seeds[0] });
  const timeout = typeof options.protocol.timeout === 'number' ? options.protocol.timeout : 10;
  const settle = 3 * timeout;
  const settleTime = 20 * timeout;
  const horizon = options.horizon ?? 1000;
  const net = options.network ?? {};
  // A random network's draws are not in the fingerprint, so equal fingerprints prove nothing there.
  // A protocol's own checker reads the whole history, which the fingerprint (the present) leaves out.
  // It is pruned only when its checker says what of the past it remembers (`Judge.memory`).
  const judge = judgeOf(options.protocol.name);
  const faithfulLinks = !(net.loss || net.duplicate || net.reorder || Array.isArray(net.delay));
  const prunes = faithfulLinks && (judge === undefined || judge.memory !== undefined);

  const counts = zeroCounts(options.protocol.name);
  const smallest: { blocked?: Scenario; inconsistent?: Scenario; unsafe?: Scenario } = {};
  const smallestFaults: { blocked?: number; inconsistent?: number; unsafe?: number } = {};
  const placements: Placement[] = [];
  let runs = 0;
  let pruned = 0;
  let notReached: ExploreResult['notReached'];
  const progress = progressReporter(options.progress ?? 'auto', `explore ${options.protocol.name}`);
  const none: Record<FaultKind, number> = { crash: 0, recover: 0, cut: 0, partition: 0, pause: 0, slow: 0 };

  for (const seed of seeds) {
    const seen = new Map<string, Verdict>();
    let level: Candidate[] = [{ faults: [], after: -1, used: none, count: 0 }];
    while (level.length > 0 && notReached === undefined) {
      const next: Candidate[] = [];
      for (let c = 0; c < level.length; c++) {
        if (runs + pruned >= limit) {
          notReached = { placements: level.length - c + next.length, faults: level[c].count, why: `limit of ${limit} runs reached` };
          break;
        }
        const candidate = level[c];
        const scenario: Scenario = { ...base, seed, ...(candidate.faults.length ? { faults: candidate.faults } : {}) };
        const expand = candidate.count < max || candidate.faults.some((f) => isOpenWindow(f));
        const edges = candidate.faults.reduce((n, f) => n + 1 + ('until' in f && f.until !== undefined ? 1 : 0), 0);
        let key = '';
        let firedAt = -1;
        let duplicate: Verdict | undefined;
        const world = new World(scenario, {
          trace: expand ? 'objects' : 'none',
          afterFault: (w) => {
            if (w.faultEdges !== edges) return false;
            firedAt = expand ? w.trace.length : 0;
            if (!prunes) return false;
            // Far from the horizon, the same state a few ticks apart has the same future
            // (the protocol settles within `settleTime` of a fault), so the tick is left out.
            const print = w.fingerprint();
            const state = w.now + settleTime < horizon ? print.slice(print.indexOf('\n')) : print;
            key = `${JSON.stringify(candidate.used)}|${state}${judge === undefined ? '' : `|${w.judgeMemory()}`}`;
            duplicate = seen.get(key);
            return duplicate !== undefined;
          },
        });
        world.run();
        let verdict: Verdict;
        if (duplicate !== undefined) {
          verdict = duplicate;
          pruned++;
        } else {
          verdict = verdictOf(world.summary());
          runs++;
          if (key !== '') seen.set(key, verdict);
          if (verdict === 'blocked' || verdict === 'inconsistent' || verdict === 'unsafe') {
            if (smallestFaults[verdict] === undefined || candidate.count < smallestFaults[verdict]!) {
              smallest[verdict] = scenario;
              smallestFaults[verdict] = candidate.count;
            }
          }
          if (expand && (candidate.faults.length === 0 || firedAt >= 0)) {
            const points = triggerPoints(world.trace, settle);
            const drops = windowDrops(world.trace);
            for (const child of childrenOf(candidate, points, candidate.after, drops)) {
              (child.count > candidate.count ? next : level).push(child);
            }
          }
        }
        counts[verdict]++;
        placements.push({ faults: candidate.faults, verdict, pruned: duplicate !== undefined });
        progress.update(`${runs + pruned} placements (${pruned} pruned), ${candidate.count} faults`, (c + 1) / level.length);
      }
      level = next;
    }
  }
  const stopped = notReached ? `; stopped at the limit, ${notReached.placements} placements not reached` : '';
  progress.done(`${runs + pruned} placements tried, ${pruned} pruned, ${runs} run; ${own ? `${counts.unsafe} unsafe` : `${counts.blocked} blocked, ${counts.inconsistent} inconsistent`}${stopped}`);
  return {
    protocol: options.protocol,
    runs,
    tried: runs + pruned,
    pruned,
    counts,
    smallest,
    placements,
    ...(notReached ? { notReached } : {}),
  };

  /** The placements one step bigger than `parent`, at the trigger points after its last fault, in trace order. */
  function childrenOf(parent: Candidate, points: readonly TriggerPoint[], after: number, drops: readonly number[]): Candidate[] {
    const children: Candidate[] = [];
    const room = parent.count < max;
    // Per open window: whether a heal here would differ from the heal placed last (see below).
    const fresh = parent.faults.map(() => true);
    let drop = 0;
    const add = (kind: FaultKind, fault: Fault, p: TriggerPoint) => {
      if (!room || parent.used[kind] >= budget[kind]) return;
      const used = { ...parent.used, [kind]: parent.used[kind] + 1 };
      children.push({ faults: [...parent.faults, fault], after: p.index, used, count: parent.count + 1 });
    };
    for (const p of points) {
      if (p.index <= after) continue;
      // A cut or partition acts only on the messages that arrive while it is in force, so two
      // heals with no such arrival between them give the same run, and the same runs after a
      // further fault: only the first heal point after each drop by a window is a new placement.
      // (Any window's drop counts for every window: that keeps more heals than needed, never fewer.)
      let dropped = false;
      while (drop < drops.length && drops[drop] < p.index) if (drops[drop++] > after) dropped = true;
      if (dropped) fresh.fill(true);
      const when: Trigger = p.trigger;
      add('crash', crash(p.node, when), p);
      for (const down of p.down) add('recover', recover(down, when), p);
      add('pause', pause(p.node, when, pauseTicks), p);
      add('partition', partition([[p.node]], when), p);
      if (p.event === 'send') {
        const to = p.peer!;
        add('cut', cut(p.node, to, when), p);
        add('slow', slow(p.node, to, slowTicks, when), p);
        if ((own ? voters + 2 : voters + 1) > 2) add('partition', partition([[p.node, to]], when), p);
      } else if (p.event === 'receive') {
        // The way back to the sender, and the sender's next messages, from here on.
        add('slow', slow(p.node, p.peer!, slowTicks, when), p);
        add('slow', slow(p.peer!, p.node, slowTicks, when), p);
      }
      // A heal: an open cut or partition of the parent ends here. It adds no fault. Only the
      // events of the nodes it separates can tell one heal point from the next.
      parent.faults.forEach((f, i) => {
        if (!isOpenWindow(f) || !fresh[i]) return;
        if (f.kind === 'cut' ? p.node !== f.from && p.node !== f.to : f.kind === 'partition' && !f.groups.some((g) => g.includes(p.node))) return;
        fresh[i] = false;
        const healed = [...parent.faults];
        healed[i] = { ...f, until: when } as Fault;
        children.push({ faults: healed, after: p.index, used: parent.used, count: parent.count });
      });
    }
    return children;
  }
}

/** Where in a trace a cut or partition dropped a message, in trace order. */
function windowDrops(trace: readonly TraceEvent[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    if (e.kind === 'drop' && (e.reason === 'cut' || e.reason === 'partition')) at.push(i);
  }
  return at;
}

function isOpenWindow(f: Fault): boolean {
  return (f.kind === 'cut' || f.kind === 'partition') && f.until === undefined;
}

function readFaults(options: ExploreOptions) {
  const faults = options.faults ?? {};
  if (typeof faults !== 'object' || faults === null) throw new ScenarioError('faults', "expected { kinds: ['crash', 'recover'], max: 2 }");
  for (const key of Object.keys(faults)) {
    if (!['kinds', 'max', 'pauseTicks', 'slowTicks'].includes(key)) throw new ScenarioError(`faults.${key}`, 'unknown field; allowed: kinds, max, pauseTicks, slowTicks');
  }
  const kinds = faults.kinds ?? ['crash', 'recover'];
  const budget: Record<FaultKind, number> = { crash: 0, recover: 0, cut: 0, partition: 0, pause: 0, slow: 0 };
  let sum = 0;
  if (Array.isArray(kinds)) {
    kinds.forEach((k, i) => {
      if (!FAULT_KINDS.includes(k)) throw new ScenarioError(`faults.kinds[${i}]`, `unknown fault kind ${JSON.stringify(k)}; allowed: ${FAULT_KINDS.join(', ')}`);
      budget[k as FaultKind] = Infinity;
    });
  } else if (typeof kinds === 'object' && kinds !== null) {
    for (const [k, n] of Object.entries(kinds)) {
      if (!FAULT_KINDS.includes(k as FaultKind)) throw new ScenarioError(`faults.kinds.${k}`, `unknown fault kind ${JSON.stringify(k)}; allowed: ${FAULT_KINDS.join(', ')}`);
      if (!Number.isInteger(n) || (n as number) < 0) throw new ScenarioError(`faults.kinds.${k}`, `expected a whole number of faults from 0, got ${String(n)}`);
      budget[k as FaultKind] = n as number;
      sum += n as number;
    }
  } else {
    throw new ScenarioError('faults.kinds', `expected a list such as ['crash', 'cut'] or counts such as { crash: 2, cut: 1 }; allowed kinds: ${FAULT_KINDS.join(', ')}`);
  }
  const max = faults.max ?? (Array.isArray(kinds) ? 2 : sum);
  if (!Number.isInteger(max) || max < 0) throw new ScenarioError('faults.max', `expected a whole number of faults from 0, got ${String(faults.max)}`);
  const timeout = typeof options.protocol?.timeout === 'number' ? options.protocol.timeout : 10;
  const pauseTicks = faults.pauseTicks ?? 3 * timeout;
  const slowTicks = faults.slowTicks ?? 3 * timeout;
  for (const [field, v] of [['pauseTicks', pauseTicks], ['slowTicks', slowTicks]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new ScenarioError(`faults.${field}`, `expected a whole number of ticks from 1, got ${String(v)}`);
  }
  return { budget, max, pauseTicks, slowTicks };
}

/** Placements in words, e.g. `crash coordinator after its 1st commit to v1`. */
export function describePlacement(faults: readonly Fault[]): string {
  return faults.length === 0 ? 'no fault' : faults.map(describeFault).join('; then ');
}
