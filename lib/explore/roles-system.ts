import { protocolDefinition, type ProtocolSpec } from '../protocols/protocol';
import { judgeOf } from '../checkers/judges';
import type { Decision, Input, LogRecord, Message, NodeContext, NodeId, Output, Role, Vote } from '../protocols/role';
import { ScenarioError } from '../scenario/error';
import { runNodes } from '../protocols/nodes';
import { validateScenario } from '../scenario/validate';
import { afterCrash, applyOutputs, expired, nothingKept, type Kept } from '../world/effects';
import { stateKey } from '../world/state-key';
import { printMessage } from '../world/trace';
import type { PackedInvariant, PackedSystem } from './system';

/** What an invariant over the roles' world sees: each node, and the messages in flight. */
export interface WorldView {
  readonly nodes: Readonly<Record<NodeId, NodeView>>;
  readonly voters: readonly NodeId[];
  readonly votes: Readonly<Record<NodeId, Vote>>;
  readonly inFlight: readonly { readonly from: NodeId; readonly to: NodeId; readonly message: Message }[];
}

export interface NodeView {
  /** The role's state name; a crashed node keeps the name it crashed in. */
  readonly state: string;
  readonly up: boolean;
  /** Its decision, durable: a crash does not erase it. */
  readonly decision: Decision | null;
  readonly log: readonly LogRecord[];
}

/** A named predicate over the roles' world. A protocol's own `StateInvariant` (lib/checkers) is one. */
export interface RolesInvariant {
  readonly name: string;
  holds(world: WorldView): boolean;
}

/** Agreement: no node decided commit while another decided abort (crashed nodes included). */
export const agreementInvariant: RolesInvariant = {
  name: 'agreement',
  holds(world) {
    let commit = false;
    let abort = false;
    for (const id in world.nodes) {
      const d = world.nodes[id].decision;
      if (d === 'commit') commit = true;
      else if (d === 'abort') abort = true;
    }
    return !(commit && abort);
  },
};

/** Validity: nobody commits unless every voter voted yes. */
export const validityInvariant: RolesInvariant = {
  name: 'validity',
  holds(world) {
    if (!world.voters.some((v) => world.votes[v] === 'no')) return true;
    for (const id in world.nodes) if (world.nodes[id].decision === 'commit') return false;
    return true;
  },
};

/** What may go wrong while the checker explores the roles' world. */
export interface RolesFaults {
  /** Crashes in one run, over all nodes. @defaultValue 0 */
  readonly crashes?: number;
  /** Recoveries in one run. @defaultValue 0 */
  readonly recoveries?: number;
  /** Whether the network may lose any message in flight. @defaultValue false */
  readonly drop?: boolean;
  /** Whether the network may deliver a message twice (at most two copies in flight). @defaultValue false */
  readonly duplicate?: boolean;
}

/**
 * When a timer may expire. `'any'`: at any moment, as in an asynchronous network (FLP's model).
 * `'quiet'`: only when no message is in flight and every live node has started, the synchronous
 * network that 3PC assumes (Skeen 1981: a message arrives within a known delay, so a timeout
 * means a failure); the order of timers that are due together is still every order.
 */
export type RolesTimers = 'any' | 'quiet';

/** One labelled step of the roles' world, kept so that a trace can become a scenario. */
export interface RolesAction {
  readonly kind: 'start' | 'deliver' | 'drop' | 'duplicate' | 'timeout' | 'crash' | 'recover';
  readonly node: NodeId;
  readonly from?: NodeId;
  readonly message?: Message;
  readonly timer?: string;
}

/** The roles of a protocol as a packed system, with what a trace needs to become a scenario. */
export interface RolesSystem extends PackedSystem {
  /** Every step label met so far: `actions[i]` in words is `labels[i]` as data. */
  readonly labels: readonly RolesAction[];
  readonly nodes: readonly NodeId[];
  readonly votes: Readonly<Record<NodeId, Vote>>;
  /** The invariants checked at every state, defaults filled in. */
  readonly checked: readonly RolesInvariant[];
  /** The bound on expansion, if any (a protocol's own, or the one given). */
  readonly bound?: RolesInvariant;
  /** The state at `states[at..]` as invariants see it. */
  view(states: Uint32Array, at: number): WorldView;
  /** The outputs, in order, of the step labelled `action` from the state at `states[at..]`. */
  outputsOf(states: Uint32Array, at: number, action: number): readonly Output[];
}

/** The most nodes the roles' checker packs (each node's part of a state is one word). */
export const CHECK_MAX_NODES = 12;

