import type { OperatorFunction } from 'rxjs';
import type { Envelope } from '../faults/envelope';
import type { Verdict } from '../checkers/types';
import { runNodes } from '../protocols/nodes';
import { protocolDefinition, type ProtocolDefinition, type ProtocolSpec } from '../protocols/protocol';
// A protocol's own checker, by its name (the lease lock's, the failover's); none for commit protocols.
import { judgeOf, type Judge } from '../checkers/judges';
import type { Decision, Input, Message, NodeId, Output, Role } from '../protocols/role';
import { DEFAULT_HORIZON, DEFAULT_SEED, sizeOf } from '../scenario/defaults';
import type { Fault, Scenario, Trigger } from '../scenario/types';
import { keptAfter as keptAfterExport } from './effects';
import { fingerprint } from './fingerprint';
import { EventHeap } from './heap';
import { Network } from './network';
import { NodeRuntime, Scheduled as ScheduledExport, Watch } from './runtime';
import type { TraceEvent } from './trace';

// What every step uses, bound once. tsx and vitest compile each file to CommonJS whose exports
// are getters, called again at every use of an import; a module constant reads each once (a
// tenth of a sweep's time under tsx: bench/README.md). tsc's CommonJS, which notebooks load,
// has plain properties, and there this changes nothing.
const keptAfter = keptAfterExport;
const Scheduled = ScheduledExport;
type Scheduled = ScheduledExport;

/** How much of a run to keep: every event as an object, or only counters and the outcome. */
export type TraceMode = 'objects' | 'none';

/** Options of a run that are not part of its JSON scenario. */
export interface WorldOptions {
  /** @defaultValue 'objects' */
  readonly trace?: TraceMode;
  /**
   * A link fault of your own, applied to every message after the scenario's network,
   * e.g. `map(e => e.random.chance(0.5) && e.message.type === 'ack' ? drop(e, 'no acks') : e)`.
   */
  readonly link?: OperatorFunction<Envelope, Envelope>;
  /** Called with each event as it happens (the run's `events$` replays them afterwards). */
  readonly onEvent?: (event: TraceEvent) => void;
  /**
   * Called once the world is quiet again after a step in which a fault (or a window's
   * edge) took effect; returning true stops the run there. The explorer uses it with
   * `fingerprint()` to stop runs that reached a state it has already seen.
   */
  readonly afterFault?: (world: World) => boolean;
}

/** The outcome-relevant facts of a finished run, from which the verdict follows. */
export interface WorldSummary {
  readonly voters: readonly NodeId[];
  readonly up: Readonly<Record<NodeId, boolean>>;
  readonly decisions: Readonly<Record<NodeId, Decision | null>>;
  readonly states: Readonly<Record<NodeId, string>>;
  /** Whether any node, at any time, decided commit / abort. */
  readonly everCommitted: boolean;
  readonly everAborted: boolean;
  /** The verdict of the protocol's own checker, for a protocol that brings one (the lease lock). */
  readonly judged?: Verdict;
}

export interface RunStats {
  /** Messages nodes sent (a duplicate made by the network is not a send). */
  readonly messagesSent: number;
  readonly messagesDelivered: number;
  readonly logWrites: number;
  /** The virtual time of the last thing that happened. */
  readonly duration: number;
  /** How many events the world processed. */
  readonly events: number;
}

/**
 * One run of one scenario: nodes, links and faults in virtual time.
 *
 * RxJS sits at the boundaries: every message passes once through the send
 * pipeline (delay, loss, duplication, reordering, slow links) and once through
 * the arrival pipeline (cuts, partitions), each a chain of operators over one
 * Subject subscribed once per world (a network of delay and loss alone calls their plain
 * functions instead: lib/world/network.ts). All waiting happens in one event heap.
 */
