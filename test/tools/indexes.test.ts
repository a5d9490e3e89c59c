// Issue 21, "a layout a newcomer reads": the grader's exercises and the catalog's cases are found
// from their folders (a file grader/exercises/NN-*.ts is an exercise, a file lib/catalog/NN-*.ts a
// case file), written out as static imports by `npm run build-exercises` (tools/indexes.ts) and
// checked by its --check, so that adding a lesson adds files and edits no list by hand.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exercises } from '../../grader/manifest';
import { catalog } from '../../lib';
import { catalogIndex, exerciseIndex, indexDrift, lessonFiles, writeIndexes } from '../../tools/indexes';

const project = resolve(__dirname, '..', '..');

describe('the lists found from folders, in this repository', () => {
  it('are up to date with their folders (run `npm run build-exercises` if this fails)', () => {
    expect(indexDrift(project)).toEqual([]);
  });

  it('the manifest holds one exercise per grader/exercises/NN-*.ts, named as its file, lesson then id', () => {
    const ids = exercises.map((e) => e.id);
    expect(ids).toEqual(lessonFiles(project, 'grader/exercises'));
    expect(ids).toEqual([...ids].sort());
    expect(ids.length).toBeGreaterThanOrEqual(21);
  });

  it('the catalog keeps its order: the network (lesson 01), 2PC, 3PC, Paxos Commit, then the lease lock (lesson 09)', () => {
    const families = [...new Set(catalog.map((e) => e.id.split('/')[0]))];
    expect(families).toEqual(['net', '2pc', '3pc', 'paxos', 'lease']);
  });
});

describe('the lists, in a scratch project', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function scratch(): string {
    root = mkdtempSync(join(tmpdir(), 'indexes-'));
    mkdirSync(join(root, 'grader', 'exercises'), { recursive: true });
    mkdirSync(join(root, 'lib', 'catalog'), { recursive: true });
    writeFileSync(join(root, 'grader', 'exercises', '02-b.ts'), "export const exercise = { id: '02-b', lesson: '02', title: 'b', tests: [] };\n");
    writeFileSync(join(root, 'grader', 'exercises', '01-a-rule.ts'), "export const exercise = { id: '01-a-rule', lesson: '01', title: 'a', tests: [] };\n");
    // Helpers not named for a lesson are not exercises.
    writeFileSync(join(root, 'grader', 'exercises', 'judging.ts'), 'export const helper = 1;\n');
    writeFileSync(join(root, 'lib', 'catalog', '03-two.ts'), 'export const twoCases: readonly CatalogEntry[] = [];\n');
    writeFileSync(join(root, 'lib', 'catalog', 'entry.ts'), 'export interface CatalogEntry { id: string }\n');
    return root;
  }

  it('lists lesson files only, lesson then id, under names that are identifiers', () => {
    const text = exerciseIndex(scratch());
    expect(text).toContain("import { exercise as lesson01ARule } from './01-a-rule';\nimport { exercise as lesson02B } from './02-b';");
    expect(text).toContain('[\n  lesson01ARule,\n  lesson02B,\n]');
    expect(text).not.toContain('judging');
  });

  it('names a new file as drift until the build writes the lists again', () => {
    const dir = scratch();
    expect(writeIndexes(dir)).toEqual(['grader/exercises/index.ts', 'lib/catalog/cases.ts']);
    expect(indexDrift(dir)).toEqual([]);
    writeFileSync(join(dir, 'lib', 'catalog', '01-one.ts'), 'export const oneCases: readonly CatalogEntry[] = [];\n');
    expect(indexDrift(dir)).toEqual(['lib/catalog/cases.ts']);
    expect(writeIndexes(dir)).toEqual(['lib/catalog/cases.ts']);
    expect(catalogIndex(dir)).toMatch(/\.\.\.oneCases,\n {2}\.\.\.twoCases,/);
  });

  it('refuses a lesson file without an exercise, and a case file without exactly one case list, naming the file', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'grader', 'exercises', '04-helper.ts'), 'export const x = 1;\n');
    expect(() => exerciseIndex(dir)).toThrow(/grader\/exercises\/04-helper\.ts: a file named for a lesson must export `const exercise/);
    writeFileSync(join(dir, 'lib', 'catalog', '05-two-lists.ts'), 'export const aCases: readonly CatalogEntry[] = [];\nexport const bCases: readonly CatalogEntry[] = [];\n');
    expect(() => catalogIndex(dir)).toThrow(/lib\/catalog\/05-two-lists\.ts: a case file must export exactly one .*; found 2/);
  });
});
