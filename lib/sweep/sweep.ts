import { verdictOf, verdictsOf, zeroCounts } from '../checkers/index';
import { protocolDefinition, type ProtocolSpec } from '../protocols/protocol';
import { ScenarioError } from '../scenario/error';
import type { Scenario } from '../scenario/types';
import { DEFAULT_VOTERS, validateScenario } from '../scenario/validate';
import { World, type WorldOptions } from '../world/world';
import { protocolLabel } from '../protocols/label';

/** Options of `sweep`. */
export interface SweepOptions {
  /** The scenario every run starts from (its `seed` is replaced by each seed in turn). */
  readonly base: Scenario;
  /**
   * Paths into the scenario and the values each takes, e.g. `{ 'network.loss': [0, 0.05, 0.1] }`.
   * Every combination is run. Paths: `protocol` (a list of protocol specs), `protocol.<option>`,
   * `voters`, `votes.<voter>`, `faults`, `network`, `network.delay`, `network.loss`,
   * `network.duplicate`, `network.reorder`, `horizon`.
   * @defaultValue {} (one row: the base scenario alone)
   */
  readonly vary?: Readonly<Record<string, readonly unknown[]>>;
  /** How many seeds per combination (seeds 1..N), or the seeds themselves. @defaultValue 100 */
  readonly seeds?: number | readonly number[];
  /** A link fault of your own, applied to every run, as `simulate` takes it. */
  readonly link?: WorldOptions['link'];
}

/**
 * One combination of the varied values: how its runs ended, and what they cost on average.
 * Besides the fields below, a row holds each varied path with its value in this row,
 * e.g. `row['network.loss'] === 0.05`. Plain data, for tables and charts.
 */
export interface SweepRow {
  /** The protocol's name, with the options in which it differs from the other protocols swept. */
  readonly protocol: string;
  /** How many runs (seeds) this row sums. */
  readonly runs: number;
  /** How many runs ended with each verdict; the four add up to `runs`. */
  readonly committed: number;
  readonly aborted: number;
  readonly blocked: number;
  readonly inconsistent: number;
  /** The same counts as shares of `runs`, from 0 to 1. */
  readonly committedShare: number;
  readonly abortedShare: number;
  readonly blockedShare: number;
  readonly inconsistentShare: number;
  /** Mean messages sent per run. */
  readonly meanMessages: number;
  /** Mean durable-log writes per run. */
  readonly meanLogWrites: number;
  /** Mean virtual time of a run's last event, in ticks. */
  readonly meanDuration: number;
  readonly [path: string]: unknown;
}

const NETWORK_FIELDS = ['delay', 'loss', 'duplicate', 'reorder'];
const ALLOWED = 'protocol, protocol.<option>, voters, votes.<voter>, faults, network, network.delay, network.loss, network.duplicate, network.reorder, horizon';

/**
 * Runs every combination of the varied values over many seeds and returns one row per
 * combination: verdict counts and shares, and mean counters. It keeps no trace: each run
 * records its outcome and counters only. Rows come in the order of `vary`'s keys, the
 * first key varying slowest. Same options, same rows.
 *
 * @example
 * const rows = sweep({
 *   base: { protocol: twoPhaseCommit(), voters: 3 },
 *   vary: { protocol: [twoPhaseCommit(), twoPhaseCommit({ termination: 'cooperative' })], 'network.loss': [0, 0.05, 0.1] },
 *   seeds: 1000,
 * });
 * console.table(rows); // 6 rows
 */
export function sweep(options: SweepOptions): SweepRow[] {
  const { base, vary = {}, link } = options;
  validateScenario(base);
  const seeds = seedsOf(options.seeds);
  const paths = Object.keys(vary);
  for (const path of paths) {
    checkPath(base, path, vary);
    const values = vary[path];
    if (!Array.isArray(values) || values.length === 0) {
      throw new ScenarioError(`vary.${path}`, `expected a non-empty array of values, got ${JSON.stringify(values)}`);
    }
    // Each value alone on the base, so that a bad one is named by its place in the list.
    values.forEach((value, i) => {
      try {
        validateScenario(setPath(base, path, value));
      } catch (e) {
        if (e instanceof ScenarioError) throw new ScenarioError(`vary.${path}[${i}]`, `${e.field}: ${e.problem}`);
        throw e;
      }
    });
  }
  const combinations = product(paths.map((p) => vary[p]));
  // A frozen protocol spec lets the world reuse its roles from run to run.
  const start: Scenario = Object.isFrozen(base.protocol) ? base : { ...base, protocol: Object.freeze({ ...base.protocol }) };
  const scenarios = combinations.map((combo) => {
    let s: Scenario = start;
    // `protocol` first, so that `protocol.<option>` applies to each swept protocol.
    const order = paths.map((_, i) => i).sort((a, b) => rank(paths[a]) - rank(paths[b]));
    for (const i of order) s = setPath(s, paths[i], combo[i]);
    try {
      validateScenario(s);
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError('vary', `the combination ${JSON.stringify(Object.fromEntries(paths.map((p, i) => [p, combo[i]])))} is not a valid scenario: ${e.message}`);
      throw e;
    }
    return s;
  });
  const protocols = scenarios.map((s) => s.protocol);
  const worldOptions: WorldOptions = { trace: 'none', link };

  return scenarios.map((scenario, c) => {
    const counts = zeroCounts(scenario.protocol.name);
    let messages = 0;
    let logWrites = 0;
    let duration = 0;
    // Validated once above; a seed is a whole number, so the world can be built directly, once
    // per combination, and reset for each seed (World.reset). A learner's link operator may keep
    // state from message to message: with one, each run gets a world, and so a pipeline, of its own.
    let kept: World | null = null;
    for (const seed of seeds) {
      const run: Scenario = { ...scenario, seed };
      const world = (link === undefined && kept !== null ? kept.reset(run) : (kept = new World(run, worldOptions))).run();
      counts[verdictOf(world.summary())]++;
      const stats = world.stats();
      messages += stats.messagesSent;
      logWrites += stats.logWrites;
      duration += stats.duration;
    }
    const n = seeds.length;
    const row: Record<string, unknown> = { protocol: protocolLabel(scenario.protocol, protocols) };
    paths.forEach((path, i) => {
      if (path !== 'protocol') row[path] = combinations[c][i];
    });
    Object.assign(row, { runs: n }, counts);
    for (const v of verdictsOf(scenario.protocol.name)) row[`${v}Share`] = counts[v] / n;
    Object.assign(row, { meanMessages: messages / n, meanLogWrites: logWrites / n, meanDuration: duration / n });
    return row as SweepRow;
  });
}

