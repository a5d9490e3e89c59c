/**
 * Seals vitest's own state away from learner code (issue 17, item 3). The import policy refuses
 * the names `__vitest_worker__` and `__vitest_mocker__`, but a computed name
 * (`globalThis['__vi' + 'test_worker__']`) reaches them at run time, and through them vitest's
 * module cache, which holds the library's answer-bearing modules the probes run on (the lab's
 * reference role, loaded with the library's public face). So, once the library has loaded:
 *
 * - each of those globals becomes a getter that answers only vitest itself: every frame of the
 *   stack that reads it must be vitest's, vite's or the grader's worker and probes. Learner code
 *   on the stack, an unknown file (rxjs, the library: a gadget that reads a property for the
 *   learner), or a read with no code of vitest's at all (a bound getter queued as a callback)
 *   gets `undefined`. A rewritten `Error.prepareStackTrace` accessor, which could fake the stack,
 *   gets `undefined` too (fail closed: vitest then cannot run, and the exercise scores nothing).
 * - `vi`, `expect.poll` and `expect.extend`, reachable through `__vitest_index__` (frozen and not configurable)
 *   and able to call a learner's function from vitest's own frames and hand back its result,
 *   throw unless vitest itself calls them (it resets its config and mocks after each file):
 *   probes never use them.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = fileURLToPath(new URL('../../', import.meta.url));
const modules = realpathSync(`${work}node_modules`);

/** Files whose code may read vitest's state: vitest, vite, the worker side of the grader, the probes. */
const trusted = [
  `${modules}/vitest/`,
  `${modules}/@vitest/`,
  `${modules}/vite/`,
  `${modules}/tinypool/`,
  here,
  `${work}test/exercises/`,
  `${work}instructor/hidden/`,
];
const vitestOwn = [`${modules}/vitest/`, `${modules}/@vitest/`, `${modules}/vite/`, `${modules}/tinypool/`];

const captureStack = Error.captureStackTrace.bind(Error);
const describeKey = Reflect.getOwnPropertyDescriptor;
const defineKey = Reflect.defineProperty;

function fileOf(site: NodeJS.CallSite): string | null {
  const name = site.getFileName();
  if (!name || name.startsWith('node:')) return null;
  return name.startsWith('file://') ? fileURLToPath(name) : name;
}

/** Whether the code reading a sealed global right now is vitest's own, and no one else's. */
function vitestAsks(): boolean {
  const d = describeKey(Error, 'prepareStackTrace');
  if (d && !('value' in d)) return false;
  const previous = d?.value;
  const limit = Error.stackTraceLimit;
  let sites: NodeJS.CallSite[] = [];
  const holder: { stack?: unknown } = {};
  try {
    Error.stackTraceLimit = 200;
    Error.prepareStackTrace = (_e, s) => s;
    captureStack(holder, vitestAsks);
    sites = holder.stack as NodeJS.CallSite[];
  } finally {
    if (d) Error.prepareStackTrace = previous as typeof Error.prepareStackTrace;
    else Reflect.deleteProperty(Error, 'prepareStackTrace');
    Error.stackTraceLimit = limit;
  }
  if (!Array.isArray(sites)) return false;
  let own = false;
  for (const site of sites.slice(1)) {
    const file = fileOf(site);
    if (file === null) continue;
    if (!trusted.some((t) => file.startsWith(t))) return false;
    if (vitestOwn.some((t) => file.startsWith(t))) own = true;
  }
  return own;
}

for (const name of ['__vitest_worker__', '__vitest_mocker__']) {
  const d = describeKey(globalThis, name);
  if (!d || !('value' in d)) continue;
  let value: unknown = d.value;
  defineKey(globalThis, name, {
    configurable: false,
    enumerable: false,
    get: () => (vitestAsks() ? value : undefined),
    set: (v: unknown) => {
      if (vitestAsks()) value = v;
    },
  });
}

type Door = Record<string, unknown>;
/**
 * `door[key]`, callable by vitest alone, by the same rule as the sealed globals: vitest calls
 * `vi.resetConfig` and `vi.restoreAllMocks` itself after every test file.
 */
function sealCall(door: Door, key: string, what: string): void {
  const own = door[key] as (...args: unknown[]) => unknown;
  const sealed = function (this: unknown, ...args: unknown[]): unknown {
    if (vitestAsks()) return own.apply(this, args);
    throw new Error(`${what} is not available while grading`);
  };
  defineKey(door, key, { value: sealed, configurable: false, writable: false });
}
const index = (globalThis as Door).__vitest_index__ as { vi?: Door; expect?: Door } | undefined;
for (const key of Object.keys(index?.vi ?? {})) {
  if (typeof index!.vi![key] === 'function') sealCall(index!.vi!, key, `vi.${key}`);
}
if (index?.expect)
  for (const key of ['poll', 'extend']) sealCall(index.expect, key, `expect.${key}`);
