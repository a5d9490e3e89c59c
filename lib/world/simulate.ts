import { from, type Observable } from 'rxjs';
import { verdictOf, type Verdict } from '../checkers/index';
import type { Decision, NodeId } from '../protocols/role';
import { validateScenario } from '../scenario/validate';
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
  validateScenario(scenario);
  const world = new World(scenario, options).run();
  const summary = world.summary();
  const trace = world.trace;
  return {
    scenario,
    verdict: verdictOf(summary),
    decisions: summary.decisions,
    states: summary.states,
    up: summary.up,
    voters: summary.voters,
    nodes: Object.keys(summary.states),
    trace,
    events$: from(trace),
    stats: world.stats(),
  };
}

/**
 * A run told in words: the outcome, each event on a line, and last the line that replays
 * it, `simulate({...})`, to paste into a cell as it is.
 *
 * @example console.log(explain(simulate({ protocol: twoPhaseCommit(), votes: { v3: 'no' } })));
 */
export function explain(run: Run, options: { events?: number } = {}): string {
  const limit = options.events ?? 200;
  const lines = [
    `verdict: ${run.verdict}`,
    `decisions: ${run.nodes.map((n) => `${n}=${run.decisions[n] ?? 'undecided'}${run.up[n] ? '' : ' (down)'}`).join(', ')}`,
    `states: ${run.nodes.map((n) => `${n}=${run.states[n]}`).join(', ')}`,
    `stats: ${run.stats.messagesSent} messages sent, ${run.stats.messagesDelivered} delivered, ${run.stats.logWrites} log writes, last event at t=${run.stats.duration}`,
    '',
    ...run.trace.slice(0, limit).map(printEvent),
  ];
  if (run.trace.length > limit) lines.push(`... ${run.trace.length - limit} more events`);
  lines.push('', 'to replay this run, paste the next line into a cell:', replayLine(run.scenario));
  return lines.join('\n');
}

/**
 * The line that replays a scenario, `simulate({...})` with the scenario as JSON: the one
 * form `explain`, the grader's feedback and the README give, pasted into a cell as it is.
 *
 * @example replayLine({ protocol: twoPhaseCommit(), votes: { v3: 'no' } }) // 'simulate({"protocol":{"name":"twoPhaseCommit",...},"votes":{"v3":"no"}})'
 */
export function replayLine(scenario: Scenario): string {
  return `simulate(${JSON.stringify(scenario)})`;
}
