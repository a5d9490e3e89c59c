import { defineProtocol, protocolDefinition } from '../protocols/protocol';
// Loaded for its registration of leaseLock, whose definition the learner's version copies.
import '../protocols/lease-lock/index';
import type { LeaseLockSpec } from '../protocols/lease-lock/index';
import { client } from '../protocols/lease-lock/client';
import { lockService } from '../protocols/lease-lock/lock';
import type { Input, Output, Role } from '../protocols/role';

/** The store's state in the lab: the highest fencing token it has accepted a write under (0: none). */
export interface StoreState {
  readonly highest: number;
}

/** The store's step, as the learner writes it: one input in, the next state and the outputs out. */
export type StoreStep = (state: StoreState, input: Input) => readonly [StoreState, readonly Output[]];

/** The protocol name under which the learner's store runs. */
export const LEARNER_LEASE = 'leaseLock/learner';

/**
 * Runs the lease lock with the learner's store in place of the library's, so the simulator,
 * `lockSafety` and the charts can judge it. The lock service and the clients are the
 * library's. Returns the protocol spec to put in a scenario; the last call's step runs.
 *
 * @example
 * const protocol = leaseLockWith(storeStep, { lease: 20 });
 * simulate({ protocol, faults: [pause('c1', afterReceive('c1', 'granted'), 100)] }).verdict;
 */
export function leaseLockWith(step: StoreStep, options: { lease?: number; work?: number } = {}) {
  const store: Role<StoreState> = { init: () => ({ highest: 0 }), stateName: () => 'serving', step };
  defineProtocol({
    ...protocolDefinition('leaseLock')!,
    name: LEARNER_LEASE,
    role(spec, node) {
      const s = spec as unknown as LeaseLockSpec;
      if (node === 'lock') return lockService(s.lease, s.lockDelay);
      if (node === 'store') return store;
      return client({ lease: s.lease, work: s.work, margin: s.margin });
    },
  });
  // The same options as leaseLock; `fencing` is the learner's store's to do, so it says true.
  return Object.freeze({
    name: LEARNER_LEASE,
    lease: options.lease ?? 20,
    fencing: true,
    work: options.work ?? 5,
    margin: 2,
    lockDelay: 0,
  });
}
