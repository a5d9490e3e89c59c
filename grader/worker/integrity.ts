/**
 * Runs inside the sandboxed test process, before any learner code loads (it is
 * the setup file). It keeps the real JSON functions for the probes, and notes
 * what the globals a grade depends on look like, so that a probe can say which
 * one a submission rewrote. The grade itself is decided outside this process;
 * this only turns a tampering into a message a reader understands.
 */

/** The real `JSON.stringify`, taken before learner code could replace it. */
export const stringify = JSON.stringify;
export const parse = JSON.parse;
export const now = Date.now;
export const later = setTimeout;

const ownKeys = Reflect.ownKeys;
const describe = Reflect.getOwnPropertyDescriptor;

/** Objects whose own properties a submission has no business changing, and the name to report. */
const watched: ReadonlyArray<readonly [string, object]> = [
  ['Object', Object],
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Promise', Promise],
  ['Promise.prototype', Promise.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['JSON', JSON],
  ['Math', Math],
  ['Date', Date],
  ['Reflect', Reflect],
  ['globalThis', globalThis],
];

type Snapshot = Map<PropertyKey, unknown>;

function snapshotOf(target: object): Snapshot {
  const snap: Snapshot = new Map();
  for (const key of ownKeys(target)) {
    const d = describe(target, key);
    if (!d) continue;
    snap.set(key, 'value' in d ? d.value : [d.get, d.set]);
  }
  return snap;
}

// globalThis gains harmless properties while tests run (vitest's own); watch only the ones a cheat would use.
const globalNames = new Set<PropertyKey>(['JSON', 'Math', 'Date', 'Object', 'Array', 'Promise', 'Reflect', 'Function', 'Symbol', 'Error', 'process']);
const snapshots = watched.map(([name, target]) => [name, target, snapshotOf(target)] as const);

/**
 * The globals a submission rewrote since the setup ran, by name (`Math.random`,
 * `Object.prototype.toJSON`, ...); empty when nothing was touched.
 */
export function tampered(): string[] {
  const found: string[] = [];
  for (const [name, target, before] of snapshots) {
    const after = snapshotOf(target);
    const keys = new Set<PropertyKey>([...before.keys(), ...after.keys()]);
    for (const key of keys) {
      if (name === 'globalThis' && !globalNames.has(key)) continue;
      const a = before.get(key);
      const b = after.get(key);
      const same = Array.isArray(a) && Array.isArray(b) ? a[0] === b[0] && a[1] === b[1] : a === b;
      if (!same) found.push(`${name}.${String(key)}`);
    }
  }
  return found;
}
