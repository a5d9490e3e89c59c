import { protocolDefinition, protocolNames, type ProtocolDefinition, type ProtocolSpec } from '../protocols/protocol';
import { ScenarioError } from './error';
import type { Scenario } from './types';

import { nodesOf, type RunNodes } from '../protocols/nodes';
import { DEFAULT_VOTERS, MAX_VOTERS } from './defaults';
export { DEFAULT_HORIZON, DEFAULT_SEED, DEFAULT_VOTERS, MAX_VOTERS, sizeOf } from './defaults';

const SCENARIO_FIELDS = ['protocol', 'voters', 'votes', 'faults', 'network', 'seed', 'horizon', 'clients'];
const NETWORK_FIELDS = ['delay', 'loss', 'duplicate', 'reorder'];
const FAULT_FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  crash: { required: ['node', 'when'], optional: [] },
  recover: { required: ['node', 'when'], optional: [] },
  partition: { required: ['groups', 'when'], optional: ['until'] },
  cut: { required: ['from', 'to', 'when'], optional: ['until'] },
  slow: { required: ['from', 'to', 'extraTicks'], optional: ['when', 'until'] },
  pause: { required: ['node', 'when', 'ticks'], optional: [] },
  drift: { required: ['node', 'rate'], optional: ['when'] },
};

/** The slowest and the fastest clock `drift` allows, as rates of true speed. */
export const MIN_DRIFT_RATE = 0.01;
export const MAX_DRIFT_RATE = 100;
const TRIGGER_FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  at: { required: ['t'], optional: [] },
  afterSend: { required: ['node', 'type'], optional: ['to', 'nth'] },
  afterReceive: { required: ['node', 'type'], optional: ['from', 'nth'] },
  onEnter: { required: ['node', 'state'], optional: ['nth'] },
};

/**
 * Checks a whole scenario before anything runs, and throws one `ScenarioError`
 * naming the first field that is wrong and what it allows.
 */
export function validateScenario(scenario: unknown): asserts scenario is Scenario {
  if (!isObject(scenario)) throw new ScenarioError('scenario', `expected an object such as { protocol: twoPhaseCommit(), voters: 3 }, got ${show(scenario)}`);
  onlyFields(scenario, SCENARIO_FIELDS, '');

  const definition = validateProtocol(scenario.protocol);
  const spec = scenario.protocol as ProtocolSpec;

  const own = definition.ownNodes;
  if (own) {
    // Its nodes are its own: it has clients, and neither voters nor votes.
    for (const field of ['voters', 'votes']) {
      if (scenario[field] !== undefined) throw new ScenarioError(field, `${definition.name} has no voters; size its run with clients (1 to ${own.maxClients})`);
    }
  } else if (scenario.clients !== undefined) {
    throw new ScenarioError('clients', `${definition.name} has no clients; size its run with voters (1 to ${MAX_VOTERS})`);
  }
  const size = own ? scenario.clients ?? own.defaultClients : scenario.voters ?? DEFAULT_VOTERS;
  const [sizeField, most] = own ? ['clients', own.maxClients] : ['voters', MAX_VOTERS];
  if (!Number.isInteger(size) || (size as number) < 1 || (size as number) > most) {
    throw new ScenarioError(sizeField, `expected a whole number from 1 to ${most}, got ${show(scenario[sizeField])}`);
  }
  const unmet = definition.needs?.(spec, size as number);
  if (unmet) throw new ScenarioError(`protocol.${unmet.option}`, unmet.problem);
  const nodes = nodesOf(definition, spec, size as number);

  if (scenario.votes !== undefined) {
    if (!isObject(scenario.votes)) throw new ScenarioError('votes', `expected an object such as { v3: 'no' }, got ${show(scenario.votes)}`);
    for (const [voter, vote] of Object.entries(scenario.votes)) {
      if (!nodes.voters.includes(voter)) throw new ScenarioError(`votes.${voter}`, `${show(voter)} is not a voter; voters are ${describeNodes(nodes.voters)}`);
      if (vote !== 'yes' && vote !== 'no') throw new ScenarioError(`votes.${voter}`, `expected 'yes' or 'no', got ${show(vote)}`);
    }
  }

  if (scenario.network !== undefined) validateNetwork(scenario.network);

  if (scenario.seed !== undefined && !Number.isSafeInteger(scenario.seed)) {
    throw new ScenarioError('seed', `expected a whole number, got ${show(scenario.seed)}`);
  }
  if (scenario.horizon !== undefined && (!Number.isSafeInteger(scenario.horizon) || (scenario.horizon as number) <= 0)) {
    throw new ScenarioError('horizon', `expected a positive whole number of ticks, got ${show(scenario.horizon)}`);
  }

  if (scenario.faults !== undefined) {
    if (!Array.isArray(scenario.faults)) throw new ScenarioError('faults', `expected an array of faults such as [crash('v1', at(3))], got ${show(scenario.faults)}`);
    const run: RunFacts = { definition, spec, nodes, nodeSet: new Set(nodes.all) };
    scenario.faults.forEach((fault, i) => validateFault(run, fault, `faults[${i}]`));
  }
}