export class World {
  /** Every event of the run, in order (a new array each run: a reset world leaves the last one to whoever holds it). */
  trace: TraceEvent[] = [];
  now = 0;
  private readonly tracing: boolean;
  /** False in sweeps: then no event object is even built. */
  private readonly recording: boolean;
  private readonly nodes: NodeRuntime[] = [];
  private readonly byId = new Map<NodeId, NodeRuntime>();
  /**
   * Every node's id, and the voters', in the run's order: the same each run, so built once; each
   * run's result gets a copy (`slice` of a short array is cheap; a frozen array shared by every
   * run would be slow for whoever loops over it, as V8 takes its slow path for frozen arrays).
   */
  private readonly ids: readonly NodeId[];
  private readonly voterIds: readonly NodeId[];
  private readonly heap = new EventHeap<Scheduled>();
  private readonly network: Network;
  private readonly pendingRecoveries: NodeRuntime[] = [];
  private readonly faults: readonly Fault[];
  private readonly horizon: number;
  private readonly onEvent: ((event: TraceEvent) => void) | undefined;
  /** The protocol's own checker, if it brings one; it reads the events, kept here when the run keeps no trace. */
  private readonly judge: Judge | undefined;
  private judgedEvents: TraceEvent[] = [];
  private scenario: Scenario;
  private nextMessageId = 0;
  private everCommitted = false;
  private everAborted = false;
  private messagesSent = 0;
  private messagesDelivered = 0;
  private logWrites = 0;
  private lastEventAt = 0;
  private eventCount = 0;
  private readonly afterFault: ((world: World) => boolean) | undefined;
  private faultTookEffect = false;
  /** How many fault edges (a fault's `when`, a window's `until`) have fired so far. */
  faultEdges = 0;

  /** Builds the world of an already validated scenario. */
  constructor(scenario: Scenario, options: WorldOptions = {}) {
    this.tracing = (options.trace ?? 'objects') === 'objects';
    this.onEvent = options.onEvent;
    this.afterFault = options.afterFault;
    this.scenario = scenario;
    const definition = protocolDefinition(scenario.protocol.name)!;
    this.judge = judgeOf(definition.name);
    // A protocol's own checker reads events, so its runs record them even in sweeps.
    this.recording = this.tracing || this.onEvent !== undefined || this.judge !== undefined;
    this.horizon = scenario.horizon ?? DEFAULT_HORIZON;
    this.faults = scenario.faults ?? [];

    for (const { id, kind, ctx } of runNodes(definition, scenario.protocol, sizeOf(definition, scenario), scenario.votes).nodes) {
      const node = new NodeRuntime(id, this.nodes.length, kind === 'voter', roleOf(definition, scenario.protocol, id, kind), ctx);
      this.nodes.push(node);
      this.byId.set(id, node);
    }
    this.ids = this.nodes.map((n) => n.id);
    this.voterIds = this.nodes.filter((n) => n.isVoter).map((n) => n.id);

    const seed = scenario.seed ?? DEFAULT_SEED;
    const onSent = (e: Envelope) => this.schedule(e, this.byId.get(e.to)!);
    this.network = new Network(scenario.network ?? {}, this.faults, seed, options.link, onSent, this.nodes.length);
    this.begin();
  }

  /**
   * Readies the world for another run of `scenario`, which must be the validated scenario it was
   * built with but for its seed: the nodes, their roles and contexts, the links and their
   * pipelines are kept; everything a run changes starts over, so the run is the one a new
   * `World(scenario)` would make, event for event. A sweep and `simulate` reuse worlds this way.
   */
  reset(scenario: Scenario): this {
    this.scenario = scenario;
    this.trace = [];
    this.judgedEvents = [];
    this.now = 0;
    this.heap.clear();
    this.pendingRecoveries.length = 0;
    this.nextMessageId = 0;
    this.everCommitted = false;
    this.everAborted = false;
    this.messagesSent = 0;
    this.messagesDelivered = 0;
    this.logWrites = 0;
    this.lastEventAt = 0;
    this.eventCount = 0;
    this.faultTookEffect = false;
    this.faultEdges = 0;
    for (const node of this.nodes) node.reset();
    this.network.reset(scenario.seed ?? DEFAULT_SEED);
    this.begin();
    return this;
  }

