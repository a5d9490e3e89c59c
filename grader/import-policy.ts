/**
 * What a learner's graded file may import: the kit's public face (`../lib`), and from it only
 * names that solve no exercise, and `rxjs`. The library's public face also carries the
 * reference answers the lessons run on (the duplicate link, the agreement checker, Skeen's
 * rule, Paxos Commit's leader rules, and every protocol's roles through `protocolDefinition`,
 * `World` and the checkers' hooks); a graded file that imports them would delegate, not
 * answer. Checked on the source before anything runs, by the TypeScript parser, so aliases,
 * re-exports and type-only imports are read for what they are. Modules outside the library
 * (vitest, the tests, node:fs) are left to the sandbox's resolver and Node's permissions,
 * which refuse them at run time with their own messages; the resolver also refuses library
 * internals, so a path the parser cannot see (import.meta.glob's expansion) stops there.
 */
import ts from 'typescript';

/**
 * Names a graded file may import from `../lib` as values: builders of outputs and scenarios,
 * protocol specs, the lab plug-ins, `NotDoneYet`. Types may be imported freely.
 */
export const LEARNER_IMPORTS: readonly string[] = [
  'NotDoneYet', 'tryExercise',
  // a role's outputs
  'send', 'setTimer', 'cancelTimer', 'logWrite', 'decide', 'nothing',
  // scenarios: faults and triggers, protocol specs
  'at', 'afterSend', 'afterReceive', 'onEnter', 'crash', 'recover', 'partition', 'cut', 'slow', 'pause',
  'twoPhaseCommit', 'threePhaseCommit', 'paxosCommit', 'requestReply', 'ScenarioError', 'MAX_VOTERS', 'VERDICTS', 'ACCEPTOR_COUNTS',
  // lesson 09: the lease lock's spec and a drifting clock (builders: the puzzle's answer is a run, not a name)
  'leaseLock', 'drift',
  // links: the envelope, not the library's operators
  'Envelope', 'drop', 'copyOf',
  // labs: plugging a role in, and Paxos's ballot numbering
  'voterLab', 'acceptorLab', 'threePhaseVoterLab', 'ballotOwner',
];

const WHAT_MAY = `exercises may import ../lib and rxjs only, and from '../lib' only these names (types are free): ${LEARNER_IMPORTS.join(', ')}`;

/**
 * Where a relative specifier from `exercises/` lands: 'face' (lib's public face), 'inside' (a
 * library internal), or null (not the library).
 */
function inLibrary(specifier: string): 'face' | 'inside' | null {
  if (!specifier.startsWith('.')) return null;
  const parts: string[] = ['exercises'];
  for (const part of specifier.split('?')[0].split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  if (parts[0] !== 'lib') return null;
  const rest = parts.slice(1).join('/');
  // lib/exercise/index is what stubs shared before the policy (tools/new-lesson.ts still writes it): the same names hold there.
  return rest === '' || /^(exercise\/?)?(index(\.ts|\.js)?)?$/.test(rest) ? 'face' : 'inside';
}

/**
 * Null if `source` (the learner's `exercises/<id>.ts`) keeps to the policy, else one line
 * saying what it imported and what may be imported.
 *
 * @example importProblem("import { links } from '../lib';", 'exercises/01-duplicate.ts')
 * // "exercises/01-duplicate.ts imports links from '../lib', which would answer for you:
 * //  exercises may import ../lib and rxjs only, and ..."
 */
export function importProblem(source: string, file: string): string | null {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  let problem: string | null = null;
  const fail = (what: string) => {
    problem ??= `${file} ${what}: ${WHAT_MAY}`;
  };
  // Modules outside the library are the sandbox resolver's to refuse, at run time, with its own message.
  const checkFrom = (specifier: string, names: readonly { name: string; typeOnly: boolean }[], whole: 'namespace' | 'default' | null, typeOnly: boolean) => {
    const where = inLibrary(specifier);
    if (where === null) return;
    if (where === 'inside') {
      fail(`imports ${JSON.stringify(specifier)}, inside the library`);
      return;
    }
    if (typeOnly) return;
    if (whole) {
      fail(`imports the whole of '../lib' (${whole === 'namespace' ? 'import * as' : 'a default import'}); import the names you use`);
      return;
    }
    const denied = names.filter((n) => !n.typeOnly && !LEARNER_IMPORTS.includes(n.name)).map((n) => n.name);
    if (denied.length) fail(`imports ${denied.join(', ')} from '../lib', which would answer for you`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const names: { name: string; typeOnly: boolean }[] = [];
      let whole: 'namespace' | 'default' | null = null;
      if (clause?.name) whole = 'default';
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) whole = 'namespace';
      if (bindings && ts.isNamedImports(bindings)) {
        for (const e of bindings.elements) names.push({ name: (e.propertyName ?? e.name).text, typeOnly: e.isTypeOnly });
      }
      checkFrom(node.moduleSpecifier.text, names, whole, clause?.isTypeOnly ?? false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names: { name: string; typeOnly: boolean }[] = [];
      const clause = node.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        for (const e of clause.elements) names.push({ name: (e.propertyName ?? e.name).text, typeOnly: e.isTypeOnly });
      }
      checkFrom(node.moduleSpecifier.text, names, clause && ts.isNamedExports(clause) ? null : 'namespace', node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      // import('../lib/x').T in a type position: erased, harmless.
    } else if (ts.isImportEqualsDeclaration(node)) {
      fail('uses import = require(...)');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      // A dynamic import of a module outside the library is the resolver's to refuse; one of the
      // library, or of a name computed at run time, would hand over the whole of it.
      const arg = node.arguments[0];
      if (!arg || !ts.isStringLiteralLike(arg)) fail('imports a module whose name is computed at run time');
      else if (inLibrary(arg.text) !== null) fail(`imports ${JSON.stringify(arg.text)} at run time, with import(...)`);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      fail('uses require(...)');
    } else if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.name.text.startsWith('glob')) {
      fail(`uses import.meta.${node.name.text}`);
    } else if (ts.isIdentifier(node) && (node.text.startsWith('__vite') || node.text.startsWith('__vitest'))) {
      fail(`uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problem;
}
