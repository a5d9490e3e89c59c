// Sweeps: many runs over a grid of scenario settings and seeds, summed into plain rows.
export { sweep, type SweepOptions, type SweepRow } from './sweep';
export { protocolLabel } from '../protocols/label';
