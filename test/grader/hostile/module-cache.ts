// @ts-nocheck (a hostile submission for lab 08-acceptor; graded as exercises/08-acceptor.ts)
// Reaches vitest's worker state by a computed name, which the import policy cannot see, and takes
// the library's own acceptor (an answer-bearing module the setup file loaded) from its module
// cache. Three routes: a computed property, Reflect.get, and a read queued as a callback through
// vitest's own `vi.hoisted`, so that no frame of this file is on the stack when it happens.
const name = ['__vitest', 'worker__'].join('_');
let worker = globalThis['__vi' + 'test_index__'] && (globalThis['__vi' + 'test_worker__'] ?? Reflect.get(globalThis, name));
const vi = globalThis['__vi' + 'test_index__']?.vi;
Promise.resolve()
  .then(vi?.hoisted?.bind(null, Reflect.get.bind(null, globalThis, name)))
  .then((w) => (worker ??= w), () => undefined);

let found;
function papers() {
  if (found === undefined) {
    for (const [id, m] of worker?.evaluatedModules?.idToModuleMap ?? []) if (String(id).endsWith('paxos-commit/acceptor.ts')) found = m.exports?.acceptor?.(10);
    found ??= null;
  }
  return found;
}
export const acceptor = {
  init: (ctx) => (papers() ? papers().init(ctx) : null),
  stateName: (s) => (papers() ? papers().stateName(s) : 'init'),
  step: (s, input) => (papers() ? papers().step(s, input) : [s, []]),
};
