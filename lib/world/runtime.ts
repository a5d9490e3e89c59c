import type { Envelope } from '../faults/envelope';
import type { NodeContext, NodeId, Output, Role } from '../protocols/role';
import type { Trigger } from '../scenario/types';
import { nothingDurable, type Durable } from './effects';

// What the world keeps while it runs: each node's runtime, the entries of its event queue, and
// the triggers waiting for their event. Internal to lib/world.

/** What the world keeps of each node. Volatile fields are reset by a crash; what is `durable` (log, decision) is not. */
export class NodeRuntime {
  state: unknown = undefined;
  stateName = 'init';
  up = true;
  pausedUntil = -1;
  /** Bumped by each crash, so that timers and continuations from before it are ignored. */
  epoch = 0;
  /** Bumped by each pause, so that a resume matches its own pause. */
  pauses = 0;
  /** How fast its clock runs against true time (a `drift` fault): its timers take 1/clock as long. */
  clock = 1;
  /**
   * Each timer's generation by name, so that an expiry from before a restart or a crash is
   * ignored: undefined if unset or expired, -1 once cancelled. Two short arrays scanned in
   * place of a dictionary object: a node has a few timer names, set and looked up every step.
   */
  private timerNames: string[] = [];
  private timerGenerations: (number | undefined)[] = [];
  /** What arrived or fell due while paused, in order; replayed on resume. */
  deferred: Scheduled[] = [];
  /** Its log and its decision, as `keptAfter` keeps them. */
  durable: Durable = nothingDurable;
  started = false;
  sendWatches: Watch[] | null = null;
  receiveWatches: Watch[] | null = null;
  enterWatches: Watch[] | null = null;

  constructor(readonly id: NodeId, readonly index: number, readonly isVoter: boolean, readonly role: Role, readonly ctx: NodeContext) {}

  /** The generation of the timer `name`: undefined if it is not set (or has expired), -1 if cancelled. */
  timer(name: string): number | undefined {
    const names = this.timerNames;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return this.timerGenerations[i];
    return undefined;
  }

  /** Sets the generation of the timer `name`; undefined forgets it, as an expiry does. */
  setTimer(name: string, generation: number | undefined): void {
    const names = this.timerNames;
    for (let i = 0; i < names.length; i++) {
      if (names[i] === name) {
        this.timerGenerations[i] = generation;
        return;
      }
    }
    if (generation === undefined) return;
    names.push(name);
    this.timerGenerations.push(generation);
  }

  /**
   * Starts (or restarts) the timer `name` and returns its new generation, one more than the
   * last one it had this run (1 the first time): `setTimer(name, (timer(name) ?? 0) + 1)` in one
   * scan, since every setTimer output of every step comes here.
   */
  restartTimer(name: string): number {
    const names = this.timerNames;
    for (let i = 0; i < names.length; i++) {
      if (names[i] === name) return (this.timerGenerations[i] = (this.timerGenerations[i] ?? 0) + 1);
    }
    names.push(name);
    this.timerGenerations.push(1);
    return 1;
  }

  /**
   * Forgets every timer (a crash, a new run). The few names a role uses stay, each with no
   * generation, which reads as never set, so a sweep's next run builds no arrays for them;
   * names made per operation (`reply:3`) would pile up, so a long list starts over.
   */
  clearTimers(): void {
    const generations = this.timerGenerations;
    if (generations.length > 8) {
      this.timerNames = [];
      this.timerGenerations = [];
      return;
    }
    for (let i = 0; i < generations.length; i++) generations[i] = undefined;
  }

  /** Back to how a run finds it, for another run of the same world; its triggers are set again by the world. */
  reset(): void {
    this.state = undefined;
    this.stateName = 'init';
    this.up = true;
    this.pausedUntil = -1;
    this.epoch = 0;
    this.pauses = 0;
    this.clock = 1;
    this.clearTimers();
    // An array a run left empty is kept for the next; a filled one is replaced.
    if (this.deferred.length > 0) this.deferred = [];
    this.durable = nothingDurable;
    this.started = false;
    this.sendWatches = null;
    this.receiveWatches = null;
    this.enterWatches = null;
  }
}

export type ScheduledKind = 'start' | 'deliver' | 'timer' | 'fault' | 'resume' | 'sends';

/**
 * One entry of the event queue. One class, so the heap holds objects of one shape; build one with
 * the static function of its kind, and read its number by the getter that names what it means.
 */
export class Scheduled {
  t = 0;
  seq = 0;
  private constructor(
    readonly kind: ScheduledKind,
    readonly node: NodeRuntime | null,
    readonly envelope: Envelope | null,
    /** The timer's name; for a fault, its edge ('when' | 'until'); for a delivery, 'arrived' once a paused node holds it. */
    readonly name: string,
    /** See the getters below: its meaning depends on `kind`. */
    private readonly n: number,
    /** The node's crash epoch (timer, sends) or pause number (resume) it belongs to. */
    readonly epoch: number,
    readonly outputs: readonly Output[] | null,
  ) {}

  static start(node: NodeRuntime): Scheduled {
    return new Scheduled('start', node, null, '', 0, 0, null);
  }
  /** A message on its way; `arrived` once it has passed the cuts and waits for a paused node. */
  static deliver(node: NodeRuntime, envelope: Envelope, arrived = false): Scheduled {
    return new Scheduled('deliver', node, envelope, arrived ? 'arrived' : '', 0, 0, null);
  }
  static timer(node: NodeRuntime, timer: string, generation: number): Scheduled {
    return new Scheduled('timer', node, null, timer, generation, node.epoch, null);
  }
  static fault(index: number, edge: 'when' | 'until'): Scheduled {
    return new Scheduled('fault', null, null, edge, index, 0, null);
  }
  static resume(node: NodeRuntime): Scheduled {
    return new Scheduled('resume', node, null, '', 0, node.pauses, null);
  }
  /** The rest of a step's sends, from `outputs[from]` on, held back by a pause. */
  static sends(node: NodeRuntime, outputs: readonly Output[], from: number): Scheduled {
    return new Scheduled('sends', node, null, '', from, node.epoch, outputs);
  }

  /** A timer's generation: it fires only if the node has not restarted the timer since. */
  get generation(): number {
    return this.n;
  }
  /** A fault's index in the scenario's faults. */
  get faultIndex(): number {
    return this.n;
  }
  /** Where the held-back sends resume among the step's outputs. */
  get nextSend(): number {
    return this.n;
  }
  get arrived(): boolean {
    return this.name === 'arrived';
  }
}

/** A trigger waiting for its event. It fires once, when its count reaches `nth`. */
export class Watch {
  seen = 0;
  readonly nth: number;
  constructor(readonly trigger: Trigger, readonly fault: number, readonly edge: 'when' | 'until') {
    this.nth = trigger.kind === 'at' ? 1 : trigger.nth ?? 1;
  }
}