function seedsOf(seeds: SweepOptions['seeds']): readonly number[] {
  if (seeds === undefined) return range(100);
  if (typeof seeds === 'number') {
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10_000_000) throw new ScenarioError('seeds', `expected a whole number of seeds from 1 to 10000000, or an array of seeds, got ${JSON.stringify(seeds)}`);
    return range(seeds);
  }
  if (!Array.isArray(seeds) || seeds.length === 0 || !seeds.every((s) => Number.isSafeInteger(s))) {
    throw new ScenarioError('seeds', `expected a whole number of seeds, or a non-empty array of whole numbers, got ${JSON.stringify(seeds)}`);
  }
  return seeds;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Refuses a path that names no field of a scenario, before anything runs. */
function checkPath(base: Scenario, path: string, vary: Readonly<Record<string, readonly unknown[]>>) {
  const bad = (why: string) => new ScenarioError(`vary.${path}`, `${why}; allowed: ${ALLOWED}`);
  const [head, field, ...more] = path.split('.');
  if (more.length > 0) throw bad('a path has at most two parts');
  switch (head) {
    case 'seed':
      throw new ScenarioError(`vary.${path}`, 'seeds are swept by the `seeds` option (a count, or a list of seeds), not by vary');
    case 'voters':
    case 'clients':
    case 'faults':
    case 'horizon':
      if (field !== undefined) throw bad(`'${head}' has no field '${field}'`);
      return;
    case 'network':
      if (field !== undefined && !NETWORK_FIELDS.includes(field)) throw bad(`the network has no field '${field}' (it has ${NETWORK_FIELDS.join(', ')})`);
      return;
    case 'votes': {
      if (field === undefined) return;
      const voters = Math.max(base.voters ?? DEFAULT_VOTERS, ...((vary.voters ?? []) as number[]).filter((v) => typeof v === 'number'));
      if (!/^v[1-9]\d*$/.test(field) || Number(field.slice(1)) > voters) throw bad(`'${field}' is not a voter (voters are v1..v${voters})`);
      return;
    }
    case 'protocol': {
      if (field === undefined) return;
      const specs = (vary.protocol ?? [base.protocol]) as ProtocolSpec[];
      for (const spec of specs) {
        const definition = spec && typeof spec === 'object' ? protocolDefinition(spec.name) : undefined;
        if (definition !== undefined && !Object.hasOwn(definition.options, field)) {
          throw bad(`${spec.name} has no option '${field}' (it has ${Object.keys(definition.options).join(', ') || 'none'})`);
        }
      }
      return;
    }
    default:
      throw bad(`a scenario has no field '${head}'`);
  }
}

function rank(path: string): number {
  return path === 'protocol' ? 0 : 1;
}

/** A copy of the scenario with one path set; the copy shares everything it does not change. */
function setPath(s: Scenario, path: string, value: unknown): Scenario {
  const [head, field] = path.split('.');
  if (field === undefined) {
    // A swept protocol spec is frozen, as the builders return them, so that the world
    // can reuse its roles from run to run.
    return { ...s, [head]: head === 'protocol' && value && typeof value === 'object' ? Object.freeze({ ...value }) : value };
  }
  const inner = (s as unknown as Record<string, unknown>)[head];
  const copy = { ...(inner && typeof inner === 'object' ? inner : {}), [field]: value };
  return { ...s, [head]: head === 'protocol' ? Object.freeze(copy) : copy };
}

function product(lists: readonly (readonly unknown[])[]): unknown[][] {
  let out: unknown[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((v) => [...prefix, v]));
  return out;
}
