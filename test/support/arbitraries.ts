// Generators of fault scripts for the property tests (fast-check). One place, so that
// every protocol's properties are tested against faults drawn the same way.
import fc from 'fast-check';
import { afterReceive, afterSend, at, crash, cut, onEnter, partition, pause, recover, slow, type Fault, type Trigger } from '../../lib';

export interface TriggerSpace {
  readonly nodes: readonly string[];
  readonly messages: readonly string[];
  readonly states: readonly string[];
  /** Latest tick of an `at` trigger. */
  readonly maxTick: number;
  /** Highest `nth` of a send or receive trigger. */
  readonly maxNth: number;
  /** If given, an `afterSend` may name its receiver among these. */
  readonly sendTo?: readonly string[];
}

/** Any trigger: a tick, a send, a receive or a state entry of any node. */
export function triggers(space: TriggerSpace): fc.Arbitrary<Trigger> {
  const { nodes, messages, states, maxTick, maxNth, sendTo } = space;
  const send = sendTo
    ? fc
        .record({
          node: fc.constantFrom(...nodes),
          type: fc.constantFrom(...messages),
          to: fc.option(fc.constantFrom(...sendTo), { nil: undefined }),
          nth: fc.integer({ min: 1, max: maxNth }),
        })
        .map(({ node, type, to, nth }) => afterSend(node, type, to === undefined ? { nth } : { to, nth }))
    : fc
        .record({ node: fc.constantFrom(...nodes), type: fc.constantFrom(...messages), nth: fc.integer({ min: 1, max: maxNth }) })
        .map(({ node, type, nth }) => afterSend(node, type, { nth }));
  return fc.oneof(
    fc.integer({ min: 0, max: maxTick }).map(at),
    send,
    fc.record({ node: fc.constantFrom(...nodes), type: fc.constantFrom(...messages), nth: fc.integer({ min: 1, max: maxNth }) })
      .map(({ node, type, nth }) => afterReceive(node, type, { nth })),
    fc.record({ node: fc.constantFrom(...nodes), state: fc.constantFrom(...states) }).map(({ node, state }) => onEnter(node, state)),
  );
}

/** An end for a window that comes after its start when both are ticks (a ScenarioError otherwise). */
export const after = (when: Trigger, until: Trigger | undefined): Trigger | undefined =>
  until && when.kind === 'at' && until.kind === 'at' && until.t <= when.t ? at(when.t + 1 + until.t) : until;

export interface FaultSpace {
  readonly nodes: readonly string[];
  readonly trigger: fc.Arbitrary<Trigger>;
  /** Largest group of a partition. */
  readonly groupMax: number;
  /** If given, slow links of up to this many extra ticks are drawn too. */
  readonly slowMax?: number;
  /** Longest pause, in ticks. */
  readonly pauseMax: number;
}

/** A link between two different nodes, as [from, to]. */
export const links = (nodes: readonly string[]) =>
  fc.tuple(fc.constantFrom(...nodes), fc.constantFrom(...nodes)).filter(([a, b]) => a !== b);

/** Any one fault: crash, recover, cut, partition, slow (if asked) or pause, on any node or link. */
export function faults(space: FaultSpace): fc.Arbitrary<Fault> {
  const { nodes, trigger, groupMax, slowMax, pauseMax } = space;
  const link = links(nodes);
  const kinds: fc.Arbitrary<Fault>[] = [
    fc.tuple(fc.constantFrom(...nodes), trigger).map(([n, t]) => crash(n, t)),
    fc.tuple(fc.constantFrom(...nodes), trigger).map(([n, t]) => recover(n, t)),
    fc.tuple(link, trigger, fc.option(trigger, { nil: undefined })).map(([[a, b], t, u]) => cut(a, b, t, after(t, u))),
    fc
      .tuple(fc.subarray([...nodes], { minLength: 1, maxLength: groupMax }), trigger, fc.option(trigger, { nil: undefined }))
      .map(([g, t, u]) => partition([g], t, after(t, u))),
  ];
  if (slowMax !== undefined)
    kinds.push(fc.tuple(link, fc.integer({ min: 1, max: slowMax }), trigger).map(([[a, b], k, t]) => slow(a, b, k, t)));
  kinds.push(fc.tuple(fc.constantFrom(...nodes), trigger, fc.integer({ min: 1, max: pauseMax })).map(([n, t, k]) => pause(n, t, k)));
  return fc.oneof(...kinds);
}
