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

/**
 * A protocol message: its `type` plus whatever fields the protocol needs. Plain data.
 * A protocol narrows it to a union of its own messages, one member per `type` with exact
 * fields (`TwoPhaseCommitMessage`), and types its roles `Role<S, ThatUnion>`: then
 * `switch (message.type)` narrows each case to its fields, and a field the protocol does not
 * have does not compile. The world, the explorer and the checker carry plain `Message`.
 * A union member must be a type alias (an object type), not an interface: only object
 * types fit the index signature below.
 */
export interface Message {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * A durable log record: it survives a crash; everything else a node holds does not. A protocol
 * narrows it as it narrows `Message`: a union of its records (`TwoPhaseCommitRecord`), its roles
 * typed `Role<S, M, ThatUnion>` so that the log a `recover` case reads is that union, and a
 * `logWrite` that takes only that union (`LogWrite`). The world, the explorer and the checkers
 * carry plain `LogRecord`. As for messages, a union member must be a type alias, not an interface.
 */
export interface LogRecord {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** What the world hands a role; `M` is the protocol's messages, `R` its log records. */
export type Input<M extends Message = Message, R extends LogRecord = LogRecord> =
  /** The transaction begins (time 0, or when the node first runs). */
  | { readonly kind: 'start' }
  /** A message arrived. */
  | { readonly kind: 'receive'; readonly from: NodeId; readonly message: M }
  /** A timer the role set has expired. */
  | { readonly kind: 'timeout'; readonly timer: string }
  /** The node came back after a crash; `log` is its durable log, oldest first. */
  | { readonly kind: 'recover'; readonly log: readonly R[] };

/** What a role asks the world to do; `M` is the protocol's messages, `R` its log records. */
export type Output<M extends Message = Message, R extends LogRecord = LogRecord> =
  | { readonly kind: 'send'; readonly to: NodeId; readonly message: M }
  /** Start (or restart) the timer of this name; it fires `after` ticks from now. */
  | { readonly kind: 'setTimer'; readonly timer: string; readonly after: number }
  | { readonly kind: 'cancelTimer'; readonly timer: string }
  /** Append to the durable log. */
  | { readonly kind: 'log'; readonly record: R }
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
export type Step<S, M extends Message = Message, R extends LogRecord = LogRecord> = readonly [S, readonly Output<M, R>[]];

/**
 * A protocol role: one node's behaviour as a pure function, over states `S`, the
 * protocol's messages `M` and its log records `R` (what `recover` reads back). The world
 * holds every role as a plain `Role` (its state `unknown`, its messages `Message`, its
 * records `LogRecord`); a `Role<S, M, R>` is one, since methods compare their parameters
 * both ways.
 */
export interface Role<S = unknown, M extends Message = Message, R extends LogRecord = LogRecord> {
  /** The state a node starts in, and that a crash leaves it with before it reads its log. */
  init(ctx: NodeContext): S;
  /** One step: the state after `input`, and the outputs to perform. Must not mutate `state`. */
  step(state: S, input: Input<M, R>): Step<S, M, R>;
  /** The name of the state (`init`, `prepared`, ...) that traces and charts show. */
  stateName(state: S): string;
}

/**
 * Outputs are plain data; these build them so roles read like the textbook. `send` keeps the
 * literal types of the message it is given (`{ type: 'vote', vote: 'yes' }`), and `logWrite` of
 * the record, so the result fits a protocol's union; each output carries no message or record of
 * another kind (`never`), so it fits every protocol's outputs.
 */
export const send = <const M extends Message>(to: NodeId, message: M): Output<M, never> => built('send', to, message, undefined, undefined, undefined, undefined);
export const setTimer = (timer: string, after: number): Output<never, never> => built('setTimer', undefined, undefined, timer, after, undefined, undefined);
export const cancelTimer = (timer: string): Output<never, never> => built('cancelTimer', undefined, undefined, timer, undefined, undefined, undefined);
export const logWrite = <const R extends LogRecord>(record: R): Output<never, R> => built('log', undefined, undefined, undefined, undefined, record, undefined);
export const decide = (decision: Decision): Output<never, never> => built('decide', undefined, undefined, undefined, undefined, undefined, decision);

/**
 * How the builders above make every output: one class, its fields in one order, those its kind
 * does not use left undefined. The world, the explorer and `keptAfter` read `kind` of every
 * output of every step, and outputs of five shapes made each of those reads a megamorphic
 * look-up in V8 (5% of a sweep, bench/README.md); outputs of one shape make it a plain load.
 * It reads as the plain data `Output` describes: `JSON.stringify` leaves undefined fields out,
 * vitest's `toEqual` ignores them, and printing one (`console.log`, a notebook) shows only its
 * kind's fields. An output written as an object literal works the same, only slower.
 */
class BuiltOutput {
  constructor(
    readonly kind: Output['kind'],
    readonly to: NodeId | undefined,
    readonly message: Message | undefined,
    readonly timer: string | undefined,
    readonly after: number | undefined,
    readonly record: LogRecord | undefined,
    readonly decision: Decision | undefined,
  ) {}

  /** How Node's `util.inspect` (console.log, tslab) prints it: as the literal it stands for. */
  [Symbol.for('nodejs.util.inspect.custom')](): object {
    const shown: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (v !== undefined) shown[k] = v;
    return shown;
  }
}

/** An output of the builders' one shape, typed as the `Output` it is. */
function built<O extends Output<Message, LogRecord>>(
  kind: O['kind'],
  to: NodeId | undefined,
  message: Message | undefined,
  timer: string | undefined,
  after: number | undefined,
  record: LogRecord | undefined,
  decision: Decision | undefined,
): O {
  return new BuiltOutput(kind, to, message, timer, after, record, decision) as unknown as O;
}

/**
 * `send` for one protocol's messages only, so that a message it does not define, or a field
 * its message does not have, does not compile:
 * `export const send: Send<TwoPhaseCommitMessage> = anySend;` beside the union.
 */
export type Send<M extends Message> = (to: NodeId, message: M) => Output<M, never>;

/**
 * `logWrite` for one protocol's records only, so that a record it does not define, or a field
 * its record does not have, does not compile:
 * `export const logWrite: LogWrite<TwoPhaseCommitRecord> = anyLogWrite;` beside the union.
 */
export type LogWrite<R extends LogRecord> = (record: R) => Output<never, R>;

/** The empty output list, shared so that steps which do nothing allocate nothing. */
export const nothing: readonly Output<never, never>[] = Object.freeze([]);
