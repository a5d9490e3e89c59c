import type { TopLevelSpec } from 'vega-lite';
import { toSVG } from './render';

/** The MIME type JupyterLab and VS Code draw Vega-Lite 5 specs from. */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/**
 * One display output with three views of one chart: the spec (JupyterLab and VS Code
 * draw it, interactive), its SVG (classic Notebook and GitHub show it) and a line of text.
 */
export interface DisplayBundle {
  readonly 'application/vnd.vegalite.v5+json': TopLevelSpec;
  readonly 'image/svg+xml': string;
  readonly 'text/plain': string;
}

/** What tslab's kernel calls to send a `display_data` message to the cell being run. */
type WriteDisplayData = (
  data: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> },
  update: boolean,
) => void;

/**
 * Shows a chart in a notebook as ONE display output carrying the Vega-Lite spec, its SVG
 * (rendered in Node by vega, no browser) and a text line. Write `await show(...)`: the SVG
 * is rendered asynchronously, and awaiting keeps the chart in its own cell. Outside a
 * notebook (plain Node, tests) it displays nothing and returns the bundle instead.
 *
 * @example
 * await show(spaceTime(simulate({ protocol: twoPhaseCommit() })));
 * const bundle = await show(outcomes(rows, { x: 'network.loss' })); // in Node: the three views
 */
export async function show(spec: TopLevelSpec): Promise<DisplayBundle | undefined> {
  // Taken before rendering: the kernel swaps its writer when the next cell starts.
  const write = kernelDisplay();
  const bundle = await displayBundle(spec);
  if (write === null) return bundle;
  write({ data: { ...bundle }, metadata: {}, transient: {} }, false);
  // Nothing to return in a notebook: tslab prints a cell's last value, and the chart is the output.
  return undefined;
}

/**
 * The three views `show` sends, without sending them.
 * @example const bundle = await displayBundle(spaceTime(run)); bundle['image/svg+xml'];
 */
export async function displayBundle(spec: TopLevelSpec): Promise<DisplayBundle> {
  return {
    [VEGA_LITE_MIME]: spec,
    'image/svg+xml': await toSVG(spec),
    'text/plain': textOf(spec),
  };
}

function textOf(spec: TopLevelSpec): string {
  if (typeof spec.description === 'string' && spec.description.length > 0) return spec.description;
  const title = (spec as { title?: unknown }).title;
  if (typeof title === 'string') return title;
  if (title && typeof (title as { text?: unknown }).text === 'string') return (title as { text: string }).text;
  return 'a Vega-Lite chart';
}

/**
 * tslab's display channel, or null outside its kernel.
 *
 * tslab 1.0.22 (pinned in package.json) sends display data through one function of its
 * internal module `tslab/dist/jupyter`, `lastWriteDisplayData`, which the kernel sets
 * to the writer of the cell being run (`handleExecuteImpl`). Its public `display.raw`
 * sends one MIME type per output, so a bundle of three needs that function itself. The
 * kernel defines `globalThis.__tslab__` (its `require`, for cells); the kernel's own
 * copy of `jupyter.js` is found in the module cache, whichever path it was loaded from.
 * test/charts.test.ts pins all of this against the installed tslab.
 */
export function kernelDisplay(): WriteDisplayData | null {
  const tslab = (globalThis as { __tslab__?: { require?: { cache?: Record<string, { exports?: unknown } | undefined> } } }).__tslab__;
  const cache = tslab?.require?.cache;
  if (cache === undefined) return null;
  for (const path of Object.keys(cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(path)) continue;
    const write = (cache[path]?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof write === 'function') return write as WriteDisplayData;
  }
  return null;
}
