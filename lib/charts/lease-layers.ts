import type { Field } from 'vega-lite/build/src/channeldef';
import type { UnitSpec } from 'vega-lite/build/src/spec/unit';
import { lockSafety } from '../checkers/lock-safety';
import type { NodeId } from '../protocols/role';
import type { Drawable } from './space-time';

/**
 * The `name` of each layer a lease-lock run adds to its space-time diagram (the SVG class is
 * `<name>_marks`, as for `MARK`): a band per lease on its client's lane, and a mark per write
 * on the store's lane.
 */
export const LEASE_MARK = Object.freeze({
  leaseBand: 'lease_band',
  leaseLabel: 'lease_label',
  storeWrite: 'store_write',
  storeWriteLabel: 'store_write_label',
});

const ACCEPTED = '#3a923a';
const STALE = '#d62728';
const REJECTED = '#7f7f7f';
const LEASE = '#6a51a3';

/** The part of a panel's frame the lease layers need: the ticks shown and each node's lane. */
export interface LeaseFrame {
  readonly from: number;
  readonly to: number;
  readonly lanes: ReadonlyMap<NodeId, number>;
}

/**
 * Extra layers for a run of `leaseLock` (none for any other run): each lease as the lock
 * service counts it, from its grant to its expiry, release or the next grant, drawn as a thin
 * band above its client's lane (DDIA fig. 8-4's "lease expired"), so a client still
 * `holding` after its band ended is plain to see; and each write the store took in, a
 * green dot when it was accepted in token order, a red one when it landed on a newer holder's
 * write, a grey square when the store rejected its stale token (fig. 8-5).
 */
export function leaseLayers(run: Drawable, frame: LeaseFrame, fontSize: number): (UnitSpec<Field> & { name: string })[] {
  if (run.scenario.protocol.name !== 'leaseLock' || !frame.lanes.has('store')) return [];
  const lane = (node: NodeId) => frame.lanes.get(node) ?? 0;
  const bands: Record<string, unknown>[] = [];
  const labels: Record<string, unknown>[] = [];
  let open: { client: NodeId; token: number; t: number } | null = null;
  const close = (t: number, how: string) => {
    if (open === null) return;
    const x = Math.max(open.t, frame.from);
    const x2 = Math.min(t, frame.to);
    const l = lane(open.client);
    const what = `${open.client}'s lease under token ${open.token}, by the lock's clock: t=${open.t} to t=${t} (${how})`;
    if (x2 > x) {
      bands.push({ x, x2, y: l - 0.4, y2: l - 0.3, what });
      labels.push({ x, y: l - 0.4, text: `lease ${open.token}`, what });
    }
    open = null;
  };
  for (const e of run.trace) {
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
    )
      close(e.t, 'released');
    else if (e.kind === 'crash' && !e.noop) close(e.t, 'the lock crashed');
  }
  close(frame.to, 'still running at the end of the chart');

  const writes = lockSafety({ trace: run.trace, voters: [] })
    .writes.filter((w) => w.at >= frame.from && w.at <= frame.to)
    .map((w) => {
      const colour = w.outcome === 'rejected' || w.outcome === 'unanswered' ? REJECTED : w.after !== null ? STALE : ACCEPTED;
      const how =
        w.outcome === 'rejected'
          ? 'rejected: stale token'
          : w.after !== null
            ? `accepted on top of ${w.after.client}'s token ${w.after.token}`
            : w.outcome;
      return {
        x: w.at,
        y: lane('store'),
        colour,
        shape: w.outcome === 'accepted' ? 'circle' : 'square',
        text: `${w.client}:${w.token}`,
        what: `t=${w.at} store takes ${w.client}'s write under token ${w.token}: ${how}`,
      };
    });

  const tip = { tooltip: { field: 'what', type: 'nominal' as const }, description: { field: 'what', type: 'nominal' as const } };
  const raw = (field: string) => ({ field, type: 'nominal' as const, scale: null });
  return [
    {
      name: LEASE_MARK.leaseBand,
      data: { values: bands },
      mark: { clip: true, type: 'rect', color: LEASE, opacity: 0.55 },
      encoding: { x2: { field: 'x2' }, y2: { field: 'y2' }, ...tip },
    },
    {
      name: LEASE_MARK.leaseLabel,
      data: { values: labels },
      mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 2, dy: -1, fontSize: fontSize - 1, color: LEASE },
      encoding: { text: { field: 'text' }, ...tip },
    },
    {
      name: LEASE_MARK.storeWrite,
      data: { values: writes },
      mark: { clip: true, type: 'point', size: 110, filled: true, opacity: 1, stroke: 'white', strokeWidth: 1 },
      encoding: { color: raw('colour'), shape: raw('shape'), ...tip },
    },
    {
      name: LEASE_MARK.storeWriteLabel,
      data: { values: writes },
      mark: { type: 'text', align: 'center', baseline: 'top', dy: 8, fontSize, fontWeight: 'bold' },
      encoding: { text: { field: 'text' }, color: raw('colour'), ...tip },
    },
  ];
}
