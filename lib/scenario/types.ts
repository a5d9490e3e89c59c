import type { NodeId, Vote } from '../protocols/role';
import type { ProtocolSpec } from '../protocols/protocol';

/** When a fault happens: at a tick, or right after a named event. Plain data. */
export type Trigger =
  /** At the start of tick `t`, before anything else at `t`. */
  | { readonly kind: 'at'; readonly t: number }
  /** Right after `node` sends its `nth` (default first) message of `type` (to `to`, if given). */
  | { readonly kind: 'afterSend'; readonly node: NodeId; readonly type: string; readonly to?: NodeId; readonly nth?: number }
  /** Right after `node` has handled its `nth` received `type` (from `from`, if given), before it replies. */
  | { readonly kind: 'afterReceive'; readonly node: NodeId; readonly type: string; readonly from?: NodeId; readonly nth?: number }
  /** Right after `node` enters `state` for the `nth` time, before it sends anything from it. */
  | { readonly kind: 'onEnter'; readonly node: NodeId; readonly state: string; readonly nth?: number };

/** Something that goes wrong, and when. Plain data. */
export type Fault =
  /** The node stops: it loses its volatile state and timers, keeps its log, and receives nothing. */
  | { readonly kind: 'crash'; readonly node: NodeId; readonly when: Trigger }
  /** A crashed node comes back and replays its log. */
  | { readonly kind: 'recover'; readonly node: NodeId; readonly when: Trigger }
  /** The nodes split into groups that cannot reach each other, over `[when, until)`. */
  | { readonly kind: 'partition'; readonly groups: readonly (readonly NodeId[])[]; readonly when: Trigger; readonly until?: Trigger }
  /** Messages from `from` to `to` (one direction) are dropped over `[when, until)`. */
  | { readonly kind: 'cut'; readonly from: NodeId; readonly to: NodeId; readonly when: Trigger; readonly until?: Trigger }
  /** Messages from `from` to `to` sent over `[when, until)` take `extraTicks` longer. */
  | { readonly kind: 'slow'; readonly from: NodeId; readonly to: NodeId; readonly extraTicks: number; readonly when?: Trigger; readonly until?: Trigger }
  /** The node stops taking steps for `ticks` (a GC pause): no steps, no timers; messages wait. */
  | { readonly kind: 'pause'; readonly node: NodeId; readonly when: Trigger; readonly ticks: number }
  /** From `when` (from the start, if none) the node's clock runs at `rate` times true speed: its timers take 1/rate as long. */
  | { readonly kind: 'drift'; readonly node: NodeId; readonly rate: number; readonly when?: Trigger };

/** The network every link shares. Probabilities are per message, in [0, 1]. */
export interface NetworkOptions {
  /** Ticks a message takes: a fixed number, or `[min, max]` drawn per message. @defaultValue 1 */
  readonly delay?: number | readonly [number, number];
  /** Chance a message is lost. @defaultValue 0 */
  readonly loss?: number;
  /** Chance a message is delivered twice. @defaultValue 0 */
  readonly duplicate?: number;
  /** Chance a message is held back a few ticks, so that later ones overtake it. @defaultValue 0 */
  readonly reorder?: number;
}

/** One run, as JSON: `simulate(JSON.parse(JSON.stringify(scenario)))` replays it exactly. */
export interface Scenario {
  /** The protocol and its options, from a builder such as `twoPhaseCommit()`. */
  readonly protocol: ProtocolSpec;
  /** How many voters (`v1`..`vN`). @defaultValue 3 */
  readonly voters?: number;
  /**
   * How many clients (`c1`..`cN`), for a protocol with nodes of its own such as `leaseLock`.
   * @defaultValue the protocol's (2 for `leaseLock`)
   */
  readonly clients?: number;
  /** Votes other than yes, e.g. `{ v3: 'no' }`. @defaultValue every voter votes yes */
  readonly votes?: Readonly<Record<NodeId, Vote>>;
  /** What goes wrong, and when. @defaultValue none */
  readonly faults?: readonly Fault[];
  readonly network?: NetworkOptions;
  /** The seed of every random choice of the run. @defaultValue 1 */
  readonly seed?: number;
  /** The virtual time at which the run stops, in ticks. @defaultValue 1000 */
  readonly horizon?: number;
}