  /** What every run starts with: its faults' triggers, drifts in force from the start, and each node's start. */
  private begin() {
    this.scheduleFaults();
    // A drift with no `when` is the node's clock from the start.
    this.faults.forEach((f, i) => f.kind === 'drift' && f.when === undefined && this.fire(i, 'when'));
    for (const node of this.nodes) this.heap.push(Scheduled.start(node), 0);
  }

  /** Runs until nothing is left to do or the horizon is reached. */
  run(): this {
    const heap = this.heap;
    for (;;) {
      const next = heap.peek();
      if (next === undefined || next.t > this.horizon) break;
      heap.pop();
      this.now = next.t;
      this.dispatch(next);
      while (this.pendingRecoveries.length > 0) this.recoverStep(this.pendingRecoveries.shift()!);
      if (this.faultTookEffect) {
        this.faultTookEffect = false;
        if (this.afterFault !== undefined && this.afterFault(this)) break;
      }
    }
    this.network.close();
    return this;
  }

  summary(): WorldSummary {
    const up: Record<NodeId, boolean> = {};
    const decisions: Record<NodeId, Decision | null> = {};
    const states: Record<NodeId, string> = {};
    const voters = this.voterIds.slice();
    for (const n of this.nodes) {
      up[n.id] = n.up;
      decisions[n.id] = n.durable.decision;
      states[n.id] = n.stateName;
    }
    const summary = { voters, up, decisions, states, everCommitted: this.everCommitted, everAborted: this.everAborted };
    if (this.judge === undefined) return summary;
    const trace = this.tracing ? this.trace : this.judgedEvents;
    return { ...summary, judged: this.judge.verdict({ trace, voters, scenario: this.scenario }) };
  }

  /** Every node's id, in the run's order (a new array). */
  nodeIds(): NodeId[] {
    return this.ids.slice();
  }

  /** The protocol's own checker's memory of the run so far (see `Judge.memory`), or null if it keeps none. */
  judgeMemory(): string | null {
    if (this.judge?.memory === undefined) return null;
    return this.judge.memory({ trace: this.tracing ? this.trace : this.judgedEvents, voters: [], scenario: this.scenario });
  }

  stats(): RunStats {
    return {
      messagesSent: this.messagesSent,
      messagesDelivered: this.messagesDelivered,
      logWrites: this.logWrites,
      duration: this.lastEventAt,
      events: this.eventCount,
    };
  }

  /**
   * The world's state as a string (see `fingerprint.ts`): two worlds with the same fingerprint
   * run the same from here on, when the network draws no random numbers.
   */
  fingerprint(): string {
    return fingerprint(this.now, this.nodes, this.heap, this.network.windows, this.faults);
  }

  // ---- links ----------------------------------------------------------------

  /** Where the send pipeline leaves an envelope: in the heap, or dropped on the spot. */
  private schedule(e: Envelope, to: NodeRuntime) {
    if (e.dropped !== null) {
      this.recording && this.traceDrop(e, e.dropped);
      return;
    }
    this.heap.push(Scheduled.deliver(to, e), Math.max(e.deliverAt, this.now));
  }

  // ---- faults ------------------------------------------------------------

  private scheduleFaults() {
    this.faults.forEach((f, i) => {
      if (f.when !== undefined) this.watch(f.when, i, 'when');
      if ('until' in f && f.until !== undefined) this.watch(f.until, i, 'until');
    });
  }

  private watch(trigger: Trigger, fault: number, edge: 'when' | 'until') {
    if (trigger.kind === 'at') {
      // Queued before every start, so it takes effect first at its tick.
      this.heap.push(Scheduled.fault(fault, edge), trigger.t);
      return;
    }
    const node = this.byId.get(trigger.node)!;
    const w = new Watch(trigger, fault, edge);
    if (trigger.kind === 'afterSend') (node.sendWatches ??= []).push(w);
    else if (trigger.kind === 'afterReceive') (node.receiveWatches ??= []).push(w);
    else (node.enterWatches ??= []).push(w);
  }

