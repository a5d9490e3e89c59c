// Bad input gets one ScenarioError that names the field and what is allowed there,
// thrown before anything runs (docs/DESIGN.md, "Scenarios and bad input").
import { describe, expect, it } from 'vitest';
import { afterSend, at, crash, cut, onEnter, partition, pause, ScenarioError, simulate, slow, twoPhaseCommit, type Scenario } from '../lib';

const base = { protocol: twoPhaseCommit(), voters: 3 };

function rejects(scenario: unknown, field: string, allowed: RegExp) {
  let error: unknown;
  try {
    simulate(scenario as Scenario);
  } catch (e) {
    error = e;
  }
  expect(error, `expected a ScenarioError at ${field}`).toBeInstanceOf(ScenarioError);
  const e = error as ScenarioError;
  expect(e.field).toBe(field);
  expect(e.message.startsWith(`${field}: `)).toBe(true);
  expect(e.message).toMatch(allowed);
}

describe('simulate refuses a bad scenario with one error naming the field', () => {
  it('an unknown node in a fault', () => rejects({ ...base, faults: [crash('v9', at(1))] }, 'faults[0].node', /'v9' is not a node.*coordinator, v1, v2, v3/));
  it('an unknown node in a trigger', () => rejects({ ...base, faults: [crash('v1', afterSend('v7', 'vote'))] }, 'faults[0].when.node', /nodes are coordinator, v1, v2, v3/));
  it('a fault on a node that exists in a bigger run only', () => rejects({ ...base, voters: 2, faults: [crash('v3', at(0))] }, 'faults[0].node', /nodes are coordinator, v1, v2$/));
  it('a negative time', () => rejects({ ...base, faults: [crash('v1', at(-1))] }, 'faults[0].when.t', /whole number from 0, got -1/));
  it('a fractional time', () => rejects({ ...base, faults: [crash('v1', at(1.5))] }, 'faults[0].when.t', /whole number from 0, got 1.5/));
  it('a time that is not a number', () => rejects({ ...base, faults: [crash('v1', at('soon' as never))] }, 'faults[0].when.t', /whole number from 0, got 'soon'/));
  it('a vote for a non-voter', () => rejects({ ...base, votes: { v4: 'no' } }, 'votes.v4', /not a voter; voters are v1, v2, v3/));
  it('a vote for the coordinator', () => rejects({ ...base, votes: { coordinator: 'no' } }, 'votes.coordinator', /not a voter/));
  it('a vote that is not yes or no', () => rejects({ ...base, votes: { v1: 'maybe' } }, 'votes.v1', /'yes' or 'no', got 'maybe'/));
  it('zero voters', () => rejects({ ...base, voters: 0 }, 'voters', /from 1 to 1000, got 0/));
  it('more than 1000 voters', () => rejects({ ...base, voters: 1001 }, 'voters', /from 1 to 1000, got 1001/));
  it('a fractional number of voters', () => rejects({ ...base, voters: 2.5 }, 'voters', /from 1 to 1000/));
  it('loss above 1', () => rejects({ ...base, network: { loss: 1.5 } }, 'network.loss', /probability from 0 to 1, got 1.5/));
  it('negative duplication', () => rejects({ ...base, network: { duplicate: -0.1 } }, 'network.duplicate', /probability from 0 to 1/));
  it('reorder that is not a number', () => rejects({ ...base, network: { reorder: 'often' } }, 'network.reorder', /probability from 0 to 1/));
  it('an empty delay range', () => rejects({ ...base, network: { delay: [5, 2] } }, 'network.delay', /\[5, 2\] is empty/));
  it('a negative delay', () => rejects({ ...base, network: { delay: [-1, 2] } }, 'network.delay[0]', /whole number of ticks from 0, got -1/));
  it('a delay that is neither a number nor a range', () => rejects({ ...base, network: { delay: [1, 2, 3] } }, 'network.delay', /\[min, max\]/));
  it('an unknown network option', () => rejects({ ...base, network: { jitter: 2 } }, 'network.jitter', /allowed: delay, loss, duplicate, reorder/));
  it('an unknown scenario field', () => rejects({ ...base, nodes: 3 }, 'nodes', /allowed: protocol, voters, votes, faults, network, seed, horizon/));
  it('an unknown protocol option', () => rejects({ ...base, protocol: { ...twoPhaseCommit(), retries: 3 } }, 'protocol.retries', /allowed: termination, timeout/));
  it('an unknown termination rule', () => rejects({ ...base, protocol: twoPhaseCommit({ termination: 'pray' as never }) }, 'protocol.termination', /one of 'wait', 'cooperative', got 'pray'/));
  it('an unknown protocol', () => rejects({ ...base, protocol: { name: 'fourPhaseCommit' } }, 'protocol.name', /unknown protocol 'fourPhaseCommit'; known: .*twoPhaseCommit/));
  it('a missing protocol', () => rejects({ voters: 3 }, 'protocol', /is required/));
  it('an unknown fault kind', () => rejects({ ...base, faults: [{ kind: 'meteor', node: 'v1', when: at(1) }] }, 'faults[0].kind', /allowed: crash, recover, partition, cut, slow, pause/));
  it('an unknown trigger', () => rejects({ ...base, faults: [{ kind: 'crash', node: 'v1', when: { kind: 'whenever' } }] }, 'faults[0].when.kind', /allowed: at, afterSend, afterReceive, onEnter/));
  it('a message type the protocol never sends', () => rejects({ ...base, faults: [crash('v1', afterSend('coordinator', 'comit'))] }, 'faults[0].when.type', /messages are prepare, vote, commit, abort, ack, ask/));
  it('a state the protocol never enters', () => rejects({ ...base, faults: [crash('v1', onEnter('v1', 'precommitted'))] }, 'faults[0].when.state', /states are init, waiting, prepared, committed, aborted/));
  it('an nth that is not a positive whole number', () => rejects({ ...base, faults: [crash('v1', afterSend('coordinator', 'prepare', { nth: 0 }))] }, 'faults[0].when.nth', /from 1/));
  it('a horizon that is not a positive integer', () => rejects({ ...base, horizon: 0 }, 'horizon', /positive whole number of ticks, got 0/));
  it('a fractional horizon', () => rejects({ ...base, horizon: 10.5 }, 'horizon', /positive whole number/));
  it('a seed that is not a whole number', () => rejects({ ...base, seed: 0.5 }, 'seed', /whole number, got 0.5/));
  it('overlapping partition groups', () => rejects({ ...base, faults: [partition([['coordinator', 'v1'], ['v1', 'v2']], at(1))] }, 'faults[0].groups[1][0]', /'v1' is already in groups\[0\]; groups must not overlap/));
  it('an empty partition', () => rejects({ ...base, faults: [partition([], at(1))] }, 'faults[0].groups', /non-empty array/));
  it('a cut from a node to itself', () => rejects({ ...base, faults: [cut('v1', 'v1', at(1))] }, 'faults[0].to', /two different nodes/));
  it('a window that closes before it opens', () => rejects({ ...base, faults: [cut('coordinator', 'v1', at(5), at(5))] }, 'faults[0].until', /after when/));
  it('a pause of no ticks', () => rejects({ ...base, faults: [pause('v1', at(1), 0)] }, 'faults[0].ticks', /from 1, got 0/));
  it('a slow link with negative extra ticks', () => rejects({ ...base, faults: [slow('v1', 'coordinator', -3)] }, 'faults[0].extraTicks', /from 1, got -3/));
  it('a fault missing its trigger', () => rejects({ ...base, faults: [{ kind: 'crash', node: 'v1' }] }, 'faults[0].when', /is required for crash/));
  it('an unknown field in a fault', () => rejects({ ...base, faults: [{ ...crash('v1', at(1)), after: 3 }] }, 'faults[0].after', /allowed: kind, node, when/));
  it('faults that are not an array', () => rejects({ ...base, faults: crash('v1', at(1)) }, 'faults', /array of faults/));
  it('a scenario that is not an object', () => rejects('2pc please', 'scenario', /expected an object/));

  it('names the first bad fault by its index, after good ones', () =>
    rejects({ ...base, faults: [crash('v1', at(1)), crash('v2', at(2)), crash('v8', at(3))] }, 'faults[2].node', /not a node/));

  it('runs nothing when it refuses: no event is ever reported', () => {
    const seen: unknown[] = [];
    const twoCrashes = { ...base, faults: [crash('v1', at(1)), crash('v8', at(3))] };
    expect(() => simulate(twoCrashes, { onEvent: (e) => seen.push(e) })).toThrow(ScenarioError);
    expect(seen).toEqual([]);
  });
});
