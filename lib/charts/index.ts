// Charts: typed Vega-Lite specs built from runs and sweep rows, rendered to SVG in Node,
// shown in notebooks as one output with the spec, its SVG and a line of text.
export { spaceTime, MARK, SPACE_TIME_LAYERS, shortLabel, type SpaceTimeOptions, type Drawable, type LayerBuilder, type Layer } from './space-time';
export { outcomes, type OutcomeRow, type OutcomesOptions } from './outcomes';
export { matrix, type MatrixRow, type MatrixOptions } from './matrix';
export { historyChart, HISTORY_MARK, type HistoryChartOptions } from './history';
export { show, displayBundle, kernelDisplay, VEGA_LITE_MIME, type DisplayBundle } from './show';
export { toSVG, countMarks } from './render';
export { VERDICT_COLOURS, STATE_COLOURS, MESSAGE_COLOURS, WINDOW_COLOURS } from './colours';
export { SCHEMA } from './schema';
