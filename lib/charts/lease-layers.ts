import { lockSafety } from '../checkers/lock-safety';
import type { NodeId } from '../protocols/role';
import type { Layer, LayerBuilder } from './space-time-layers';

/**
 * The `name` of each layer a lease-lock run adds to its space-time diagram (the SVG class is
 * `<name>_marks`, as for `MARK`): a band per lease beside its client's column, and a mark per
 * write beside the store's.
 */
export const LEASE_MARK = Object.freeze({
  leaseBand: 'lease_band',
  storeWrite: 'store_write',
});

const ACCEPTED = '#3a923a';
const STALE = '#d62728';
const REJECTED = '#7f7f7f';
const LEASE = '#6a51a3';

const px = (field: string) => ({ field, type: 'quantitative' as const, scale: null, axis: null });
const raw = (field: string) => ({ field, type: 'nominal' as const, scale: null, legend: null });
const tip = { tooltip: { field: 'what', type: 'nominal' as const }, description: { field: 'what', type: 'nominal' as const } };

/**
 * What a run of `leaseLock` adds to its space-time diagram (nothing for any other run): each
 * lease as the lock service counts it, from its grant to its expiry, release or the next grant,
 * as a thin violet band beside its client's column (DDIA fig. 8-4's "lease expired"), so that a
 * client still `holding` after its band ended is plain to see; and each write the store took in,
 * beside the store's column: a green dot when it was accepted in token order, a red one when it
 * landed on a newer holder's write, a grey square when the store rejected its stale token
 * (fig. 8-5). No text, so the layout's labels keep their room: the tooltips say the rest.
 */
export const leaseLayers: LayerBuilder = (placed, run): Layer[] => {
  if (run.scenario.protocol.name !== 'leaseLock') return [];
  const bands: Record<string, unknown>[] = [];
  let open: { client: NodeId; token: number; t: number } | null = null;
  const close = (t: number, how: string) => {
    if (open === null) return;
    const x = placed.x(open.client) + 6;
    const what = `${open.client}'s lease under token ${open.token}, by the lock's clock: t=${open.t} to t=${t} (${how})`;
    if (t > open.t) bands.push({ x, x2: x + 4, y: placed.y(open.t), y2: placed.y(t), what });
    open = null;
  };
  let last = 0;
  for (const e of run.trace) {
    last = Math.max(last, e.t);
    if (e.node !== 'lock') continue;
    if (e.kind === 'send' && e.message.type === 'granted') {
      const token = e.message.token as number;
      if (open !== null && open.token === token) continue; // a renewal
      close(e.t, `token ${token} granted`);
      open = { client: e.to, token, t: e.t };
    } else if (e.kind === 'timeout' && e.timer === 'expire') close(e.t, 'expired');
    else if (
      e.kind === 'deliver' &&
      e.message.type === 'release' &&
      open !== null &&
      e.from === open.client &&
      e.message.token === open.token
    ) {
      close(e.t, 'released');
    } else if (e.kind === 'crash' && !e.noop) close(e.t, 'the lock crashed');
  }
  close(last, 'still running at the end of the run');

  const writes = lockSafety({ trace: run.trace, voters: [] }).writes.map((w) => {
    const accepted = w.outcome === 'accepted';
    const colour = !accepted ? REJECTED : w.after !== null ? STALE : ACCEPTED;
    const how =
      w.outcome === 'rejected'
        ? 'rejected: a stale token'
        : w.after !== null
          ? `accepted on top of ${w.after.client}'s token ${w.after.token}`
          : w.outcome;
    const what = `t=${w.at} the store takes ${w.client}'s write under token ${w.token}: ${how}`;
    return { x: placed.x('store') + 10, y: placed.y(w.at), colour, shape: accepted ? 'circle' : 'square', what };
  });

  return [
    {
      name: LEASE_MARK.leaseBand,
      data: { values: bands },
      mark: { type: 'rect', color: LEASE, opacity: 0.7 },
      encoding: { x: px('x'), y: px('y'), x2: { field: 'x2' }, y2: { field: 'y2' }, ...tip },
    },
    {
      name: LEASE_MARK.storeWrite,
      data: { values: writes },
      mark: { type: 'point', size: 90, filled: true, opacity: 1, stroke: 'white', strokeWidth: 1 },
      encoding: { x: px('x'), y: px('y'), color: raw('colour'), shape: raw('shape'), ...tip },
    },
  ] as Layer[];
};