/**
 * One node's part of a world state: its role state and what it keeps (log, decision, running
 * timers, as `applyOutputs` keeps them for `simulate` too). Interned: the same tuple is one
 * object and one number.
 */
class NodeTuple {
  constructor(
    readonly state: unknown,
    readonly stateName: string,
    readonly started: boolean,
    readonly up: boolean,
    readonly kept: Kept,
  ) {}
  get log(): readonly LogRecord[] {
    return this.kept.log;
  }
  get decision(): Decision | null {
    return this.kept.decision;
  }
  get timers(): readonly string[] {
    return this.kept.timers;
  }
}

interface Sent {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: Message;
}

/** Interns values by a string key, so that a state is a few small numbers. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<string, number>();
  id(key: string, value: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value());
      this.ids.set(key, id);
    }
    return id;
  }
}

const START: Input = { kind: 'start' };

/**
 * A registered protocol's roles as a packed transition system. A state is one word per
 * node (an interned tuple: role state, up, started, log, decision, timers), one word for
 * the multiset of messages in flight (interned), and one for the faults used so far.
 * Steps: a node starts; a message in flight is delivered (dropped, if its receiver is
 * down), lost or duplicated as `faults` allow; any timer that is set expires (time is
 * not modelled: a timer may fire at any moment, as in an asynchronous network); a node
 * crashes or recovers within the budgets.
 *
 * @example
 * const system = rolesSystem({ protocol: twoPhaseCommit(), voters: 2, faults: { crashes: 1 } });
 * searchSystem(system).violation; // undefined: 2PC keeps agreement
 */
