/**
 * The contract between a protocol role and the world that runs it.
 *
 * A role is a pure state machine: `step(state, input) -> [state, outputs]`.
 * It reads no clock, draws no random number and performs no I/O; it says
 * what it wants done (send, set a timer, write the log, decide) and the
 * world does it. That is what makes every run replayable and every role
 * testable on its own, as etcd/raft's `Step` and XState's `transition` are.
 */

/** A node's id: `coordinator`, voters `v1`..`vN`, acceptors `a1`..`aN`. */
export type NodeId = string;

/** What a node finally settles on. */
export type Decision = 'commit' | 'abort';

/** What a voter answers when asked whether it can commit. */
export type Vote = 'yes' | 'no';

/** A protocol message: its `type` plus whatever fields the protocol needs. Plain data. */
export interface Message {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** A durable log record: it survives a crash; everything else a node holds does not. */
export interface LogRecord {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** What the world hands a role. */
export type Input =
  /** The transaction begins (time 0, or when the node first runs). */
  | { readonly kind: 'start' }
  /** A message arrived. */
  | { readonly kind: 'receive'; readonly from: NodeId; readonly message: Message }
  /** A timer the role set has expired. */
  | { readonly kind: 'timeout'; readonly timer: string }
  /** The node came back after a crash; `log` is its durable log, oldest first. */
  | { readonly kind: 'recover'; readonly log: readonly LogRecord[] };

/** What a role asks the world to do. */
export type Output =
  | { readonly kind: 'send'; readonly to: NodeId; readonly message: Message }
  /** Start (or restart) the timer of this name; it fires `after` ticks from now. */
  | { readonly kind: 'setTimer'; readonly timer: string; readonly after: number }
  | { readonly kind: 'cancelTimer'; readonly timer: string }
  /** Append to the durable log. */
  | { readonly kind: 'log'; readonly record: LogRecord }
  /** Commit or abort, visibly and for good. */
  | { readonly kind: 'decide'; readonly decision: Decision };

/** What a node knows about the world it lives in; fixed for the whole run. */
export interface NodeContext {
  readonly id: NodeId;
  /** The coordinator's id, always `coordinator`. */
  readonly coordinator: NodeId;
  /** Every voter, in id order (`v1` first). */
  readonly voters: readonly NodeId[];
  /** Every other node of the protocol that is neither coordinator nor voter (acceptors). */
  readonly others: readonly NodeId[];
  /** This node's vote, for a voter. */
  readonly vote: Vote;
}

/** The result of one step: the next state and what to do, in order. */
export type Step<S> = readonly [S, readonly Output[]];

/** A protocol role: one node's behaviour as a pure function. */
export interface Role<S = any> {
  /** The state a node starts in, and that a crash leaves it with before it reads its log. */
  init(ctx: NodeContext): S;
  /** One step: the state after `input`, and the outputs to perform. Must not mutate `state`. */
  step(state: S, input: Input): Step<S>;
  /** The name of the state (`init`, `prepared`, ...) that traces and charts show. */
  stateName(state: S): string;
}

/** Outputs are plain data; these build them so roles read like the textbook. */
export const send = (to: NodeId, message: Message): Output => ({ kind: 'send', to, message });
export const setTimer = (timer: string, after: number): Output => ({ kind: 'setTimer', timer, after });
export const cancelTimer = (timer: string): Output => ({ kind: 'cancelTimer', timer });
export const logWrite = (record: LogRecord): Output => ({ kind: 'log', record });
export const decide = (decision: Decision): Output => ({ kind: 'decide', decision });

/** The empty output list, shared so that steps which do nothing allocate nothing. */
export const nothing: readonly Output[] = Object.freeze([]) as readonly Output[];
