// One line for a bad scenario (issue 18; COURSE.md, "bad input = one clear ScenarioError"):
// printed in a notebook (tslab prints a cell's error with console.error, that is util.inspect)
// it is its message and field alone; in a script, the message comes first, with no dump of fields.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
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

// Uncaught, Node prints the error itself, and first an excerpt of the line that threw it (in
// validate.ts). These run real scripts under tsx, as a learner runs theirs.
describe('a ScenarioError uncaught in a script run with tsx (issue 18)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-error-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lib = JSON.stringify(join(__dirname, '..', 'lib', 'index'));
  const BAD = "simulate({ protocol: twoPhaseCommit(), faults: [crash('coordinater', at(1))] });";

  function run(name: string, body: string) {
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, `import { at, crash, simulate, twoPhaseCommit } from ${lib};\n${body}\n`);
    const tsx = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const r = spawnSync(process.execPath, [tsx, file], { encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stderr: r.stderr, stdout: r.stdout };
  }

  it('prints the message on the first line, before any source, and exits with status 1', () => {
    const r = run('uncaught', BAD);
    expect(r.stderr.split('\n')[0]).toBe(MESSAGE);
    expect(r.stderr).not.toContain('throw new ScenarioError');
    expect(r.status).toBe(1);
  });

  it('leaves a later, unrelated uncaught error to Node as it always prints it', () => {
    const r = run('later', `try { ${BAD} } catch { /* the learner handled it */ }\nsetTimeout(() => { throw new TypeError('mine'); }, 10);`);
    // Node's own report: the excerpt of the throwing line comes first.
    expect(r.stderr.split('\n')[0]).toMatch(/later\.ts:\d+$/);
    expect(r.stderr).toContain('TypeError: mine');
    expect(r.status).toBe(1);
  });

  it("steps aside for a script's own handler of uncaught errors", () => {
    const r = run('own', `process.on('uncaughtException', (e) => { console.log('mine:', (e as Error).name); });\n${BAD}`);
    expect(r.stdout).toContain('mine: ScenarioError');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
