import type { Decision, LogRecord, Message, NodeId, Output } from '../protocols/role';

/**
 * What a node keeps besides its role state: its durable log, its decision (durable too), and
 * the names of the timers it has running, sorted. The world and the explorer keep the same.
 */
export interface Kept {
  readonly log: readonly LogRecord[];
  readonly decision: Decision | null;
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
 * The one meaning of a role's output for what a node keeps, used by `simulate`, the explorer
 * and the model checker alike. A log write appends; a decision is kept (deciding the same again
 * changes nothing); setting a timer (re)starts it; cancelling stops it. A send changes nothing
 * kept: it goes out after the rest of the step (the firing rules in docs/DESIGN.md). Pure, and
 * returns `kept` itself when nothing changed, so a caller can tell by identity.
 *
 * @example applyOutput(nothingKept, logWrite({ type: 'prepare' })).log // [{ type: 'prepare' }]
 */
export function applyOutput(kept: Kept, o: Output): Kept {
  switch (o.kind) {
    case 'log':
      return { log: [...kept.log, o.record], decision: kept.decision, timers: kept.timers };
    case 'decide':
      return kept.decision === o.decision ? kept : { log: kept.log, decision: o.decision, timers: kept.timers };
    case 'setTimer':
      return kept.timers.includes(o.timer) ? kept : { log: kept.log, decision: kept.decision, timers: withTimer(kept.timers, o.timer) };
    case 'cancelTimer':
      return kept.timers.includes(o.timer) ? { log: kept.log, decision: kept.decision, timers: withoutTimer(kept.timers, o.timer) } : kept;
    case 'send':
      return kept;
  }
}

/** A whole step's outputs applied: what the node keeps after it, and the messages it sends, in order. */
export function applyOutputs(kept: Kept, outputs: readonly Output[]): { readonly kept: Kept; readonly sends: readonly Sending[] } {
  let sends: Sending[] | null = null;
  for (let i = 0; i < outputs.length; i++) {
    const o = outputs[i];
    if (o.kind === 'send') (sends ??= []).push({ to: o.to, message: o.message, index: i });
    else kept = applyOutput(kept, o);
  }
  return { kept, sends: sends ?? none };
}

/** What a node keeps before its first step. */
export const nothingKept: Kept = Object.freeze({ log: none, decision: null, timers: none });

/** What a node keeps once `timer` has fired: the timer no longer runs. */
export function expired(kept: Kept, timer: string): Kept {
  return kept.timers.includes(timer) ? { log: kept.log, decision: kept.decision, timers: withoutTimer(kept.timers, timer) } : kept;
}

// A node runs a few timers and sets or cancels one nearly every step: a sorted insert and a
// removal by hand, the same arrays `[...timers, timer].sort()` and `filter` give, without a
// sort's comparisons and callbacks.

/** `timers` (sorted, without `timer`) with `timer` in its place. */
function withTimer(timers: readonly string[], timer: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (; i < timers.length && timers[i] < timer; i++) out.push(timers[i]);
  out.push(timer);
  for (; i < timers.length; i++) out.push(timers[i]);
  return out;
}

/** `timers` without `timer`, which it holds once. */
function withoutTimer(timers: readonly string[], timer: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < timers.length; i++) if (timers[i] !== timer) out.push(timers[i]);
  return out;
}

/** What a node keeps across a crash: its log and its decision; its timers are gone. */
export function afterCrash(kept: Kept): Kept {
  return kept.timers.length === 0 ? kept : { log: kept.log, decision: kept.decision, timers: none };
}
