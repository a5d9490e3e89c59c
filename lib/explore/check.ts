import { protocolDefinition, type ProtocolSpec } from '../protocols/protocol';
import type { LogRecord, NodeId, Vote } from '../protocols/role';
import { afterReceive, afterSend, at, crash, onEnter, recover } from '../scenario/builders';
import { ScenarioError } from '../scenario/error';
import type { Fault, Scenario, Trigger } from '../scenario/types';
import { simulate } from '../world/simulate';
import { searchSystem, type TraceStep } from './breadth-first';
import { progressReporter, type ProgressOption } from './progress';
import {
  agreementInvariant,
  rolesSystem,
  validityInvariant,
  type RolesFaults,
  type RolesInvariant,
  type RolesSystem,
  type RolesTimers,
  type WorldView,
} from './roles-system';
import type { PackedSystem } from './system';

/** What `check` explores: a packed system of your own, or a registered protocol's roles. */
export type CheckOptions = (
  | { readonly system: PackedSystem }
  | {
      readonly protocol: ProtocolSpec;
      /** @defaultValue 3 */
      readonly voters?: number;
      /** For a protocol with nodes of its own (`leaseLock`): how many clients. @defaultValue the protocol's */
      readonly clients?: number;
      readonly votes?: Readonly<Record<NodeId, Vote>>;
      /** Crashes, recoveries, loss and duplication the checker may choose. @defaultValue none */
      readonly faults?: RolesFaults;
      /** @defaultValue the protocol's own (`lockSafety` for the lease lock), else ['agreement', 'validity'] */
      readonly invariants?: readonly (RolesInvariant | 'agreement' | 'validity')[];
      /**
       * States where this does not hold are checked but not expanded (TLC's state constraint).
       * @defaultValue the protocol's own (the lease lock: `grantsAtMost(2)`), else none
       */
      readonly bound?: RolesInvariant;
      /** When a timer may expire: at any moment, or only when no message is in flight. @defaultValue 'any' */
      readonly timers?: RolesTimers;
    }
) & {
  /** Stop after this many distinct states (the result says `complete: false`). @defaultValue 50,000,000 */
  readonly limit?: number;
  /** A progress bar: `'auto'` on a terminal or in a notebook, never under vitest or CI. @defaultValue 'auto' */
  readonly progress?: ProgressOption;
};

/** A broken invariant, the shortest way to it, and (for roles) the scenario that tries to replay it. */
export interface Violation {
  readonly invariant: string;
  /** Step by step from the initial state, each with the state it led to. */
  readonly trace: readonly TraceStep[];
  /** The crashes and recoveries of the trace as a scenario for `simulate` (roles only). */
  readonly scenario?: Scenario;
  /** Whether `simulate(scenario)` breaks the same invariant: the simulator's timing may not produce the interleaving. */
  readonly replays?: boolean;
}

export interface CheckResult {
  readonly system: string;
  /** Distinct reachable states, initial ones included (TLC's "distinct states found"). */
  readonly distinct: number;
  /** Steps on the longest of the shortest paths from an initial state. */
  readonly depth: number;
  /** False if `limit` stopped the search early. */
  readonly complete: boolean;
  /** The bound the search kept within, in words (`'at most 2 grants'`), if it had one: `complete` means complete within it. */
  readonly bound?: string;
  readonly violation?: Violation;
  /** Wall-clock milliseconds (a measurement, not part of the answer). */
  readonly ms: number;
  readonly bytesPerState: number;
}

/**
 * A breadth-first model checker: every order in which the messages in flight can be
 * delivered, lost or duplicated, every timer expiry, and every crash the options allow,
 * over packed states. Returns the number of distinct states, the depth, and the
 * shortest trace to a broken invariant.
 *
 * @example
 * check({ protocol: twoPhaseCommit(), voters: 2, faults: { crashes: 1, recoveries: 1 } }).violation; // undefined
 * check({ system: myPackedSpec }).distinct;
 */
