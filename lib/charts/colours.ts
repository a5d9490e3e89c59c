import type { Verdict } from '../checkers/index';

/**
 * The one colour of each verdict, on every chart: safe outcomes in green and blue,
 * a stuck run in amber, a broken one in red.
 */
export const VERDICT_COLOURS: Readonly<Record<Verdict, string>> = Object.freeze({
  committed: '#3a923a',
  aborted: '#4c78a8',
  blocked: '#f0a030',
  inconsistent: '#d62728',
  safe: '#3a923a',
  unsafe: '#d62728',
});

/**
 * The colour of each node state on a space-time diagram. States in which a voter has
 * promised and cannot decide alone (prepared, uncertain) share the amber of `blocked`,
 * lightened; decided states share their verdict's colour, lightened. Unknown states get
 * a colour from `OTHER_STATE_COLOURS`, in the order they appear.
 */
export const STATE_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  init: '#e4e4e4',
  waiting: '#c6dbef',
  prepared: '#fdd49e',
  uncertain: '#fdd49e',
  precommitted: '#d9ef8b',
  committed: '#a6d96a',
  aborted: '#9ecae1',
  down: '#8c8c8c',
});

export const OTHER_STATE_COLOURS: readonly string[] = ['#dadaeb', '#fcc5c0', '#ccebc5', '#ffffb3', '#bebada', '#fdb462', '#d9d9d9'];

/** Arrows that carry a decision take the decision's colour; every other message is dark grey. */
export const MESSAGE_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  commit: '#2a7a2a',
  doCommit: '#2a7a2a',
  abort: '#2f5f93',
});
export const DEFAULT_MESSAGE_COLOUR = '#444444';

/** Shaded windows: what the network or a node was not doing for a while. */
export const WINDOW_COLOURS: Readonly<Record<'partition' | 'cut' | 'slow' | 'pause', string>> = Object.freeze({
  partition: '#b07cc6',
  cut: '#e377c2',
  slow: '#bcbd22',
  pause: '#7f7f7f',
});

/** The marks of a space-time diagram that are not states, messages or windows. */
export const MARK_COLOURS = Object.freeze({
  crash: '#b22222',
  recover: '#2a7a2a',
  drop: '#b22222',
  timerStroke: '#555555',
  timerFill: '#ffffff',
  lane: '#bbbbbb',
  nodeName: '#222222',
  time: '#666666',
  idle: '#999999',
  stateText: '#333333',
  halo: '#ffffff',
  legendText: '#333333',
});
