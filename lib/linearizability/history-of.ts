import type { TraceEvent } from '../world/trace';
import type { RegisterInput, RegisterOutput } from './models';
import type { Operation } from './types';

/** What `historyOf` reads: a run's trace (a `Run` is one). */
export interface HasTrace {
  readonly trace: readonly TraceEvent[];
}

const REQUESTS = new Set(['read', 'write', 'cas']);

/**
 * The history of a run's clients, read from its trace alone. The contract (kept by
 * `replicatedRegister`'s clients, and by any protocol that wants its runs judged): a client
 * starts operation `op` by sending a `read`, `write` (with `value`) or `cas` (with `from`, `to`)
 * message carrying `op`; the first later message delivered to it with the same `op` ends it:
 * `value` (with `value`) for a read, `written` for a write, `casResult` (with `ok`) for a CAS.
 * `notMaster` means it surely did not take effect: the operation is left out, as Jepsen leaves
 * out failed operations. `behind` is not an end (the client asks again). If the client's timer
 * `reply:<op>` fires first, or the run ends before an answer, the outcome is unknown: `ret` is
 * Infinity and the output `{ unknown: true }`.
 *
 * @example linearizable(historyOf(simulate({ protocol: replicatedRegister(), voters: 2 })), register()).ok // true
 */
export function historyOf(run: HasTrace): Operation<RegisterInput, RegisterOutput>[] {
  type Open = {
    client: string;
    op: number;
    call: number;
    input: RegisterInput;
    ret: number;
    output: RegisterOutput | null;
    refused: boolean;
    ended: boolean;
  };
  const ops: Open[] = [];
  const open = new Map<string, Open>();
  const id = (client: string, op: unknown) => `${client}\u0000${String(op)}`;
  for (const e of run.trace) {
    if (e.kind === 'send' && REQUESTS.has(e.message.type) && typeof e.message.op === 'number') {
      const key = id(e.node, e.message.op);
      if (open.has(key)) continue; // asked again (after `behind`): the same operation
      const m = e.message;
      const input: RegisterInput =
        m.type === 'read'
          ? { kind: 'read' }
          : m.type === 'write'
            ? { kind: 'write', value: m.value }
            : { kind: 'cas', from: m.from, to: m.to };
      const op: Open = { client: e.node, op: m.op as number, call: e.t, input, ret: Infinity, output: null, refused: false, ended: false };
      open.set(key, op);
      ops.push(op);
    } else if (e.kind === 'deliver' && typeof e.message.op === 'number') {
      const op = open.get(id(e.node, e.message.op));
      if (!op || op.ended) continue;
      const m = e.message;
      if (m.type === 'behind') continue;
      op.ended = true;
      op.ret = e.t;
      if (m.type === 'notMaster') op.refused = true;
      else op.output = m.type === 'value' ? { value: m.value ?? null } : m.type === 'casResult' ? { ok: m.ok === true } : {};
    } else if (e.kind === 'timeout' && e.timer.startsWith('reply:')) {
      const op = open.get(id(e.node, Number(e.timer.slice('reply:'.length))));
      if (op && !op.ended) op.ended = true; // given up on: unknown
    }
  }
  return ops
    .filter((op) => !op.refused)
    .map((op) =>
      op.output === null
        ? { client: op.client, call: op.call, ret: Infinity, input: op.input, output: { unknown: true } }
        : { client: op.client, call: op.call, ret: op.ret, input: op.input, output: op.output },
    );
}