export function check(options: CheckOptions): CheckResult {
  if (typeof options !== 'object' || options === null) throw new ScenarioError('check', 'expected { protocol, voters, faults?, invariants? } or { system }');
  if (options.limit !== undefined && (!Number.isSafeInteger(options.limit) || options.limit < 1)) {
    throw new ScenarioError('limit', `expected a whole number of states from 1, got ${String(options.limit)}`);
  }
  const system: PackedSystem = 'system' in options ? options.system : rolesSystem(options);
  const progress = progressReporter(options.progress ?? 'auto', `check ${system.name}`);
  const result = searchSystem(system, {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    onProgress: (distinct) => progress.update(`${distinct.toLocaleString('en-US')} distinct states`),
  });
  progress.done(`${result.distinct.toLocaleString('en-US')} distinct states, depth ${result.depth}${result.violation ? `, ${result.violation.invariant} broken` : ''}${result.complete ? '' : ', stopped at the limit'}`);
  const { store, violation, ...found } = result;
  const bound = 'labels' in system ? (system as RolesSystem).bound : undefined;
  const rest = bound ? { ...found, bound: bound.name } : found;
  if (!violation) return rest;
  if (!('system' in options) && 'labels' in system) {
    const roles = system as RolesSystem;
    const scenario = scenarioOf(roles, store.path(violation.index), store.states, options);
    const run = simulate(scenario);
    const inv = roles.checked.find((i) => i.name === violation.invariant);
    const replays = inv === undefined ? false : !holdsAfter(run, inv, roles);
    return { ...rest, violation: { invariant: violation.invariant, trace: violation.trace, scenario, replays } };
  }
  return { ...rest, violation: { invariant: violation.invariant, trace: violation.trace } };
}

/**
 * The crashes and recoveries of a trace, each placed right after the step before it
 * (the node's own last step for a crash, anyone's for a recovery), as `simulate` triggers.
 * Message order, losses and timer expiries are left to the simulator's own timing.
 */
function scenarioOf(
  system: RolesSystem,
  path: readonly { state: number; action: number }[],
  states: Uint32Array,
  options: { protocol: ProtocolSpec; voters?: number; clients?: number; votes?: Readonly<Record<NodeId, Vote>> },
): Scenario {
  const words = system.words;
  const sendCounts = new Map<string, number>();
  const receiveCounts = new Map<string, number>();
  const enterCounts = new Map<string, number>();
  /** For each node, the trigger that fires right after its latest step. */
  const lastTrigger = new Map<NodeId, Trigger>();
  let latest: Trigger | null = null;
  const faults: Fault[] = [];
  const bump = (m: Map<string, number>, key: string) => {
    const n = (m.get(key) ?? 0) + 1;
    m.set(key, n);
    return n;
  };
  for (let k = 1; k < path.length; k++) {
    const action = system.labels[path[k].action];
    const before = path[k - 1].state * words;
    const after = path[k].state * words;
    if (action.kind === 'crash') {
      faults.push(crash(action.node, lastTrigger.get(action.node) ?? at(0)));
      continue;
    }
    if (action.kind === 'recover') faults.push(recover(action.node, latest ?? at(0)));
    if (action.kind === 'drop' || action.kind === 'duplicate') continue;
    const node = action.node;
    let trigger: Trigger | null = null;
    if (action.kind === 'deliver') {
      trigger = afterReceive(node, action.message!.type, { from: action.from!, nth: bump(receiveCounts, `${node}<${action.from}:${action.message!.type}`) });
    }
    const was = system.view(states, before).nodes[node].state;
    const now = system.view(states, after).nodes[node].state;
    if (now !== was) {
      const nth = bump(enterCounts, `${node}:${now}`);
      trigger ??= onEnter(node, now, { nth });
    }
    for (const o of system.outputsOf(states, before, path[k].action)) {
      if (o.kind !== 'send') continue;
      trigger = afterSend(node, o.message.type, { to: o.to, nth: bump(sendCounts, `${node}>${o.to}:${o.message.type}`) });
    }
    if (trigger !== null) {
      lastTrigger.set(node, trigger);
      latest = trigger;
    }
  }
  const own = protocolDefinition(options.protocol.name)?.ownNodes;
  return {
    protocol: options.protocol,
    ...(own ? { clients: options.clients ?? own.defaultClients } : { voters: options.voters ?? 3 }),
    ...(options.votes ? { votes: options.votes } : {}),
    ...(faults.length ? { faults } : {}),
  };
}

/** Whether `invariant` holds at the end of a simulated run. */
function holdsAfter(run: ReturnType<typeof simulate>, invariant: RolesInvariant, system: RolesSystem): boolean {
  if (invariant === agreementInvariant) return run.verdict !== 'inconsistent';
  const nodes: Record<NodeId, { state: string; up: boolean; decision: 'commit' | 'abort' | null; log: LogRecord[] }> = {};
  for (const id of run.nodes) nodes[id] = { state: run.states[id], up: run.up[id], decision: run.decisions[id], log: [] };
  for (const e of run.trace) if (e.kind === 'log') nodes[e.node].log.push(e.record);
  const view: WorldView = { nodes, voters: run.voters, votes: system.votes, inFlight: [] };
  if (invariant === validityInvariant) return !run.voters.some((v) => system.votes[v] === 'no') || !run.nodes.some((n) => run.decisions[n] === 'commit');
  return invariant.holds(view);
}
