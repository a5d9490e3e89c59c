import { defaultHash } from './check';
import type { History, Model } from './types';

/** A register's inputs, as etcd and the readings name them. */
export type RegisterInput =
  | { readonly kind: 'read'; readonly key?: string }
  | { readonly kind: 'write'; readonly value: unknown; readonly key?: string }
  | { readonly kind: 'cas'; readonly from: unknown; readonly to: unknown; readonly key?: string };

/**
 * A register's outputs: `{ value }` for a read (null before any write), `{}` for a write,
 * `{ ok }` for a CAS, `{ unknown: true }` when the client never learnt.
 */
export type RegisterOutput = { readonly value?: unknown; readonly ok?: boolean; readonly unknown?: boolean };

/** What a register holds: null before the first write. */
export type RegisterValue = unknown;

const unknown = (o: RegisterOutput | null | undefined) => o == null || o.unknown === true;

function describeRegister(input: RegisterInput, output: RegisterOutput): string {
  const shown = (v: unknown) => (v === null || v === undefined ? 'null' : JSON.stringify(v));
  const key = input.key === undefined ? '' : `${input.key}: `;
  switch (input.kind) {
    case 'read':
      return `${key}read() -> ${unknown(output) ? '?' : shown(output.value)}`;
    case 'write':
      return `${key}write(${shown(input.value)})${unknown(output) ? ' -> ?' : ''}`;
    case 'cas':
      return `${key}cas(${shown(input.from)}, ${shown(input.to)}) -> ${unknown(output) ? '?' : output.ok ? 'ok' : 'fail'}`;
  }
}

/**
 * A read/write register that starts at null: a read returns the last value written.
 * An unknown outcome (`{ unknown: true }`) matches whatever the register holds.
 * @example linearizable([{ client: 'a', call: 0, ret: 2, input: { kind: 'write', value: 1 }, output: {} }], register()).ok // true
 */
export function register(): Model<RegisterValue, RegisterInput, RegisterOutput> {
  return {
    name: 'register',
    init: () => null,
    step(state, input, output) {
      switch (input.kind) {
        case 'read':
          return [unknown(output) || output.value === state, state];
        case 'write':
          return [true, input.value];
        default:
          // A register has no CAS: such an operation cannot be placed anywhere.
          return [false, state];
      }
    },
    describe: describeRegister,
  };
}

/**
 * A register with compare-and-set, as etcd offers: `cas(from, to)` writes `to` and answers
 * `{ ok: true }` if the register holds `from`, and answers `{ ok: false }` leaving it alone
 * otherwise. A CAS whose outcome is unknown took effect exactly if the register held `from`
 * where it is placed (Porcupine's etcd model does the same).
 * @example
 * const grab = { client: 'a', call: 0, ret: 2, input: { kind: 'cas', from: null, to: 1 }, output: { ok: true } };
 * linearizable([grab], casRegister()).ok // true
 */
export function casRegister(): Model<RegisterValue, RegisterInput, RegisterOutput> {
  return {
    name: 'casRegister',
    init: () => null,
    step(state, input, output) {
      switch (input.kind) {
        case 'read':
          return [unknown(output) || output.value === state, state];
        case 'write':
          return [true, input.value];
        case 'cas': {
          const matches = input.from === state;
          const legal = unknown(output) || output.ok === matches;
          return [legal, matches ? input.to : state];
        }
      }
    },
    describe: describeRegister,
  };
}

/**
 * Many independent objects, one per `input.key`, each following `model`; the state is an object
 * from key to that key's state (a key never touched is in `model.init()`). Linearizability is
 * local (Herlihy and Wing 1990, section 3.3): the whole history is linearizable exactly when the
 * history of each key is, so the checker checks each key alone, which is far cheaper than
 * searching over all keys at once (Porcupine calls this P-compositionality).
 * @example linearizable(history, keyValue(casRegister())).key // the key that failed, if one did
 */
export function keyValue<S, I extends { readonly key?: string }, O>(model: Model<S, I, O>): Model<Readonly<Record<string, S>>, I, O> {
  const initial = model.init();
  const equal = model.equal?.bind(model) ?? ((a: S, b: S) => a === b);
  const hash = model.hash?.bind(model) ?? defaultHash;
  const get = (state: Readonly<Record<string, S>>, key: string) =>
    Object.prototype.hasOwnProperty.call(state, key) ? state[key] : initial;
  return {
    name: `keyValue(${model.name})`,
    init: () => Object.freeze({}),
    step(state, input, output) {
      const key = String(input.key);
      const before = get(state, key);
      const [legal, after] = model.step(before, input, output);
      if (!legal || equal(before, after)) return [legal, state];
      return [true, Object.freeze({ ...state, [key]: after })];
    },
    equal(a, b) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) if (!equal(get(a, key), get(b, key))) return false;
      return true;
    },
    hash(state) {
      // A sum of per-key hashes, so the order keys were written in does not matter.
      let h = 0;
      for (const key of Object.keys(state)) if (!equal(state[key], initial)) h = (h + (defaultHash(key) ^ hash(state[key]))) | 0;
      return h;
    },
    describe: model.describe?.bind(model),
    partition(history: History<I, O>) {
      const byKey = new Map<string, number[]>();
      history.forEach((op, i) => {
        const key = String(op.input.key);
        let indices = byKey.get(key);
        if (!indices) byKey.set(key, (indices = []));
        indices.push(i);
      });
      return [...byKey].map(([key, indices]) => ({ key, indices }));
    },
  };
}
