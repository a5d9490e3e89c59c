import type { ProtocolSpec } from '../protocols/protocol';
import { ScenarioError } from '../scenario/error';
import type { Scenario } from '../scenario/types';
import { show, validateScenario } from '../scenario/validate';
import { simulate, type Run } from '../world/simulate';
import type { WorldOptions } from '../world/world';

/** A scenario without its protocol: the fault script that `compare` runs under each protocol. */
export type FaultScript = Omit<Scenario, 'protocol'>;

/** What `compare` needs: the protocols, in the order the runs come back, and one fault script. */
export interface CompareOptions {
  readonly protocols: readonly ProtocolSpec[];
  readonly scenario: FaultScript;
}

/**
 * Runs one fault script under each protocol and returns the runs in the protocols' order,
 * so that the same faults can be seen side by side (`spaceTime` per run, verdicts in a row).
 * Every protocol's scenario is checked before any runs: a message type or state that one
 * protocol does not know (a trigger on `preCommit` under 2PC) is a `ScenarioError` naming
 * `scenario.<field>` and the protocol, and a bad protocol one naming `protocols[i]`.
 *
 * @example
 * const [twoPC, paxos] = compare({
 *   protocols: [twoPhaseCommit(), paxosCommit()],
 *   scenario: {
 *     voters: 3,
 *     faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })), crash('v1', afterReceive('v1', 'commit'))],
 *   },
 * });
 * [twoPC.verdict, paxos.verdict]; // ['blocked', 'committed']
 */
export function compare(options: CompareOptions, world: WorldOptions = {}): Run[] {
  if (typeof options !== 'object' || options === null) {
    throw new ScenarioError('compare', `expected { protocols: [twoPhaseCommit(), paxosCommit()], scenario: { voters: 3, faults: [...] } }, got ${show(options)}`);
  }
  const { protocols, scenario } = options;
  if (!Array.isArray(protocols) || protocols.length === 0) {
    throw new ScenarioError('protocols', `expected a non-empty array of protocols such as [twoPhaseCommit(), paxosCommit()], got ${show(protocols)}`);
  }
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
    throw new ScenarioError('scenario', `expected a scenario without its protocol, such as { voters: 3, faults: [crash('coordinator', at(2))] }, got ${show(scenario)}`);
  }
  if ('protocol' in scenario) {
    throw new ScenarioError('scenario.protocol', 'leave it out: compare runs the scenario under each of `protocols` in turn');
  }
  const scenarios = protocols.map((protocol, i) => {
    const whole = { protocol, ...scenario } as Scenario;
    try {
      validateScenario(whole);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      if (e.field === 'protocol' || e.field.startsWith('protocol.')) throw new ScenarioError(`protocols[${i}]${e.field.slice('protocol'.length)}`, e.problem);
      throw new ScenarioError(`scenario.${e.field}`, `${e.problem} (under protocols[${i}], ${nameOf(protocol)})`);
    }
    return whole;
  });
  return scenarios.map((s) => simulate(s, world));
}

function nameOf(protocol: unknown): string {
  return typeof protocol === 'object' && protocol !== null && typeof (protocol as ProtocolSpec).name === 'string' ? (protocol as ProtocolSpec).name : show(protocol);
}
