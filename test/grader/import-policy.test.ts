// No answer reachable (issue 17; COURSE.md "Exercises and grading": nothing on the public face,
// and nothing a learner may import, solves an exercise). The library's public face carries the
// answers the lessons run on, so a graded file may import from '../lib' only names that solve
// nothing; everything else is refused before the file runs, with one line saying what may be imported.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProblem, LEARNER_IMPORTS } from '../../grader/import-policy';
import { exercises } from '../../grader/manifest';
import * as lib from '../../lib';
import { project } from './support';

const file = 'exercises/01-duplicate.ts';

describe('the import policy of graded files (grader/import-policy.ts)', () => {
  it("accepts the public face's builders, types of any name, and rxjs", () => {
    expect(importProblem("import { send, setTimer, type Role, type World } from '../lib';\nimport { Observable } from 'rxjs';", file)).toBeNull();
    expect(importProblem("import type { TraceEvent, Run } from '../lib/index';", file)).toBeNull();
  });

  it("refuses a name on the public face that answers an exercise: links (01's duplicate), agreement (03), skeen (05), leaderDecision (08), protocolDefinition (every role)", () => {
    for (const name of ['links', 'agreement', 'skeen', 'leaderDecision', 'safeValue', 'protocolDefinition', 'World', 'simulate', 'rolesSystem']) {
      const problem = importProblem(`import { ${name} as mine } from '../lib';`, file);
      expect(problem, name).toContain(`imports ${name} from '../lib', which would answer for you`);
      expect(problem, name).toContain('exercises may import ../lib and rxjs only');
    }
  });

  it('refuses deep imports into the library, even of types, and says what may be imported, on one line', () => {
    const problem = importProblem("import { paperRules } from '../lib/protocols/paxos-commit/decision';", file)!;
    expect(problem).toContain('imports "../lib/protocols/paxos-commit/decision", inside the library');
    expect(problem).not.toContain('\n');
    expect(importProblem("import type { Role } from '../lib/protocols/role';", file)).toContain('inside the library');
  });

  it('refuses the ways around names: import * as, re-exports, dynamic imports of the library, require, import.meta.glob, the runner internals', () => {
    for (const source of [
      "import * as kit from '../lib';",
      "export * from '../lib';",
      "export { links } from '../lib';",
      "import { duplicate } from './../lib/faults/duplicate';",
      "const kit = await import('../lib');",
      "const m = await import('../lib/' + 'faults/duplicate');",
      "const m = require('../lib/faults/duplicate');",
      "const all = import.meta.glob('../lib/**');",
      "const w = (globalThis as any).__vitest_worker__;",
    ]) expect(importProblem(source, file), source).not.toBeNull();
  });

  it("leaves modules outside the library to the sandbox's resolver and Node's permissions, whose messages the hostile suite checks", () => {
    for (const source of ["import { expect } from 'vitest';", "import('vitest');", "import fs from 'node:fs';", "const url = import.meta.url;", "import t from '../instructor/hidden/02-tally.grade.ts?raw';"]) {
      expect(importProblem(source, file), source).toBeNull();
    }
  });

  it('every name it allows exists on the public face, so the list cannot drift from the library', () => {
    for (const name of LEARNER_IMPORTS) expect(Object.keys(lib), name).toContain(name);
  });

  it('every delegating wrong answer in test/grader/variants is refused (grade.test.ts shows each earns zero)', () => {
    const dir = join(project, 'test', 'grader', 'variants');
    const delegating = readdirSync(dir).flatMap((id) =>
      readdirSync(join(dir, id)).filter((f) => readFileSync(join(dir, id, f), 'utf8').includes('A delegating answer')).map((f) => join(dir, id, f)));
    expect(delegating.length).toBeGreaterThanOrEqual(8);
    for (const path of delegating) expect(importProblem(readFileSync(path, 'utf8'), 'exercises/x.ts'), path).not.toBeNull();
  });

  it('the reference solutions keep to it', () => {
    const dir = join(project, 'solutions');
    for (const f of readdirSync(dir)) expect(importProblem(readFileSync(join(dir, f), 'utf8'), `exercises/${f}`), f).toBeNull();
  });
});

describe('answer-bearing library files (the student version ships them compiled)', () => {
  const marked = (dir: string): { file: string; ids: string[] }[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return marked(path);
      const first = e.name.endsWith('.ts') ? readFileSync(path, 'utf8').split('\n', 1)[0] : '';
      const m = /^\/\/ answer-bearing: ([0-9a-z -]+?) \(/.exec(first);
      return m ? [{ file: path, ids: m[1].split(' ') }] : [];
    });

  it('each header names exercises of the manifest, and each lab and rule-in-the-library exercise has its file marked', () => {
    const files = marked(join(project, 'lib'));
    const ids = new Set(exercises.map((e) => e.id));
    for (const f of files) for (const id of f.ids) expect(ids.has(id), `${f.file}: ${id}`).toBe(true);
    const covered = new Set(files.flatMap((f) => f.ids));
    for (const id of ['01-duplicate', '03-agreement', '04-voter', '04-voter-recovery', '05-elect', '08-leader', '08-acceptor']) expect(covered.has(id), id).toBe(true);
  });
});