  private fire(index: number, edge: 'when' | 'until') {
    this.faultEdges++;
    this.faultTookEffect = true;
    const f = this.faults[index];
    const window = this.network.windows[index];
    if (window) {
      if (edge === 'when') window.opensAt = this.now;
      else window.closesAt = this.now;
      const nodes = f.kind === 'partition' ? f.groups.map((g) => g.join(',')) : [(f as { from: NodeId }).from, (f as { to: NodeId }).to];
      this.emit({ t: this.now, kind: 'window', fault: index, what: f.kind as 'cut' | 'partition' | 'slow', edge: edge === 'when' ? 'open' : 'close', nodes });
      return;
    }
    const node = this.byId.get((f as { node: NodeId }).node)!;
    switch (f.kind) {
      case 'crash':
        if (!node.up) return this.emit({ t: this.now, kind: 'crash', node: node.id, noop: true });
        node.up = false;
        node.epoch++;
        node.pausedUntil = -1;
        node.deferred = [];
        node.clearTimers();
        node.state = undefined;
        return this.emit({ t: this.now, kind: 'crash', node: node.id });
      case 'recover':
        if (node.up) return this.emit({ t: this.now, kind: 'recover', node: node.id, noop: true });
        node.up = true;
        this.emit({ t: this.now, kind: 'recover', node: node.id });
        // The recovery step runs as soon as the step that fired this one is over.
        this.pendingRecoveries.push(node);
        return;
      case 'drift':
        node.clock = f.rate;
        return this.emit({ t: this.now, kind: 'drift', node: node.id, rate: f.rate });
      case 'pause': {
        if (!node.up || node.pausedUntil >= 0) return this.emit({ t: this.now, kind: 'pause', node: node.id, until: this.now + f.ticks, noop: true });
        node.pausedUntil = this.now + f.ticks;
        node.pauses++;
        this.heap.push(Scheduled.resume(node), node.pausedUntil);
        return this.emit({ t: this.now, kind: 'pause', node: node.id, until: node.pausedUntil });
      }
    }
  }

  private check(watches: Watch[], matches: (t: Trigger) => boolean) {
    for (let i = 0; i < watches.length; i++) {
      const w = watches[i];
      if (w.seen >= w.nth || !matches(w.trigger)) continue;
      if (++w.seen === w.nth) this.fire(w.fault, w.edge);
    }
  }

  // ---- the run loop --------------------------------------------------------

  private dispatch(s: Scheduled) {
    switch (s.kind) {
      case 'fault':
        this.eventCount++;
        this.lastEventAt = this.now;
        return this.fire(s.faultIndex, s.name as 'when' | 'until');
      case 'resume': {
        const node = s.node!;
        if (!node.up || node.pauses !== s.epoch || node.pausedUntil < 0) return;
        node.pausedUntil = -1;
        this.emit({ t: this.now, kind: 'resume', node: node.id });
        // What waited is handled now, in the order it came, ahead of anything else due at this tick.
        const waiting = node.deferred;
        node.deferred = [];
        for (let i = 0; i < waiting.length; i++) {
          if (!node.up) return;
          if (node.pausedUntil >= 0) {
            node.deferred = waiting.slice(i).concat(node.deferred);
            return;
          }
          this.dispatch(waiting[i]);
        }
        return;
      }
      case 'start': {
        const node = s.node!;
        if (!node.up || node.started) return;
        if (node.pausedUntil >= 0) return void node.deferred.push(s);
        node.started = true;
        node.state = node.role.init(node.ctx);
        node.stateName = node.role.stateName(node.state);
        this.recording && this.emit(node.isVoter ? { t: this.now, kind: 'start', node: node.id, vote: node.ctx.vote } : { t: this.now, kind: 'start', node: node.id });
        return this.step(node, START);
      }
      case 'deliver':
        return this.arrive(s);
      case 'timer': {
        const node = s.node!;
        if (!node.up || node.epoch !== s.epoch || node.timer(s.name) !== s.generation) return; // stale
        if (node.pausedUntil >= 0) return void node.deferred.push(s);
        node.setTimer(s.name, undefined);
        this.recording && this.emit({ t: this.now, kind: 'timeout', node: node.id, timer: s.name });
        return this.step(node, { kind: 'timeout', timer: s.name });
      }
      case 'sends': {
        const node = s.node!;
        if (!node.up || node.epoch !== s.epoch) return;
        if (node.pausedUntil >= 0) return void node.deferred.push(s);
        return this.sendFrom(node, s.outputs!, s.nextSend);
      }
    }
  }

