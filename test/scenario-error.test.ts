// One line for a bad scenario (issue 18; COURSE.md, "bad input = one clear ScenarioError"):
// printed in a notebook (tslab prints a cell's error with console.error, that is util.inspect)
// it is its message and field alone; in a script, the message comes first, with no dump of fields.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { crash, at, ScenarioError, simulate, twoPhaseCommit } from '../lib';

const MESSAGE = "ScenarioError: faults[0].node: 'coordinater' is not a node of this run; nodes are coordinator, v1, v2, v3";

function thrown(): ScenarioError {
  try {
    simulate({ protocol: twoPhaseCommit(), faults: [crash('coordinater', at(1))] });
  } catch (e) {
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}

describe('a ScenarioError as a learner sees it printed (issue 18)', () => {
  const saved = (globalThis as { __tslab__?: unknown }).__tslab__;
  afterEach(() => {
    (globalThis as { __tslab__?: unknown }).__tslab__ = saved;
  });

  it('in a notebook cell is one line: the field and what is allowed there, no stack', () => {
    (globalThis as { __tslab__?: unknown }).__tslab__ = {};
    expect(inspect(thrown())).toBe(MESSAGE);
  });

  it('in a script starts with that line, then where it was thrown, with no dump of its fields', () => {
    delete (globalThis as { __tslab__?: unknown }).__tslab__;
    const printed = inspect(thrown());
    expect(printed.split('\n')[0]).toBe(MESSAGE);
    expect(printed.split('\n')[1]).toMatch(/^\s+at /);
    expect(printed).not.toContain('problem:');
  });

  it('still carries its field and problem for code that catches it', () => {
    const e = thrown();
    expect(e).toBeInstanceOf(ScenarioError);
    expect(e.field).toBe('faults[0].node');
    expect(e.problem).toMatch(/^'coordinater' is not a node/);
  });
});
