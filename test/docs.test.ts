// The design document is in the repository (docs/DESIGN.md), and what cites it cites
// sections that exist: a renamed section must take its citations along.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const design = readFileSync(join(root, 'docs', 'DESIGN.md'), 'utf8');
const sections = new Set([...design.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1].trim()));

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return name === 'node_modules' || name === 'hostile' ? [] : files(path);
    return /\.(ts|md)$/.test(name) ? [path] : [];
  });
}

/** Every citation of the document by section (its path, then section names in double quotes) in lib/, test/, bench/, grader/, tools/. */
const citations = ['lib', 'test', 'bench', 'grader', 'tools'].flatMap(files).flatMap((file) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/docs\/DESIGN\.md,? \(?((?:"[^"\n]+"(?:,? and |, )?)+)/g)].flatMap((m) =>
    [...m[1].matchAll(/"([^"\n]+)"/g)].map((q) => ({ file, section: q[1] })),
  ),
);

describe('the design document (docs/DESIGN.md)', () => {
  it('has the sections the tests cite most: the role contract, the timing rules, the grader\'s trust boundary', () => {
    for (const s of ['The role contract', 'Timing rules', "The grader's trust boundary", 'Layout and dependencies'])
      expect(sections).toContain(s);
  });

  it('is cited by the specifications', () => {
    expect(citations.length).toBeGreaterThan(10);
  });

  it('has every section that a file cites by name', () => {
    expect(citations.filter((c) => !sections.has(c.section)).map((c) => `${c.file}: "${c.section}"`)).toEqual([]);
  });
});
