// Reading a space-time diagram back out of its SVG, for tests that check what a chart shows.
import { countMarks } from '../../lib/charts/render';
import { MARK } from '../../lib/charts/space-time';

/**
 * Vega writes a layer's `name` into the class of the layer's group (`message_arrow_marks`), and
 * draws each item of a rule layer as one `<line>`: so this selector finds one element per arrow.
 */
export const MESSAGE_ARROW_SELECTOR = `g.${MARK.messageArrow}_marks > line`;

/**
 * How many message arrows an SVG string draws (one `<line>` per delivered message).
 *
 * @example messageArrowsIn(svgOfTheHappyRun) // 12
 */
export function messageArrowsIn(svg: string): number {
  return countMarks(svg, MARK.messageArrow);
}

/**
 * The number of delivered messages in `explain(run)`'s stats line ("stats: 12 messages sent, 12 delivered, ...").
 *
 * @example deliveredIn('stats: 14 messages sent, 13 delivered, 7 log writes') // 13
 */
export function deliveredIn(printed: string): number {
  const match = /stats: \d+ messages sent, (\d+) delivered/.exec(printed);
  return match ? Number(match[1]) : 0;
}
