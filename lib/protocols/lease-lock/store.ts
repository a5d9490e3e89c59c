import { nothing, type Input, type Role, type Step } from '../role';
import { logWrite, send, type LeaseLockMessage, type LeaseLockRecord } from './messages';
import { staleToken } from './fencing';

/** The store's state: the highest fencing token it has accepted a write under (0: none). */
export class Store {
  constructor(readonly highest: number) {}
}

/**
 * The storage the lock protects (DDIA ch. 8, fig. 8-5). It applies every write it gets
 * and answers `written`; with `fencing`, it first compares the write's token with the
 * highest it has accepted, and answers `rejected` to an older one (Chubby's sequencer
 * check, sec. 2.4, done against the last token seen rather than by asking the lock).
 * Its data, and so the highest token, is durable.
 */
export function store(fencing: boolean): Role<Store, LeaseLockMessage, LeaseLockRecord> {
  return {
    init: () => new Store(0),
    stateName: () => 'serving',
    step(s, input: Input<LeaseLockMessage, LeaseLockRecord>): Step<Store, LeaseLockMessage, LeaseLockRecord> {
      switch (input.kind) {
        case 'receive': {
          const { from, message } = input;
          if (message.type !== 'write') return [s, nothing];
          const token = message.token;
          if (fencing && staleToken(s.highest, token)) return [s, [send(from, { type: 'rejected', token })]];
          return [
            new Store(Math.max(s.highest, token)),
            [logWrite({ type: 'write', token, from }), send(from, { type: 'written', token })],
          ];
        }
        case 'recover':
          return [new Store(highestIn(input.log)), nothing];
        default:
          return [s, nothing];
      }
    },
  };
}

function highestIn(log: readonly LeaseLockRecord[]): number {
  let highest = 0;
  for (const r of log) if (r.type === 'write') highest = Math.max(highest, r.token);
  return highest;
}
