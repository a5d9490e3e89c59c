import type { NodeId } from '../protocols/role';
import type { Fault, Trigger } from './types';

// Every builder returns plain data, so that a scenario is JSON and a failing
// case prints as a line a learner can paste back into `simulate`.

/**
 * At the start of tick `t`, before any delivery or timer at `t`.
 * @example crash('coordinator', at(0)) // the coordinator never starts
 */
export const at = (t: number): Trigger => ({ kind: 'at', t });

/**
 * Right after `node` sends a message of `type` (the `nth` such, default the first), before its next send.
 * A broadcast goes to voters in id order, so `{ to: 'v1' }` fires before v2 and v3 get theirs.
 * @example crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' }))
 */
export const afterSend = (node: NodeId, type: string, options: { to?: NodeId; nth?: number } = {}): Trigger =>
  ({ kind: 'afterSend', node, type, ...options });

/**
 * Right after `node` has handled a `type` message (state change, log writes, decision), before it replies.
 * @example crash('v2', afterReceive('v2', 'prepare')) // v2 is prepared but its vote is never sent
 */
export const afterReceive = (node: NodeId, type: string, options: { from?: NodeId; nth?: number } = {}): Trigger =>
  ({ kind: 'afterReceive', node, type, ...options });

/**
 * Right after `node` enters `state` (the `nth` time, default the first), before it sends anything.
 * @example crash('coordinator', onEnter('coordinator', 'committed'))
 */
export const onEnter = (node: NodeId, state: string, options: { nth?: number } = {}): Trigger =>
  ({ kind: 'onEnter', node, state, ...options });

/**
 * The node crashes: volatile state and timers are lost, the log survives, nothing reaches it.
 * @example crash('v2', afterSend('v2', 'vote'))
 */
export const crash = (node: NodeId, when: Trigger): Fault => ({ kind: 'crash', node, when });

/**
 * A crashed node comes back and follows its protocol's recovery rule from its log.
 * @example recover('v2', at(30))
 */
export const recover = (node: NodeId, when: Trigger): Fault => ({ kind: 'recover', node, when });

/**
 * The network splits into `groups` over `[when, until)`; nodes named in no group form one more group.
 * Messages delivered while it holds are dropped, in-flight ones included.
 * @example partition([['coordinator', 'v1']], at(3), at(50)) // v2 and v3 are the other side
 */
export const partition = (groups: readonly (readonly NodeId[])[], when: Trigger, until?: Trigger): Fault =>
  (until === undefined ? { kind: 'partition', groups, when } : { kind: 'partition', groups, when, until });

/**
 * The link from `from` to `to` (one direction only) drops every message delivered over `[when, until)`.
 * @example cut('coordinator', 'v2', afterSend('v2', 'vote')) // never healed
 */
export const cut = (from: NodeId, to: NodeId, when: Trigger, until?: Trigger): Fault =>
  (until === undefined ? { kind: 'cut', from, to, when } : { kind: 'cut', from, to, when, until });

/**
 * Messages from `from` to `to` sent over `[when, until)` take `extraTicks` more (always, if no `when`).
 * @example slow('v1', 'coordinator', 50) // every reply arrives long after the timeout
 */
export const slow = (from: NodeId, to: NodeId, extraTicks: number, when?: Trigger, until?: Trigger): Fault => {
  const fault: { kind: 'slow'; from: NodeId; to: NodeId; extraTicks: number; when?: Trigger; until?: Trigger } = { kind: 'slow', from, to, extraTicks };
  if (when !== undefined) fault.when = when;
  if (until !== undefined) fault.until = until;
  return fault;
};

/**
 * A process pause (a long GC, a stopped VM): for `ticks` the node takes no step and no timer fires;
 * messages that arrive wait for it.
 * @example pause('v1', afterReceive('v1', 'request'), 30)
 */
export const pause = (node: NodeId, when: Trigger, ticks: number): Fault => ({ kind: 'pause', node, when, ticks });

/**
 * A clock that lies (DDIA ch. 8, "Unreliable Clocks"): from `when` (from the start, if none)
 * the node's clock runs at `rate` times true speed, so a timer it sets for `n` ticks fires
 * after `ceil(n / rate)` true ticks. `0.5` is a slow clock (timers take twice as long), `2` a
 * fast one. Timers already set keep their time; a crash does not mend the clock.
 * @example drift('c1', 0.25) // c1's lease timer of 18 ticks fires after 72
 */
export const drift = (node: NodeId, rate: number, when?: Trigger): Fault =>
  (when === undefined ? { kind: 'drift', node, rate } : { kind: 'drift', node, rate, when });
