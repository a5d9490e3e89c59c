import { ScenarioError } from '../scenario/error';
import { LinkRandom } from '../faults/random';
import type { RegisterInput, RegisterOutput } from './models';
import type { Operation } from './types';

/** How to make an etcd-like history: clients doing reads, writes and CAS on a few keys. */
export interface GenerateOptions {
  /** @defaultValue 100 */
  readonly operations?: number;
  /** Clients working at once; a client whose operation timed out is replaced by a new one, as Jepsen does. @defaultValue 5 */
  readonly clients?: number;
  /** Keys `k1`..`kN`; with one key the inputs carry no key. @defaultValue 1 */
  readonly keys?: number;
  /** Values written are 0..values-1. @defaultValue 5 */
  readonly values?: number;
  /** The chance that an operation times out (`ret: Infinity`, `{ unknown: true }`); half of those took effect. @defaultValue 0.05 */
  readonly timeouts?: number;
  /** The most ticks a call comes before, or a return after, the operation's instant. @defaultValue 20 */
  readonly spread?: number;
  /** @defaultValue 1 */
  readonly seed?: number;
}

/**
 * A history that is linearizable by construction: one register per key runs the operations one
 * at a time, the i-th at instant 10 i, and each operation's call and return are drawn around
 * its instant (a call up to `spread` ticks before, a return up to `spread` after). Operations
 * that time out may or may not have taken effect. The same options give the same history.
 * @example linearizable(generateHistory({ operations: 200, seed: 3 }), casRegister()).ok // true
 */
export function generateHistory(options: GenerateOptions = {}): Operation<RegisterInput, RegisterOutput>[] {
  const count = whole('operations', options.operations ?? 100, 0);
  const clients = whole('clients', options.clients ?? 5, 1);
  const keys = whole('keys', options.keys ?? 1, 1);
  const values = whole('values', options.values ?? 5, 1);
  const spread = whole('spread', options.spread ?? 20, 0);
  const timeouts = options.timeouts ?? 0.05;
  if (!(timeouts >= 0 && timeouts <= 1)) throw new ScenarioError('timeouts', `a probability from 0 to 1, not ${String(timeouts)}`);
  const random = new LinkRandom(options.seed ?? 1, 'history', 'generator');

  const state = new Map<string, unknown>();
  const busyUntil = new Map<string, number>();
  for (let c = 1; c <= clients; c++) busyUntil.set(`c${c}`, -Infinity);
  let nextClient = clients + 1;
  const history: Operation<RegisterInput, RegisterOutput>[] = [];
  for (let i = 0; i < count; i++) {
    const instant = 10 * (i + 1);
    const call = instant - random.int(0, spread);
    const key = `k${random.int(1, keys)}`;
    const held = state.has(key) ? state.get(key) : null;
    const keyed = keys > 1 ? { key } : {};
    const roll = random.int(0, 9);
    let input: RegisterInput;
    let output: RegisterOutput;
    let after = held;
    if (roll < 4) {
      input = { kind: 'read', ...keyed };
      output = { value: held };
    } else if (roll < 7) {
      input = { kind: 'write', value: random.int(0, values - 1), ...keyed };
      output = {};
      after = input.value;
    } else {
      // Half the CAS expect the value held, so that some succeed.
      const from = random.chance(0.5) ? held : random.int(0, values - 1);
      input = { kind: 'cas', from, to: random.int(0, values - 1), ...keyed };
      output = { ok: from === held };
      if (from === held) after = input.to;
    }
    const timedOut = random.chance(timeouts);
    // A timed-out operation either took effect at its instant or never did.
    if (!timedOut || random.chance(0.5)) state.set(key, after);
    const ret = timedOut ? Infinity : instant + random.int(0, spread);
    const client = freeClient(busyUntil, call, random) ?? `c${nextClient++}`;
    busyUntil.set(client, ret);
    history.push({ client, call, ret, input, output: timedOut ? { unknown: true } : output });
  }
  return history;
}

function freeClient(busyUntil: Map<string, number>, call: number, random: LinkRandom): string | undefined {
  const free = [...busyUntil].filter(([, until]) => until < call).map(([c]) => c);
  return free.length === 0 ? undefined : free[random.int(0, free.length - 1)];
}

function whole(field: string, n: number, min: number): number {
  if (!(Number.isInteger(n) && n >= min)) throw new ScenarioError(field, `a whole number from ${min}, not ${String(n)}`);
  return n;
}
