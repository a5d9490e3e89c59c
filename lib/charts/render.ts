import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to an SVG string in Node, with vega's `View.toSVG()`:
 * no browser, no canvas. Asynchronous, as vega's rendering is.
 *
 * @example
 * const svg = await toSVG(spaceTime(simulate({ protocol: twoPhaseCommit() })));
 * writeFileSync('run.svg', svg);
 */
export async function toSVG(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return withTitles(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Gives every mark that has words (its `description`, which vega writes as `aria-label`) an
 * SVG `<title>` with the same words: the tooltip a browser shows on hover where the SVG is
 * shown inline (classic Notebook, the offline pages), without any script.
 *
 * @example withTitles('<path aria-label="t=1 v1 crashes" d="M0,0"/>')
 * // '<path aria-label="t=1 v1 crashes" d="M0,0"><title>t=1 v1 crashes</title></path>'
 */
export function withTitles(svg: string): string {
  return svg.replace(/<(line|path|rect|text)\b([^>]*?\saria-label="([^"]*)"[^>]*?)(\/?)>/g, (_, tag: string, attrs: string, label: string, selfClosing: string) =>
    selfClosing ? `<${tag}${attrs}><title>${label}</title></${tag}>` : `<${tag}${attrs}><title>${label}</title>`,
  );
}

/**
 * How many marks of the layer named `name` an SVG holds: vega writes a layer's name into
 * the class of its group (`message_arrow_marks`), one element per mark inside. Counts over
 * every panel of a side-by-side chart (`message_arrow_p1_marks`, `message_arrow_p2_marks`, ...).
 *
 * @example countMarks(await toSVG(spaceTime(run)), MARK.messageArrow) // the delivered messages
 */
export function countMarks(svg: string, name: string): number {
  const group = new RegExp(`<g class="mark-[a-z]+ role-mark ${escape(name)}(?:_p\\d+)?_marks"[^>]*>`, 'g');
  let count = 0;
  for (const match of svg.matchAll(group)) {
    if (match[0].endsWith('/>')) continue; // an empty layer is written as `<g ... />`
    // A mark group of lines, symbols, rects or texts holds its items directly: count the
    // elements up to the group's own closing tag.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc says index may be undefined
    const body = svg.slice(match.index! + match[0].length, svg.indexOf('</g>', match.index!));
    count += (body.match(/<(line|path|text|rect|circle)\b/g) ?? []).length;
  }
  return count;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
