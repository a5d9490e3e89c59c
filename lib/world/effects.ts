import type { Decision, LogRecord, Message, NodeId, Output } from '../protocols/role';

/** What survives a node's crash: its log and its decision. */
export interface Durable {
  readonly log: readonly LogRecord[];
  readonly decision: Decision | null;
}

/**
 * What the model checker keeps of a node besides its role state: what is durable, and the names
 * of the timers it has running, sorted. The world keeps only the durable part here: its timers
 * carry a generation each (an expiry from before a restart is stale), so it keeps them with its
 * node (`NodeRuntime`), by the same rules: test/engine.test.ts follows runs of `simulate` through
 * the checker step by step, each timeout a step the checker must find running.
 */
export interface Kept extends Durable {
  readonly timers: readonly string[];
}

/** A message a step sends, and where it stands among the step's outputs. */
export interface Sending {
  readonly to: NodeId;
  readonly message: Message;
  readonly index: number;
}

const none: readonly never[] = Object.freeze([] as never[]);

/**
 * The one meaning of a role's outputs for what a node keeps, used by `simulate`, the explorer
 * and the model checker alike. A log write appends; a decision is kept (deciding the same again
 * changes nothing); setting a timer (re)starts it; cancelling stops it. A send changes nothing
 * kept: it goes out after the rest of the step (the firing rules in docs/DESIGN.md). Pure, and
 * returns `kept` itself when nothing changed, so a caller can tell by identity. Given only what
 * is `Durable` (the world's case), it keeps only that, and building no timer lists is then a
 * tenth of a sweep's time (bench/README.md).
 *
 * A whole step at once builds at most one log, one timer list and one `Kept`, where applying
 * its outputs one by one would build one of each per output; what they keep is the same
 * (test/engine.test.ts holds the two against each other). Every step of the explorer and the
 * checker comes here, and every step of `simulate` that writes the log or decides.
 *
 * @example
 * keptAfter(nothingKept, [logWrite({ type: 'prepare' }), setTimer('ask', 5)])
 * // { log: [{ type: 'prepare' }], decision: null, timers: ['ask'] }
 */
export function keptAfter(kept: Kept, outputs: readonly Output[]): Kept;
export function keptAfter(kept: Durable, outputs: readonly Output[]): Durable;
export function keptAfter(kept: Durable | Kept, outputs: readonly Output[]): Durable | Kept {
  let { log, decision } = kept;
  const running = 'timers' in kept ? kept.timers : null;
  let timers = running;
  for (let i = 0; i < outputs.length; i++) {
    const o = outputs[i];
    if (o.kind === 'log') log = appended(log, o.record);
    else if (o.kind === 'decide') decision = o.decision;
    else if (o.kind !== 'send' && timers !== null) timers = timersAfter(timers, o.kind, o.timer);
  }
  if (log === kept.log && timers === running && decision === kept.decision) return kept;
  return keptOf(log, decision, timers);
}

/** What a node keeps, with its running timers or (the world's case) without them. */
function keptOf(log: readonly LogRecord[], decision: Decision | null, timers: readonly string[] | null): Durable | Kept {
  return timers === null ? { log, decision } : { log, decision, timers };
}

/** One output's meaning: `keptAfter` of a step that has only it. */
export function applyOutput(kept: Kept, o: Output): Kept {
  return keptAfter(kept, [o]);
}

/** A whole step's outputs applied: what the node keeps after it, and the messages it sends, in order. */
export function applyOutputs(kept: Kept, outputs: readonly Output[]): { readonly kept: Kept; readonly sends: readonly Sending[] } {
  let sends: Sending[] | null = null;
  for (let i = 0; i < outputs.length; i++) {
    const o = outputs[i];
    if (o.kind === 'send') (sends ??= []).push({ to: o.to, message: o.message, index: i });
  }
  return { kept: keptAfter(kept, outputs), sends: sends ?? none };
}

/** What a node keeps before its first step. */
export const nothingKept: Kept = Object.freeze({ log: none, decision: null, timers: none });

/** What is durable before a node's first step: no log, no decision. */
export const nothingDurable: Durable = Object.freeze({ log: none, decision: null });

/** What a node keeps once `timer` has fired: the timer no longer runs. */
export function expired(kept: Kept, timer: string): Kept {
  const timers = timersAfter(kept.timers, 'cancelTimer', timer);
  return timers === kept.timers ? kept : { log: kept.log, decision: kept.decision, timers };
}

// A node writes a few records and runs a few timers, and sets or cancels one nearly every step:
// new arrays built by hand, element by element. `[...log, record]`, `[...timers, timer].sort()`
// and `filter` give the same arrays at several times the cost, as do `slice` and `push` on the
// frozen empty arrays a node starts with, and shortening an array by its `length`.

/** `log` with `record` after its last record. */
function appended(log: readonly LogRecord[], record: LogRecord): LogRecord[] {
  // A node's first record (most logs hold one or two): an array of one, where pushing onto an
  // empty one reserves room for seventeen.
  if (log.length === 0) return [record];
  const out: LogRecord[] = [];
  for (let i = 0; i < log.length; i++) out.push(log[i]);
  out.push(record);
  return out;
}

/**
 * The running timers (sorted) after setting or cancelling `timer`: the same list if that changes
 * nothing. Out of `keptAfter`'s loop, which the world runs every step without timers: kept
 * small, V8 inlines it into the step with the rest of the send path (bench/README.md).
 */
function timersAfter(timers: readonly string[], kind: 'setTimer' | 'cancelTimer', timer: string): readonly string[] {
  const at = indexOf(timers, timer);
  if (kind === 'setTimer') return at < 0 ? withTimer(timers, timer) : timers;
  return at >= 0 ? withoutTimer(timers, at) : timers;
}

/** Where `timer` is in `timers`, or -1. */
function indexOf(timers: readonly string[], timer: string): number {
  for (let i = 0; i < timers.length; i++) if (timers[i] === timer) return i;
  return -1;
}

/** `timers` (sorted, without `timer`) with `timer` in its place. */
function withTimer(timers: readonly string[], timer: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (; i < timers.length && timers[i] < timer; i++) out.push(timers[i]);
  out.push(timer);
  for (; i < timers.length; i++) out.push(timers[i]);
  return out;
}

/** `timers` without the one at `at`. */
function withoutTimer(timers: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < timers.length; i++) if (i !== at) out.push(timers[i]);
  return out;
}

/** What a node keeps across a crash: its log and its decision; its timers are gone. */
export function afterCrash(kept: Kept): Kept {
  return kept.timers.length === 0 ? kept : { log: kept.log, decision: kept.decision, timers: none };
}