export function rolesSystem(options: {
  protocol: ProtocolSpec;
  voters?: number;
  /** For a protocol with nodes of its own (`leaseLock`): how many clients. @defaultValue the protocol's */
  clients?: number;
  votes?: Readonly<Record<NodeId, Vote>>;
  faults?: RolesFaults;
  /** @defaultValue the protocol's own (`lockSafety` for the lease lock), else ['agreement', 'validity'] */
  invariants?: readonly (RolesInvariant | 'agreement' | 'validity')[];
  /**
   * States where this does not hold are checked but not expanded.
   * @defaultValue the protocol's own (the lease lock: at most 2 grants), else none
   */
  bound?: RolesInvariant;
  timers?: RolesTimers;
}): RolesSystem {
  const judge = options.protocol ? judgeOf(options.protocol.name) : undefined;
  const own = protocolDefinition(options.protocol?.name)?.ownNodes;
  // A protocol with nodes of its own is sized by clients, as a scenario is; validation refuses the other field.
  const voters = own ? options.clients ?? own.defaultClients : options.voters ?? 3;
  validateScenario({
    protocol: options.protocol,
    ...(own ? { clients: voters } : { voters }),
    ...(options.voters !== undefined ? { voters: options.voters } : {}),
    ...(options.clients !== undefined ? { clients: options.clients } : {}),
    ...(options.votes ? { votes: options.votes } : {}),
  });
  const faults = options.faults ?? {};
  for (const key of Object.keys(faults)) {
    if (!['crashes', 'recoveries', 'drop', 'duplicate'].includes(key)) throw new ScenarioError(`faults.${key}`, 'unknown field; allowed: crashes, recoveries, drop, duplicate');
  }
  const timers = options.timers ?? 'any';
  if (timers !== 'any' && timers !== 'quiet') throw new ScenarioError('timers', `expected 'any' or 'quiet', got ${String(timers)}`);
  const crashes = count(faults.crashes, 'faults.crashes');
  const recoveries = count(faults.recoveries, 'faults.recoveries');
  const copies = faults.duplicate ? 2 : 1;
  const definition = protocolDefinition(options.protocol.name)!;
  const run = runNodes(definition, options.protocol, voters, options.votes);
  const ids = run.ids;
  const nodes = ids.all;
  if (nodes.length > CHECK_MAX_NODES) {
    const field = own ? 'clients' : 'voters';
    throw new ScenarioError(field, `the checker packs at most ${CHECK_MAX_NODES} nodes (CHECK_MAX_NODES); this protocol with ${voters} ${field} has ${nodes.length}`);
  }
  const votes: Record<NodeId, Vote> = {};
  for (const v of ids.voters) votes[v] = options.votes?.[v] ?? 'yes';
  const roles: Role[] = run.nodes.map(({ id, kind }) => definition.role(options.protocol, id, kind));
  const contexts: NodeContext[] = run.nodes.map((node) => node.ctx);
  const index = new Map(nodes.map((id, i) => [id, i]));
  const bound = options.bound ?? judge?.bound;
  if (bound !== undefined && (typeof bound !== 'object' || bound === null || typeof bound.holds !== 'function')) {
    throw new ScenarioError('bound', `expected { name, holds(world) } such as grantsAtMost(3), got ${JSON.stringify(bound)}`);
  }
  const invariants: RolesInvariant[] = (options.invariants ?? (judge?.invariant ? [judge.invariant] : ['agreement', 'validity'])).map((inv, i) => {
    if (inv === 'agreement') return agreementInvariant;
    if (inv === 'validity') return validityInvariant;
    if (typeof inv !== 'object' || inv === null || typeof inv.holds !== 'function') {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- inv is a learner's bad value; String shows what they passed
      throw new ScenarioError(`invariants[${i}]`, `expected 'agreement', 'validity' or { name, holds(world) }, got ${String(inv)}`);
    }
    return inv;
  });

  const tuples = new Interner<NodeTuple>();
  const messages = new Interner<Sent>();
  const multisets = new Interner<readonly number[]>();
  const labels: RolesAction[] = [];
  const labelNames: string[] = [];
  const labelIds = new Map<string, number>();
  /** Label ids by a short key (`d12`: deliver message 12), so that a step names itself without building a string. */
  const labelByKey = new Map<string, number>();
  const n = nodes.length;
  const words = n + 2;

  // A role state leaves its context out of its key (the context is fixed for the node), so the
  // node's index must be in it: otherwise two voters in equal states would share one tuple, and
  // the second would step with the first one's context (its id, its vote).
  const tupleId = (i: number, t: NodeTuple) =>
    tuples.id(`${i}|${t.up ? 1 : 0}${t.started ? 1 : 0}|${t.stateName}|${stateKey(t.state)}|${JSON.stringify(t.log)}|${t.decision}|${t.timers.join(',')}`, () => t);
  const messageId = (m: Sent) => messages.id(`${m.from}>${m.to}:${JSON.stringify(m.message)}`, () => m);
  const multisetId = (ms: readonly number[]) => multisets.id(ms.join(','), () => ms);
  const label = (action: RolesAction) => {
    const name = describeAction(action);
    let id = labelIds.get(name);
    if (id === undefined) {
      id = labels.length;
      if (id >= 65_536) throw new RangeError('more than 65,536 distinct steps: check fewer voters');
      labels.push(action);
      labelNames.push(name);
      labelIds.set(name, id);
    }
    return id;
  };

  /** The tuple after `input` at node `i`, and the messages it sends. */
  function stepNode(i: number, t: NodeTuple, state: unknown, input: Input): [NodeTuple, Sent[]] {
    const role = roles[i];
    const [next, outputs] = role.step(state, input);
    const applied = applyOutputs(t.kept, outputs);
    const sends = applied.sends.map(({ to, message }): Sent => {
      if (!index.has(to)) throw new Error(`${nodes[i]} sent ${message.type} to '${to}', which is not a node of this run`);
      return { from: nodes[i], to, message };
    });
    return [new NodeTuple(next, role.stateName(next), true, true, applied.kept), sends];
  }

  /**
   * Roles are pure, so a node's step depends only on its tuple and the input: each one is
   * computed once, and every later state that needs it reads the memo.
   */
  const memo = new Map<string, { tuple: number; sends: readonly number[] }>();
  function transition(i: number, tuple: number, input: string, step: () => [NodeTuple, Sent[]]) {
    const key = `${i}:${tuple}:${input}`;
    let hit = memo.get(key);
    if (hit === undefined) {
      const [next, sends] = step();
      hit = { tuple: tupleId(i, next), sends: sends.map(messageId) };
      memo.set(key, hit);
    }
    return hit;
  }

  function addSends(inFlight: readonly number[], sends: readonly number[]): readonly number[] {
    if (sends.length === 0) return inFlight;
    const next = inFlight.slice();
    for (const id of sends) {
      let held = 0;
      for (const x of next) if (x === id) held++;
      if (held < copies) next.push(id);
    }
    return next.sort((a, b) => a - b);
  }

  function removeOne(inFlight: readonly number[], id: number): readonly number[] {
    const at = inFlight.indexOf(id);
    return inFlight.slice(0, at).concat(inFlight.slice(at + 1));
  }

  const initialTuples = nodes.map((_, i) => {
    const state = roles[i].init(contexts[i]);
    return tupleId(i, new NodeTuple(state, roles[i].stateName(state), false, true, nothingKept));
  });

  // Each tuple's view is built once.
  const nodeViews: NodeView[] = [];
  const nodeView = (id: number): NodeView => {
    let v = nodeViews[id];
    if (v === undefined) {
      const t = tuples.values[id];
      v = nodeViews[id] = { state: t.stateName, up: t.up, decision: t.decision, log: t.log };
    }
    return v;
  };
  function view(states: Uint32Array, at: number): WorldView {
    const out: Record<NodeId, NodeView> = {};
    for (let i = 0; i < n; i++) out[nodes[i]] = nodeView(states[at + i]);
    const inFlight = multisets.values[states[at + n]].map((id) => messages.values[id]);
    return { nodes: out, voters: ids.voters, votes, inFlight };
  }

  // Invariants and the bound read every state the search meets, so they get one view that is
  // pointed at each state in turn and read through getters: no object per state. It is valid
  // only during the call, which is all an invariant needs.
  const cursor: { states: Uint32Array; at: number } = { states: new Uint32Array(0), at: 0 };
  const liveNodes: Record<NodeId, NodeView> = {};
  nodes.forEach((id, i) => {
    Object.defineProperty(liveNodes, id, { enumerable: true, get: () => nodeView(cursor.states[cursor.at + i]) });
  });
  const live: WorldView = {
    nodes: liveNodes,
    voters: ids.voters,
    votes,
    get inFlight() {
      return multisets.values[cursor.states[cursor.at + n]].map((id) => messages.values[id]);
    },
  };
  function liveView(states: Uint32Array, at: number): WorldView {
    cursor.states = states;
    cursor.at = at;
    return live;
  }

  const packedInvariants: PackedInvariant[] = invariants.map((inv) => ({
    name: inv.name,
    holds: (states, at) => inv.holds(liveView(states, at)),
  }));

  return {
    name: `${options.protocol.name} roles (${voters} ${own ? 'clients' : 'voters'}${timers === 'quiet' ? ', timers when quiet' : ''}${bound ? `, ${bound.name}` : ''})`,
    words,
    actions: labelNames,
    labels,
    nodes,
    votes,
    checked: invariants,
    ...(bound ? { bound } : {}),
    view,
    outputsOf(states, at, action) {
      const a = labels[action];
      const i = index.get(a.node);
      if (i === undefined) return [];
      const t = tuples.values[states[at + i]];
      switch (a.kind) {
        case 'start':
          return roles[i].step(t.state, START)[1];
        case 'deliver':
          return roles[i].step(t.state, { kind: 'receive', from: a.from!, message: a.message! })[1];
        case 'timeout':
          return roles[i].step(t.state, { kind: 'timeout', timer: a.timer! })[1];
        case 'recover':
          return roles[i].step(roles[i].init(contexts[i]), { kind: 'recover', log: t.log.slice() })[1];
        default:
          return [];
      }
    },
    invariants: packedInvariants,
    initial(out, emit) {
      for (let i = 0; i < n; i++) out[i] = initialTuples[i];
      out[n] = multisetId([]);
      out[n + 1] = 0;
      emit(label({ kind: 'start', node: 'init' }));
    },
    next(states, at, out, emit) {
      if (bound !== undefined && !bound.holds(liveView(states, at))) return;
      const inFlight = multisets.values[states[at + n]];
      const budget = states[at + n + 1];
      const crashed = budget & 0xffff;
      const recovered = budget >>> 16;

      const put = (
        i: number,
        tuple: number,
        nextInFlight: readonly number[],
        nextBudget: number,
        action: string,
        make: () => RolesAction,
      ) => {
        for (let k = 0; k < n; k++) out[k] = states[at + k];
        if (i >= 0) out[i] = tuple;
        out[n] = multisetId(nextInFlight);
        out[n + 1] = nextBudget;
        let id = labelByKey.get(action);
        if (id === undefined) labelByKey.set(action, (id = label(make())));
        emit(id);
      };

      for (let i = 0; i < n; i++) {
        const id = states[at + i];
        const t = tuples.values[id];
        if (t.up && !t.started) {
          const step = transition(i, id, 'start', () => stepNode(i, t, t.state, START));
          put(i, step.tuple, addSends(inFlight, step.sends), budget, `s${i}`, () => ({ kind: 'start', node: nodes[i] }));
        }
      }
      let previous = -1;
      for (const id of inFlight) {
        if (id === previous) continue; // the same message twice in flight: one choice
        previous = id;
        const m = messages.values[id];
        const r = index.get(m.to)!;
        const receiver = states[at + r];
        const t = tuples.values[receiver];
        const rest = removeOne(inFlight, id);
        if (!t.up) {
          put(-1, 0, rest, budget, `x${id}`, () => ({ kind: 'drop', node: m.to, from: m.from, message: m.message }));
        } else if (t.started) {
          const step = transition(r, receiver, `m${id}`, () => stepNode(r, t, t.state, { kind: 'receive', from: m.from, message: m.message }));
          put(r, step.tuple, addSends(rest, step.sends), budget, `d${id}`, () => ({ kind: 'deliver', node: m.to, from: m.from, message: m.message }));
        }
        if (faults.drop && t.up) put(-1, 0, rest, budget, `x${id}`, () => ({ kind: 'drop', node: m.to, from: m.from, message: m.message }));
        if (faults.duplicate && inFlight.indexOf(id) === inFlight.lastIndexOf(id)) {
          put(-1, 0, [...inFlight, id].sort((a, b) => a - b), budget, `2${id}`, () => ({ kind: 'duplicate', node: m.to, from: m.from, message: m.message }));
        }
      }
      let quiet = inFlight.length === 0;
      for (let i = 0; quiet && i < n; i++) {
        const t = tuples.values[states[at + i]];
        if (t.up && !t.started) quiet = false;
      }
      for (let i = 0; i < n && (quiet || timers === 'any'); i++) {
        const id = states[at + i];
        const t = tuples.values[id];
        if (!t.up || !t.started) continue;
        for (const timer of t.timers) {
          const step = transition(i, id, `t${timer}`, () => {
            const fired = new NodeTuple(t.state, t.stateName, true, true, expired(t.kept, timer));
            return stepNode(i, fired, t.state, { kind: 'timeout', timer });
          });
          put(i, step.tuple, addSends(inFlight, step.sends), budget, `t${i}:${timer}`, () => ({ kind: 'timeout', node: nodes[i], timer }));
        }
      }
      for (let i = 0; i < n; i++) {
        const id = states[at + i];
        const t = tuples.values[id];
        if (t.up && crashed < crashes) {
          // Volatile state and timers are gone; the log and the decision survive.
          const down = tupleId(i, new NodeTuple(undefined, t.stateName, true, false, afterCrash(t.kept)));
          put(i, down, inFlight, budget + 1, `c${i}`, () => ({ kind: 'crash', node: nodes[i] }));
        }
        if (!t.up && recovered < recoveries) {
          const step = transition(i, id, 'recover', () => {
            const fresh = roles[i].init(contexts[i]);
            const up = new NodeTuple(fresh, roles[i].stateName(fresh), true, true, afterCrash(t.kept));
            return stepNode(i, up, fresh, { kind: 'recover', log: t.log.slice() });
          });
          put(i, step.tuple, addSends(inFlight, step.sends), budget + (1 << 16), `r${i}`, () => ({ kind: 'recover', node: nodes[i] }));
        }
      }
    },
    show(states, at) {
      const w = view(states, at);
      const parts = nodes.map((id) => {
        const v = w.nodes[id];
        return `${id}=${v.state}${v.up ? '' : '(down)'}${v.decision ? `[${v.decision}]` : ''}`;
      });
      const flight = w.inFlight.map((m) => `${m.from}->${m.to}:${m.message.type}`);
      return `${parts.join(' ')} | in flight: ${flight.length ? flight.join(', ') : 'none'}`;
    },
  };
}

/** A step in words, as a trace prints it. */
export function describeAction(a: RolesAction): string {
  switch (a.kind) {
    case 'start':
      return a.node === 'init' ? 'initial state' : `${a.node} starts`;
    case 'deliver':
      return `${a.node} <- ${a.from} ${printMessage(a.message!)}`;
    case 'drop':
      return `${a.from} -x ${a.node} ${printMessage(a.message!)} (lost)`;
    case 'duplicate':
      return `${a.from} -> ${a.node} ${printMessage(a.message!)} duplicated`;
    case 'timeout':
      return `${a.node} timeout ${a.timer}`;
    case 'crash':
      return `${a.node} crashes`;
    case 'recover':
      return `${a.node} recovers`;
  }
}

function count(value: unknown, field: string): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 0xffff) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a learner's bad value; String shows what they passed
    throw new ScenarioError(field, `expected a whole number from 0 to 65535, got ${String(value)}`);
  }
  return value as number;
}
