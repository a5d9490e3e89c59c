import { from, type Observable } from 'rxjs';
import { verdictOf, type Verdict } from '../checkers/index';
import type { Decision, NodeId } from '../protocols/role';
import { validateScenario } from '../scenario/validate';
import { sameButSeed } from '../scenario/same';
import type { Scenario } from '../scenario/types';
import { printEvent, type TraceEvent } from './trace';
import { World, type RunStats, type WorldOptions } from './world';

/** The result of `simulate`: the verdict, where every node ended, and everything that happened. */
export interface Run {
  /** The scenario as given; `JSON.stringify` it to replay the run. */
  readonly scenario: Scenario;
  readonly verdict: Verdict;
  /** Each node's decision at the end (a crashed node's durable one), or null if undecided. */
  readonly decisions: Readonly<Record<NodeId, Decision | null>>;
  /** Each node's state name at the end (a crashed node: the state it crashed in). */
  readonly states: Readonly<Record<NodeId, string>>;
  /** Each node: up (true) or down (false) at the end. */
  readonly up: Readonly<Record<NodeId, boolean>>;
  readonly voters: readonly NodeId[];
  readonly nodes: readonly NodeId[];
  /** Every event, in order (empty when run with `trace: 'none'`). */
  readonly trace: readonly TraceEvent[];
  /** The same events as an Observable. */
  readonly events$: Observable<TraceEvent>;
  readonly stats: RunStats;
}

/**
 * Runs one scenario in virtual time and judges it. Same scenario, same seed: the same trace.
 * Throws a `ScenarioError` naming the field, before anything runs, if the scenario is bad.
 *
 * @example
 * const run = simulate({
 *   protocol: twoPhaseCommit(),
 *   voters: 3,
 *   faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' }))],
 * });
 * run.verdict;   // 'blocked'
 * run.decisions; // { coordinator: 'commit', v1: 'commit', v2: null, v3: null }
 */
export function simulate(scenario: Scenario, options: WorldOptions = {}): Run {
  const world = worldFor(scenario, options).run();
  const summary = world.summary();
  const trace = world.trace;
  if (world === spare?.world) {
    // The run's trace is the caller's now: the kept world lets go of it until its next run.
    world.trace = [];
    spare.busy = false;
  }
  return {
    scenario,
    verdict: verdictOf(summary),
    decisions: summary.decisions,
    states: summary.states,
    up: summary.up,
    voters: summary.voters,
    nodes: world.nodeIds(),
    trace,
    events$: from(trace),
    stats: world.stats(),
  };
}

/**
 * The world the last plain `simulate` built (no link operator, `onEvent` or `afterFault`), kept
 * with a private copy of its scenario: a loop of simulate over seeds (a notebook's own sweep)
 * resets it instead of validating and building the same world again. A reset world runs as a
 * new one would (`World.reset`); `busy` keeps a simulate called from inside a run off it.
 */
let spare: { world: World; scenario: Scenario; trace: 'objects' | 'none'; busy: boolean } | null = null;

function worldFor(scenario: Scenario, options: WorldOptions): World {
  if (options.link !== undefined || options.onEvent !== undefined || options.afterFault !== undefined) {
    validateScenario(scenario);
    return new World(scenario, options);
  }
  const trace = options.trace ?? 'objects';
  if (spare !== null && !spare.busy && spare.trace === trace && sameButSeed(spare.scenario, scenario)) {
    spare.busy = true;
    return spare.world.reset({ ...spare.scenario, seed: scenario.seed });
  }
  validateScenario(scenario);
  const copy = privateCopy(scenario);
  if (copy === null) return new World(scenario, options);
  const world = new World(copy, options);
  spare = { world, scenario: copy, trace, busy: true };
  return world;
}

/**
 * The scenario with its plain data copied (the protocol spec shared: `sameButSeed` reuses only
 * frozen ones), so that the world kept never sees the caller change a network or fault list in
 * place; null when it cannot be copied, and then no world is kept.
 */
function privateCopy(scenario: Scenario): Scenario | null {
  if (!Object.isFrozen(scenario.protocol)) return null;
  try {
    return { ...structuredClone({ ...scenario, protocol: undefined }), protocol: scenario.protocol };
  } catch {
    return null;
  }
}

/**
 * A run told in words: the outcome, each event on a line, and last the line that replays
 * it, `simulate({...})`, to paste into a cell as it is.
 *
 * @example console.log(explain(simulate({ protocol: twoPhaseCommit(), votes: { v3: 'no' } })));
 */
export function explain(
  run: Run,
  options: {
    events?: number;
    /**
     * Whether to end with the line that replays the run (default true). The grader's feedback
     * gives its own line, with the learner's helper in place of the protocol the run names.
     */
    replay?: boolean;
  } = {},
): string {
  const limit = options.events ?? 200;
  // A protocol with no voters (the lease lock) decides nothing: its nodes' liveness is what to say.
  const decided = run.voters.length > 0 || run.nodes.some((n) => run.decisions[n] !== null);
  const lines = [
    `verdict: ${run.verdict}`,
    decided
      ? `decisions: ${run.nodes.map((n) => `${n}=${run.decisions[n] ?? 'undecided'}${run.up[n] ? '' : ' (down)'}`).join(', ')}`
      : `down at the end: ${run.nodes.filter((n) => !run.up[n]).join(', ') || 'none'}`,
    `states: ${run.nodes.map((n) => `${n}=${run.states[n]}`).join(', ')}`,
    `stats: ${run.stats.messagesSent} messages sent, ${run.stats.messagesDelivered} delivered, ${run.stats.logWrites} log writes, last event at t=${run.stats.duration}`,
    '',
    ...run.trace.slice(0, limit).map(printEvent),
  ];
  if (run.trace.length > limit) lines.push(`... ${run.trace.length - limit} more events`);
  if (options.replay !== false) lines.push('', 'to replay this run, paste the next line into a cell:', replayLine(run.scenario));
  return lines.join('\n');
}

/**
 * The line that replays a scenario, `simulate({...})` with the scenario as JSON: the one
 * form `explain`, the grader's feedback and the README give, pasted into a cell as it is.
 *
 * @example
 * replayLine({ protocol: twoPhaseCommit(), votes: { v3: 'no' } })
 * // 'simulate({"protocol":{"name":"twoPhaseCommit",...},"votes":{"v3":"no"}})'
 */
export function replayLine(scenario: Scenario): string {
  return `simulate(${JSON.stringify(scenario)})`;
}