/**
 * What checking a fault needs to know of its run. The checks below take it as an argument rather
 * than closing over it: functions declared inside `validateScenario` were built anew on every
 * call (and, under tsx, each named by a wrapper), which `simulate` paid once per run.
 */
interface RunFacts {
  readonly definition: ProtocolDefinition;
  readonly spec: ProtocolSpec;
  readonly nodes: RunNodes;
  readonly nodeSet: ReadonlySet<string>;
}

function validateFault(run: RunFacts, fault: unknown, path: string) {
  if (!isObject(fault)) throw new ScenarioError(path, `expected a fault such as crash('v1', at(3)), got ${show(fault)}`);
  const shape = typeof fault.kind === 'string' ? FAULT_FIELDS[fault.kind] : undefined;
  if (!shape || !Object.hasOwn(FAULT_FIELDS, fault.kind as string)) {
    throw new ScenarioError(`${path}.kind`, `unknown fault kind ${show(fault.kind)}; allowed: ${Object.keys(FAULT_FIELDS).join(', ')}`);
  }
  fieldsOf(fault, shape, path);
  switch (fault.kind) {
    case 'crash':
    case 'recover':
      node(run, fault.node, `${path}.node`);
      break;
    case 'pause':
      node(run, fault.node, `${path}.node`);
      ticks(fault.ticks, `${path}.ticks`);
      break;
    case 'drift':
      node(run, fault.node, `${path}.node`);
      if (typeof fault.rate !== 'number' || !(fault.rate >= MIN_DRIFT_RATE && fault.rate <= MAX_DRIFT_RATE)) {
        throw new ScenarioError(`${path}.rate`, `expected a clock rate from ${MIN_DRIFT_RATE} to ${MAX_DRIFT_RATE} (1 is true time, 0.5 half speed, 2 double), got ${show(fault.rate)}`);
      }
      break;
    case 'cut':
    case 'slow':
      node(run, fault.from, `${path}.from`);
      node(run, fault.to, `${path}.to`);
      if (fault.from === fault.to) throw new ScenarioError(`${path}.to`, `a link joins two different nodes; both ends are ${show(fault.to)}`);
      if (fault.kind === 'slow') ticks(fault.extraTicks, `${path}.extraTicks`);
      break;
    case 'partition': {
      if (!Array.isArray(fault.groups) || fault.groups.length === 0) {
        throw new ScenarioError(`${path}.groups`, `expected a non-empty array of node groups such as [['coordinator', 'v1'], ['v2', 'v3']], got ${show(fault.groups)}`);
      }
      const seen = new Map<string, number>();
      fault.groups.forEach((group: unknown, g: number) => {
        if (!Array.isArray(group) || group.length === 0) throw new ScenarioError(`${path}.groups[${g}]`, `expected a non-empty array of node ids, got ${show(group)}`);
        group.forEach((n: unknown, k: number) => {
          node(run, n, `${path}.groups[${g}][${k}]`);
          const before = seen.get(n as string);
          if (before !== undefined) throw new ScenarioError(`${path}.groups[${g}][${k}]`, `${show(n)} is already in groups[${before}]; groups must not overlap`);
          seen.set(n as string, g);
        });
      });
      break;
    }
  }
  if (fault.when !== undefined) trigger(run, fault.when, `${path}.when`);
  if (fault.until !== undefined) trigger(run, fault.until, `${path}.until`);
  if (fault.when && fault.until && fault.when.kind === 'at' && fault.until.kind === 'at' && fault.until.t <= fault.when.t) {
    throw new ScenarioError(`${path}.until`, `must come after when (at(${fault.when.t})), got at(${fault.until.t})`);
  }
}

function trigger(run: RunFacts, t: unknown, path: string) {
  if (!isObject(t)) throw new ScenarioError(path, `expected a trigger such as at(5) or afterSend('coordinator', 'commit'), got ${show(t)}`);
  const shape = typeof t.kind === 'string' && Object.hasOwn(TRIGGER_FIELDS, t.kind) ? TRIGGER_FIELDS[t.kind] : undefined;
  if (!shape) throw new ScenarioError(`${path}.kind`, `unknown trigger ${show(t.kind)}; allowed: ${Object.keys(TRIGGER_FIELDS).join(', ')}`);
  fieldsOf(t, shape, path);
  if (t.kind === 'at') return time(t.t, `${path}.t`);
  node(run, t.node, `${path}.node`);
  if (t.kind === 'onEnter') {
    if (!run.definition.states.includes(t.state as string)) {
      throw new ScenarioError(`${path}.state`, `${show(t.state)} is not a state of ${run.spec.name}; states are ${run.definition.states.join(', ')}`);
    }
  } else if (!run.definition.messages.includes(t.type as string)) {
    throw new ScenarioError(`${path}.type`, `${show(t.type)} is not a message of ${run.spec.name}; messages are ${run.definition.messages.join(', ')}`);
  }
  if (t.to !== undefined) node(run, t.to, `${path}.to`);
  if (t.from !== undefined) node(run, t.from, `${path}.from`);
  if (t.nth !== undefined && (!Number.isSafeInteger(t.nth) || (t.nth as number) < 1)) {
    throw new ScenarioError(`${path}.nth`, `expected a whole number from 1 (the first), got ${show(t.nth)}`);
  }
}

