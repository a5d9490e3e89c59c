// Issue 21, "the manifest and catalog discovered rather than regex-edited": the judges' door to
// the answers, grader/reference.ts, is written by no tool. It re-exports grader/reference-rules.ts,
// which `npm run build-exercises` writes from instructor/reference/ (every `expected...` export, each
// wrapped so that `npm run student-version` can record its answers) and whose staleness
// `build-exercises --check` reports, as it does for the exercise and case lists (tools/indexes.ts).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as reference from '../../grader/reference';
import { indexDrift, indexes, REFERENCE_INDEX, referenceIndex, referenceRules, writeIndexes } from '../../tools/indexes';

const project = resolve(__dirname, '..', '..');

describe("the judges' door to the reference rules, in this repository", () => {
  it('exports exactly the rules of instructor/reference/, each recorded under its own name', () => {
    const rules = referenceRules(project).flatMap((f) => f.rules);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(reference).filter((k) => k !== 'recordAnswers').sort()).toEqual([...rules].sort());
    for (const rule of rules) expect(typeof (reference as Record<string, unknown>)[rule], rule).toBe('function');
  });

  it('reports each rule call to the recorder while one listens, and none after', () => {
    const calls: unknown[] = [];
    const stop = reference.recordAnswers((rule, args, answer) => calls.push([rule, args, answer]));
    // Skeen's termination rule (05-elect): commit if a node is precommitted, else abort.
    const answers = [['uncertain'], ['uncertain', 'precommitted']].map(reference.expectedElect as (s: readonly string[]) => string);
    stop();
    reference.expectedElect(['committed']);
    expect(answers).toEqual(['abort', 'commit']);
    // `cases.map(rule)` passes an index and the list too: only the declared argument is recorded.
    expect(calls).toEqual([
      ['expectedElect', [['uncertain']], 'abort'],
      ['expectedElect', [['uncertain', 'precommitted']], 'commit'],
    ]);
  });
});

describe('the list of reference rules, in a scratch project', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function scratch(): string {
    root = mkdtempSync(join(tmpdir(), 'reference-rules-'));
    for (const dir of ['grader/exercises', 'lib/catalog', REFERENCE_INDEX.folder]) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, REFERENCE_INDEX.folder, 'rules.ts'), 'export function expectedA(x: number) { return x; }\nexport const expectedB = (s: string) => s;\n');
    writeFileSync(join(root, REFERENCE_INDEX.folder, '11-raft-briefly.ts'), 'function helper() { return 1; }\nexport const expectedLesson11 = () => helper();\nexport const notARule = 2;\n');
    return root;
  }

  it('wraps every expected... export, file by file, under a name per file, and nothing else', () => {
    const text = referenceIndex(scratch());
    expect(text).toContain(
      "import { recorded } from './recording';\n" +
        "import * as lesson11RaftBriefly from '../instructor/reference/11-raft-briefly';\n" +
        "import * as rules from '../instructor/reference/rules';\n",
    );
    expect(text).toContain(
      "export const expectedLesson11 = recorded('expectedLesson11', lesson11RaftBriefly.expectedLesson11);\n" +
        "export const expectedA = recorded('expectedA', rules.expectedA);\n" +
        "export const expectedB = recorded('expectedB', rules.expectedB);\n",
    );
    expect(text).not.toMatch(/helper|notARule/);
  });

  it('names a new rule as drift until the build writes the list again, as build-exercises --check does', () => {
    const dir = scratch();
    expect(writeIndexes(dir)).toContain(REFERENCE_INDEX.file);
    expect(indexDrift(dir)).toEqual([]);
    writeFileSync(join(dir, REFERENCE_INDEX.folder, '12-paxos-made-simple.ts'), 'export const expectedLesson12 = () => 12;\n');
    expect(indexDrift(dir)).toEqual([REFERENCE_INDEX.file]);
    expect(writeIndexes(dir)).toEqual([REFERENCE_INDEX.file]);
    expect(indexDrift(dir)).toEqual([]);
  });

  it('refuses a file without a rule and a rule name two files export, naming the files', () => {
    const dir = scratch();
    writeFileSync(join(dir, REFERENCE_INDEX.folder, 'helpers.ts'), 'export const half = (x: number) => x / 2;\n');
    expect(() => referenceRules(dir)).toThrow(/instructor\/reference\/helpers\.ts: a reference file must export at least one rule/);
    rmSync(join(dir, REFERENCE_INDEX.folder, 'helpers.ts'));
    writeFileSync(join(dir, REFERENCE_INDEX.folder, '12-again.ts'), 'export const expectedA = () => 0;\n');
    expect(() => referenceRules(dir)).toThrow(/instructor\/reference\/rules\.ts: the rule expectedA is exported by instructor\/reference\/12-again\.ts too/);
  });

  it('is not a list where instructor/reference/ is not (the student version, whose door is a table of answers)', () => {
    const dir = scratch();
    rmSync(join(dir, REFERENCE_INDEX.folder), { recursive: true });
    expect([...indexes(dir).keys()]).not.toContain(REFERENCE_INDEX.file);
    writeIndexes(dir);
    expect(readdirSync(join(dir, 'grader'))).not.toContain('reference-rules.ts');
  });
});
