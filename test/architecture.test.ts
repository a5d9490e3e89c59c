// Which way the dependencies point (docs/DESIGN.md, "Layout and dependencies"): protocols know
// nothing of the world; the world knows protocols only through the role contract; faults are
// link operators that know nothing of the world; checkers and charts read traces, not the
// engine; nothing in lib/ reaches up into the grader, the tools, the tests or the bench.
//
// The test reads every import of lib/ and bench/ (static `import`/`export ... from`, and
// `import('...')`), resolves the relative ones to repository paths and checks them against the
// rules below. The imports that break a rule today are listed in KNOWN, each with the reason and
// the way out: the list may only shrink (a KNOWN entry that no longer occurs fails too).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

/** Every .ts file under `folder`, as a path relative to the repository root. */
function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) out.push(path);
    }
  };
  walk(folder);
  return out.sort();
}

interface Import {
  readonly file: string;
  /** The specifier as written. */
  readonly spec: string;
  /** A relative specifier resolved to a path from the repository root (no extension); a package name as written. */
  readonly target: string;
  readonly relative: boolean;
}

const FROM = /(?:^|[\s;])(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(?\s*['"]([^'"]+)['"]/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: Import[] = [];
  for (const m of text.matchAll(FROM)) {
    const spec = m[1] ?? m[2];
    const isRelative = spec.startsWith('.');
    const target = isRelative ? normalize(join(dirname(file), spec)).replace(/\\/g, '/').replace(/\.(ts|js|mjs)$/, '') : spec;
    found.push({ file, spec, target, relative: isRelative });
  }
  return found;
}

const under = (path: string, ...folders: string[]) => folders.some((f) => path === f || path.startsWith(`${f}/`));

interface Rule {
  /** The sentence the test reports. */
  readonly name: string;
  /** Which files the rule is about. */
  readonly applies: (file: string) => boolean;
  /** True when the import breaks the rule. */
  readonly breaks: (i: Import) => boolean;
}

const ABOVE_LIB = ['bench', 'test', 'grader', 'tools', 'notebooks', 'exercises', 'solutions', 'instructor'];
const WORLD_INTERNALS = ['lib/world/world', 'lib/world/heap', 'lib/world/network', 'lib/world/runtime'];
// nodes.ts is part of the contract: which nodes a protocol's run has, and what each one knows.
const ROLE_CONTRACT = ['lib/protocols/role', 'lib/protocols/protocol', 'lib/protocols/nodes'];

const RULES: Rule[] = [
  {
    name: 'protocols import nothing outside lib/protocols, and no package: a role is pure',
    applies: (f) => under(f, 'lib/protocols'),
    breaks: (i) => !i.relative || !under(i.target, 'lib/protocols'),
  },
  {
    name: 'the scenario (its shape, builders and validation) depends on protocols only',
    applies: (f) => under(f, 'lib/scenario'),
    breaks: (i) => i.relative && !under(i.target, 'lib/scenario', 'lib/protocols'),
  },
  {
    name: 'link faults do not import the world',
    applies: (f) => under(f, 'lib/faults'),
    breaks: (i) => i.relative && under(i.target, 'lib/world'),
  },
  {
    name: 'the world knows protocols only through the role contract (role.ts, protocol.ts)',
    applies: (f) => under(f, 'lib/world'),
    breaks: (i) => i.relative && under(i.target, 'lib/protocols') && !ROLE_CONTRACT.includes(i.target),
  },
  {
    name: 'the world does not import what sits on top of it (explorer, charts, sweeps, comparisons, catalog, exercises)',
    applies: (f) => under(f, 'lib/world'),
    breaks: (i) => i.relative && under(i.target, 'lib/explore', 'lib/charts', 'lib/sweep', 'lib/compare', 'lib/catalog', 'lib/exercise'),
  },
  {
    name: 'the engine takes nothing from validation: simulate validates, the world runs what it is given',
    applies: (f) => under(f, 'lib/world') && f !== 'lib/world/simulate.ts',
    breaks: (i) => i.relative && i.target === 'lib/scenario/validate',
  },
  {
    name: 'checkers read traces: they import the trace and the role types, not the engine',
    applies: (f) => under(f, 'lib/checkers'),
    breaks: (i) =>
      i.relative &&
      (WORLD_INTERNALS.includes(i.target) || under(i.target, 'lib/faults', 'lib/explore', 'lib/charts', 'lib/sweep', 'lib/compare')),
  },
  {
    name: 'charts read traces and rows: not the engine, the explorer or the sweep',
    applies: (f) => under(f, 'lib/charts'),
    breaks: (i) =>
      i.relative &&
      (WORLD_INTERNALS.includes(i.target) || under(i.target, 'lib/faults', 'lib/explore', 'lib/sweep', 'lib/compare', 'lib/catalog')),
  },
  {
    name: 'the explorer does not import the charts',
    applies: (f) => under(f, 'lib/explore'),
    breaks: (i) => i.relative && under(i.target, 'lib/charts'),
  },
  {
    name: 'nothing in lib/ imports the bench, the tests, the grader, the tools, the notebooks or the exercises',
    applies: (f) => under(f, 'lib'),
    breaks: (i) => i.relative && under(i.target, ...ABOVE_LIB),
  },
  {
    name: 'the bench measures lib/ and the grader; it does not import the tests',
    applies: (f) => under(f, 'bench'),
    breaks: (i) => i.relative && under(i.target, 'test'),
  },
];

/**
 * Imports that break a rule today: `file -> target`, each with why it is there and the way out.
 * Empty since issue 21 (judges are found by protocol name in lib/checkers/judges.ts; Paxos
 * Commit's co-location rule is its definition's `needs`, checked by validation): keep it so.
 */
const KNOWN: Record<string, string> = {};

const files = [...sources('lib'), ...sources('bench')].filter((f) => !f.endsWith('.test.ts'));
const imports = files.flatMap(importsOf);

describe('dependencies point one way (docs/DESIGN.md, "Layout and dependencies")', () => {
  it('reads the imports of every file in lib/ and bench/', () => {
    // A reader that found nothing would make every rule below pass vacuously.
    expect(files.length).toBeGreaterThan(50);
    expect(imports.filter((i) => i.file === 'lib/world/world.ts').map((i) => i.target)).toContain('lib/protocols/role');
    expect(imports.filter((i) => i.file === 'lib/world/world.ts').map((i) => i.target)).toContain('rxjs');
  });

  for (const rule of RULES) {
    it(rule.name, () => {
      const broken = imports
        .filter((i) => rule.applies(i.file) && rule.breaks(i))
        .map((i) => `${i.file} -> ${i.target}`)
        .filter((edge) => !(edge in KNOWN));
      expect(broken).toEqual([]);
    });
  }

  it('lists as known only imports that still exist and still break a rule, so the list only shrinks', () => {
    const breaking = new Set(
      imports.filter((i) => RULES.some((r) => r.applies(i.file) && r.breaks(i))).map((i) => `${i.file} -> ${i.target}`),
    );
    expect(Object.keys(KNOWN).filter((edge) => !breaking.has(edge))).toEqual([]);
  });

  it('catches a break: a protocol that imported the world would be reported', () => {
    const fake: Import = {
      file: 'lib/protocols/two-phase-commit/voter.ts',
      spec: '../../world/world',
      target: 'lib/world/world',
      relative: true,
    };
    expect(RULES.filter((r) => r.applies(fake.file) && r.breaks(fake)).map((r) => r.name)).toHaveLength(1);
  });
});