function node(run: RunFacts, n: unknown, path: string) {
  if (typeof n !== 'string' || !run.nodeSet.has(n)) throw new ScenarioError(path, `${show(n)} is not a node of this run; nodes are ${describeNodes(run.nodes.all)}`);
}

function validateProtocol(protocol: unknown): ProtocolDefinition {
  if (protocol === undefined) throw new ScenarioError('protocol', `is required; use one of ${protocolNames().map((n) => `${n}()`).join(', ')}`);
  if (!isObject(protocol) || typeof protocol.name !== 'string') {
    throw new ScenarioError('protocol', `expected a protocol from a builder such as twoPhaseCommit(), got ${show(protocol)}`);
  }
  const definition = protocolDefinition(protocol.name);
  if (!definition) throw new ScenarioError('protocol.name', `unknown protocol ${show(protocol.name)}; known: ${protocolNames().join(', ')}`);
  for (const [option, value] of Object.entries(protocol)) {
    if (option === 'name') continue;
    const rule = Object.hasOwn(definition.options, option) ? definition.options[option] : undefined;
    if (!rule) {
      const allowed = Object.keys(definition.options);
      throw new ScenarioError(`protocol.${option}`, `unknown option of ${definition.name}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`);
    }
    if ('oneOf' in rule) {
      if (!rule.oneOf.includes(value as string)) throw new ScenarioError(`protocol.${option}`, `expected one of ${rule.oneOf.map(show).join(', ')}, got ${show(value)}`);
    } else if (!Number.isSafeInteger(value) || (value as number) < rule.integer.min || (value as number) > rule.integer.max) {
      throw new ScenarioError(`protocol.${option}`, `expected a whole number from ${rule.integer.min} to ${rule.integer.max}, got ${show(value)}`);
    }
  }
  return definition;
}

function validateNetwork(network: unknown) {
  if (!isObject(network)) throw new ScenarioError('network', `expected an object such as { delay: [1, 3], loss: 0.1 }, got ${show(network)}`);
  onlyFields(network, NETWORK_FIELDS, 'network');
  const { delay } = network;
  if (delay !== undefined) {
    if (Array.isArray(delay)) {
      if (delay.length !== 2) throw new ScenarioError('network.delay', `expected [min, max] ticks, got ${show(delay)}`);
      ticks(delay[0], 'network.delay[0]', 0);
      ticks(delay[1], 'network.delay[1]', 0);
      if (delay[1] < delay[0]) throw new ScenarioError('network.delay', `the range [${delay[0]}, ${delay[1]}] is empty: min must not exceed max`);
    } else {
      ticks(delay, 'network.delay', 0);
    }
  }
  for (const p of ['loss', 'duplicate', 'reorder']) {
    const value = network[p];
    if (value !== undefined && (typeof value !== 'number' || !(value >= 0 && value <= 1))) {
      throw new ScenarioError(`network.${p}`, `expected a probability from 0 to 1, got ${show(value)}`);
    }
  }
}

function time(t: unknown, path: string) {
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) throw new ScenarioError(path, `expected a tick: a whole number from 0, got ${show(t)}`);
}

function ticks(t: unknown, path: string, min = 1) {
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < min) {
    throw new ScenarioError(path, `expected a whole number of ticks from ${min}, got ${show(t)}`);
  }
}

function fieldsOf(value: Record<string, unknown>, shape: { required: string[]; optional: string[] }, path: string) {
  for (const field of shape.required) {
    if (value[field] === undefined) throw new ScenarioError(`${path}.${field}`, `is required for ${String(value.kind)}`);
  }
  onlyFields(value, ['kind', ...shape.required, ...shape.optional], path);
}

function onlyFields(value: Record<string, unknown>, allowed: string[], path: string) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ScenarioError(path ? `${path}.${key}` : key, `unknown field; allowed: ${allowed.join(', ')}`);
  }
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeNodes(nodes: readonly string[]): string {
  return nodes.length <= 8 ? nodes.join(', ') : `${nodes.slice(0, 4).join(', ')}, ..., ${nodes[nodes.length - 1]}`;
}

/** A value as it would be typed, for messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only a value JSON cannot print (a cycle, a bigint) reaches here
    return String(value);
  }
}