  private arrive(s: Scheduled) {
    const e = s.envelope!;
    const node = s.node!;
    if (node.pausedUntil >= 0 && node.up) {
      // It arrived; the paused process will read it when it runs again. Cuts judged it on arrival.
      if (!this.passes(e)) return;
      return void node.deferred.push(Scheduled.deliver(node, e, true));
    }
    if (!s.arrived && !this.passes(e)) return;
    if (!node.up) {
      this.recording && this.traceDrop(e, 'receiver down');
      return;
    }
    if (!node.started) {
      // Arrived before the node's own start at the same tick: it waits for the start.
      return void this.heap.push(s, this.now);
    }
    this.messagesDelivered++;
    this.recording && this.emit({ t: this.now, kind: 'deliver', node: node.id, from: e.from, message: e.message, id: e.id, sentAt: e.sentAt });
    this.step(node, { kind: 'receive', from: e.from, message: e.message });
  }

  /** Runs the arrival pipeline (cuts, partitions) on `e`; false if it dropped it. */
  private passes(e: Envelope): boolean {
    const out = this.network.arrive(e);
    if (out === null) return false; // a learner's `filter` swallowed it
    if (out.dropped !== null) {
      this.recording && this.traceDrop(e, out.dropped);
      return false;
    }
    return true;
  }

  private recoverStep(node: NodeRuntime) {
    if (!node.up) return;
    node.started = true;
    node.state = node.role.init(node.ctx);
    node.stateName = node.role.stateName(node.state);
    this.step(node, { kind: 'recover', log: node.durable.log.slice() });
  }

  /**
   * One step of one node, in the order the firing rules fix: its state change,
   * log writes, decision and timers; then afterReceive triggers; then onEnter
   * triggers; then its sends, each followed by its afterSend triggers. A crash
   * or pause fired along the way cancels or defers the rest.
   */
  private step(node: NodeRuntime, input: Input) {
    this.eventCount++;
    this.lastEventAt = this.now;
    const [next, outputs] = node.role.step(node.state, input);
    node.state = next;
    const before = node.stateName;
    const after = node.role.stateName(next);
    if (after !== before) {
      node.stateName = after;
      this.recording && this.emit({ t: this.now, kind: 'state', node: node.id, from: before, to: after });
    }
    // What the outputs mean for the node's log and decision is keptAfter's alone; what follows
    // here is what the world does about each (count, trace, schedule), and its timers, which it
    // keeps with their generations by keptAfter's rules (see `Kept`).
    let decided = node.durable.decision;
    let sends = 0;
    let durableChanged = false;
    for (let i = 0; i < outputs.length; i++) {
      const o = outputs[i];
      switch (o.kind) {
        case 'send':
          // It goes out after the step.
          sends++;
          break;
        case 'log':
          durableChanged = true;
          this.logWrites++;
          this.recording && this.emit({ t: this.now, kind: 'log', node: node.id, record: o.record });
          break;
        case 'decide':
          durableChanged = true;
          if (o.decision === decided) break; // the same decision again changes nothing
          decided = o.decision;
          if (o.decision === 'commit') this.everCommitted = true;
          else this.everAborted = true;
          this.recording && this.emit({ t: this.now, kind: 'decide', node: node.id, decision: o.decision });
          break;
        case 'setTimer': {
          const gen = node.restartTimer(o.timer);
          const after = node.clock === 1 ? o.after : Math.ceil(o.after / node.clock);
          this.heap.push(Scheduled.timer(node, o.timer, gen), this.now + after);
          break;
        }
        case 'cancelTimer':
          if (node.timer(o.timer) !== undefined) node.setTimer(o.timer, -1);
          break;
      }
    }
    // Only a log write or a decision changes what is durable: most steps have neither, and then
    // keptAfter would hand the same object back.
    if (durableChanged) node.durable = keptAfter(node.durable, outputs);
    if (input.kind === 'receive' && node.receiveWatches !== null) {
      const { from, message } = input;
      this.check(node.receiveWatches, (t) => t.kind === 'afterReceive' && t.type === message.type && (t.from === undefined || t.from === from));
    }
    if (after !== before && node.enterWatches !== null && node.up) {
      this.check(node.enterWatches, (t) => t.kind === 'onEnter' && t.state === after);
    }
    if (sends > 0) this.sendFrom(node, outputs, 0);
  }

