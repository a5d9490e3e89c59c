import type { NodeId, Role } from './role';

/**
 * A protocol as a scenario names it: plain JSON data, e.g.
 * `{ name: 'twoPhaseCommit', termination: 'wait', timeout: 10 }`.
 * The builders (`twoPhaseCommit()`, ...) return one of these with every option filled in.
 */
export interface ProtocolSpec {
  readonly name: string;
  readonly [option: string]: unknown;
}

/** How one option of a protocol may be set: one of a list, or a whole number in a range. */
export type OptionRule =
  | { readonly oneOf: readonly (string | number | boolean)[] }
  | { readonly integer: { readonly min: number; readonly max: number } };

/**
 * What the world needs to know to run a protocol: its options, its extra nodes,
 * the vocabulary that triggers may name, and a role for each node. `P` is the protocol's own
 * spec (`TwoPhaseCommitSpec`): the world checks every option a scenario gives against
 * `options` before a role is asked for, so the functions below may read it as `P`.
 */
export interface ProtocolDefinition<P extends ProtocolSpec = ProtocolSpec> {
  /** The `name` its specs carry. */
  readonly name: string;
  /** Every option besides `name`, with the values allowed. */
  readonly options: Readonly<Record<string, OptionRule>>;
  /** Message types its roles send (triggers naming another type are refused). */
  readonly messages: readonly string[];
  /** State names its roles can be in (for `onEnter`). */
  readonly states: readonly string[];
  /** Nodes beyond the coordinator and the voters (Paxos Commit's acceptors); none by default. */
  others?(spec: P): readonly NodeId[];
  /**
   * Nodes of its own, for a protocol with no coordinator and no voters (the lease lock:
   * `lock`, clients `c1`..`cN`, `store`). Its runs are sized by the scenario's `clients`
   * instead of `voters`, and every node plays kind `'other'`.
   */
  readonly ownNodes?: OwnNodes<P>;
  /**
   * A rule across its options and the run's size that an `OptionRule` cannot say (Paxos
   * Commit's co-location needs a voter for each of acceptors a2..a(F+1)): null when the
   * scenario may run, else the option it is about and what is wrong. Validation turns it into
   * a `ScenarioError` before anything runs, so no role needs the scenario's error type.
   */
  needs?(spec: ProtocolSpec, size: number): { readonly option: string; readonly problem: string } | null;
  /** The role a node plays. */
  role(spec: P, node: NodeId, kind: 'coordinator' | 'voter' | 'other'): Role;
}

/** A protocol's own nodes, sized by the scenario's `clients`. */
export interface OwnNodes<P extends ProtocolSpec = ProtocolSpec> {
  /** `clients` when the scenario does not say. */
  readonly defaultClients: number;
  /** The most `clients` a scenario may ask for. */
  readonly maxClients: number;
  /** Every node of a run with `clients` clients, in the order they start. */
  nodes(spec: P, clients: number): readonly NodeId[];
}

const definitions = new Map<string, ProtocolDefinition>();

/**
 * Makes a protocol known to `simulate`, `explore` and the charts under its `name`,
 * so that a scenario can name it as JSON.
 *
 * @example
 * defineProtocol({ name: 'myCommit', options: {}, messages: ['prepare', 'vote', 'commit', 'abort'],
 *   states: ['init', 'waiting', 'committed', 'aborted'], role: (spec, node, kind) => ... });
 * simulate({ protocol: { name: 'myCommit' }, voters: 3 });
 */
export function defineProtocol<P extends ProtocolSpec>(definition: ProtocolDefinition<P>): ProtocolDefinition<P> {
  definitions.set(definition.name, definition);
  return definition;
}

/** The definition of a protocol by name, or undefined. */
export function protocolDefinition(name: string): ProtocolDefinition | undefined {
  return definitions.get(name);
}

/** The names of every protocol defined so far, for error messages. */
export function protocolNames(): string[] {
  return [...definitions.keys()];
}
