// Measuring a chart as a reader sees it: every SVG is laid out by Chromium, every text's box
// is taken from the browser (the fonts it really uses), and every mark is compared with the
// plot it belongs to. Used by test/charts-overlap.test.ts.
import type { Page } from 'playwright-core';

/** What a reader cannot read in one chart: texts drawn over each other, marks drawn outside the plot. */
export interface Crowding {
  readonly chart: string;
  readonly overlaps: readonly string[];
  readonly outside: readonly string[];
}

/**
 * Lays out the SVGs in the page and lists, for each, the pairs of texts whose boxes overlap
 * by more than a pixel each way, and the marks (items of a `role-mark` layer) outside their
 * plot: a text reaching more than a pixel beyond it, a symbol or line whose centre is beyond it.
 * A text under its own white halo (`message_halo`) is not a second text.
 *
 * @example (await crowding(page, [{ chart: '2pc/happy', svg }]))[0].overlaps // []
 */
export async function crowding(page: Page, charts: readonly { chart: string; svg: string }[]): Promise<Crowding[]> {
  await page.setContent(
    `<!doctype html><html><body style="margin:0;font-family:sans-serif">${charts.map((c, i) => `<div id="chart${i}">${c.svg}</div>`).join('')}</body></html>`,
  );
  return page.evaluate(
    (names: string[]) => {
      // This runs in the browser; the project compiles without the DOM's types, so they are loose here.
       
      type Element = any;
      const document = (globalThis as any).document;
      const getComputedStyle = (globalThis as any).getComputedStyle;
      type Box = { x: number; y: number; x2: number; y2: number };
      const boxOf = (el: Element): Box => {
        const r = el.getBoundingClientRect();
        return { x: r.left, y: r.top, x2: r.right, y2: r.bottom };
      };
      const plotOf = (el: Element): Box | null => {
        // The nearest enclosing view (a single chart's frame, or one panel of a concatenation) with a size.
        for (let g = el.parentElement; g; g = g.parentElement) {
          // A view is one item of a frame or scope group: its own <g>, its background first.
          if (!g.parentElement?.matches('g.role-frame, g.role-scope')) continue;
          const background = g.querySelector(':scope > path.background');
          if (!background) continue;
          const b = boxOf(background);
          if (b.x2 - b.x > 1 && b.y2 - b.y > 1) return b;
        }
        return null;
      };
      return names.map((chart, i) => {
        const root = document.getElementById(`chart${i}`)!;
        const texts = ([...root.querySelectorAll('text')] as Element[])
          .map((t) => ({
            t,
            text: ([...t.childNodes] as Element[])
              .filter((n) => n.nodeName !== 'title')
              .map((n) => n.textContent)
              .join('')
              .trim(),
          }))
          .filter(({ t, text }) => text !== '' && !t.closest('g[class*="message_halo"]') && getComputedStyle(t).opacity !== '0')
          .map(({ t, text }) => ({ text, box: boxOf(t) }))
          .filter((t) => t.box.x2 > t.box.x && t.box.y2 > t.box.y);
        const overlaps: string[] = [];
        for (let a = 0; a < texts.length; a++) {
          for (let b = a + 1; b < texts.length; b++) {
            const p = texts[a].box;
            const q = texts[b].box;
            const w = Math.min(p.x2, q.x2) - Math.max(p.x, q.x);
            const h = Math.min(p.y2, q.y2) - Math.max(p.y, q.y);
            if (w > 1 && h > 1) overlaps.push(`'${texts[a].text}' over '${texts[b].text}'`);
          }
        }
        const outside: string[] = [];
        for (const layer of root.querySelectorAll('g.role-mark') as Element[]) {
          const name = ([...layer.classList] as string[]).find((c) => c.endsWith('_marks')) ?? 'a mark';
          for (const item of layer.querySelectorAll(
            ':scope > line, :scope > path, :scope > rect, :scope > text, :scope > g > path',
          ) as Element[]) {
            const plot = plotOf(layer);
            if (!plot) continue;
            const b = boxOf(item);
            // An empty share is drawn as a bar of no height: nothing to see, wherever the browser puts it.
            if (item.tagName !== 'line' && item.tagName !== 'text' && (b.x2 - b.x < 0.5 || b.y2 - b.y < 0.5)) continue;
            // A text must lie wholly inside to be read; a symbol or line, by its centre (a point on the plot's edge is on the plot).
            const whole = item.tagName === 'text';
            const cx = (b.x + b.x2) / 2;
            const cy = (b.y + b.y2) / 2;
            const out = whole
              ? b.x < plot.x - 1 || b.y < plot.y - 1 || b.x2 > plot.x2 + 1 || b.y2 > plot.y2 + 1
              : cx < plot.x - 1 || cy < plot.y - 1 || cx > plot.x2 + 1 || cy > plot.y2 + 1;
            if (out) {
              outside.push(`${name}: ${item.getAttribute('aria-label') ?? item.textContent ?? item.tagName}`);
            }
          }
        }
        return { chart, overlaps, outside };
      });
    },
    charts.map((c) => c.chart),
  );
}