  private sendFrom(node: NodeRuntime, outputs: readonly Output[], from: number) {
    for (let i = from; i < outputs.length; i++) {
      if (!node.up) return; // crashed mid-step: the rest is never sent
      if (node.pausedUntil >= 0) return holdBack(node, outputs, i);
      const o = outputs[i];
      if (o.kind !== 'send') continue;
      this.transmit(node, o.to, o.message);
      if (node.sendWatches !== null) this.checkSend(node.sendWatches, o.to, o.message);
    }
  }

  private transmit(node: NodeRuntime, to: NodeId, message: Message) {
    const target = this.byId.get(to);
    if (target === undefined) throw notANode(node.id, to, message);
    const id = this.nextMessageId++;
    this.messagesSent++;
    this.recording && this.traceSend(node, to, message, id);
    const e = this.network.send(id, node, target, message, this.now);
    if (e !== null) this.schedule(e, target);
  }

  /**
   * The trace's events of the send path, each built here rather than where it happens: a sweep
   * records none (callers test `recording` first), and kept out of `schedule`, `transmit` and
   * `sendFrom` their code leaves those small enough for V8 to inline into a step together, which
   * is what a step of a sweep runs (bench/README.md, fourth round).
   */
  private traceDrop(e: Envelope, reason: string): void {
    this.emit({ t: this.now, kind: 'drop', node: e.to, from: e.from, message: e.message, id: e.id, sentAt: e.sentAt, reason });
  }

  private traceSend(node: NodeRuntime, to: NodeId, message: Message, id: number): void {
    this.emit({ t: this.now, kind: 'send', node: node.id, to, message, id });
  }

  /** Counts a send towards the `afterSend` triggers waiting on its sender. */
  private checkSend(watches: Watch[], to: NodeId, message: Message): void {
    this.check(watches, (t) => t.kind === 'afterSend' && t.type === message.type && (t.to === undefined || t.to === to));
  }

  /** Records an event. Hot paths test `recording` first, so a sweep builds no event objects. */
  private emit(event: TraceEvent): void {
    if (!this.recording) return;
    if (this.tracing) this.trace.push(event);
    else if (this.judge !== undefined) this.judgedEvents.push(event);
    if (this.onEvent !== undefined) this.onEvent(event);
  }
}

const START: Input = { kind: 'start' };

/** The rest of a step's sends, from `outputs[from]` on, held back until the paused node runs again. */
function holdBack(node: NodeRuntime, outputs: readonly Output[], from: number): void {
  node.deferred.push(Scheduled.sends(node, outputs, from));
}

/** What sending to an id that is no node of the run throws (a learner's role may). */
function notANode(from: NodeId, to: NodeId, message: Message): Error {
  return new Error(`${from} sent ${message.type} to '${to}', which is not a node of this run`);
}


/**
 * Roles are pure and hold no run state, so one role object can serve every run of the
 * same protocol spec: a sweep builds them once instead of once per run. Only frozen
 * specs (as the builders return) are cached, since a mutable one may change between runs.
 */
const roles = new WeakMap<object, Map<string, Role>>();
function roleOf(definition: ProtocolDefinition, spec: ProtocolSpec, id: NodeId, kind: 'coordinator' | 'voter' | 'other'): Role {
  if (!Object.isFrozen(spec)) return definition.role(spec, id, kind);
  let bySpec = roles.get(spec);
  if (bySpec === undefined) roles.set(spec, (bySpec = new Map()));
  const key = `${kind}:${id}`;
  let role = bySpec.get(key);
  if (role === undefined) bySpec.set(key, (role = definition.role(spec, id, kind)));
  return role;
}
