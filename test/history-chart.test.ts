// The history chart (issue 20, like Porcupine's visualization): a lane per client, a bar per
// operation from call to return, the linearization (or the longest prefix) drawn as numbered
// dots in order, the operations that cannot be placed in red. Valid Vega-Lite, and the SVG shows
// exactly the history.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  countMarks,
  HISTORY_MARK,
  historyChart,
  linearizable,
  register,
  ScenarioError,
  toSVG,
  VERDICT_COLOURS,
  type History,
} from '../lib';

const schema = JSON.parse(readFileSync(resolve(__dirname, '..', 'node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: false, strict: false }).compile(schema);

type Op = History[number];
const w = (client: string, call: number, ret: number, value: unknown): Op => ({
  client,
  call,
  ret,
  input: { kind: 'write', value },
  output: {},
});
const r = (client: string, call: number, ret: number, value: unknown): Op => ({
  client,
  call,
  ret,
  input: { kind: 'read' },
  output: { value },
});
// DDIA ch. 9, fig. 9-1: Bob reads the old score after Alice has read the new one.
const scores = [w('referee', 0, 1, '1-0'), w('referee', 2, 20, '2-1'), r('alice', 5, 6, '2-1'), r('bob', 7, 8, '1-0')];
const data = (spec: any, name: string) => spec.layer.find((l: any) => l.name === name).data.values as any[];

describe('historyChart', () => {
  it('is valid Vega-Lite', () => {
    expect(validate(historyChart(scores)) ? [] : validate.errors!.slice(0, 3)).toEqual([]);
    expect(validate(historyChart(scores.slice(0, 3))) ? [] : validate.errors!.slice(0, 3)).toEqual([]);
  });

  it('draws one bar per operation and one numbered dot per operation of the linearization', async () => {
    const svg = await toSVG(historyChart(scores.slice(0, 3)));
    expect(countMarks(svg, HISTORY_MARK.operation)).toBe(3);
    expect(countMarks(svg, HISTORY_MARK.point)).toBe(3);
  });

  it("when not linearizable, numbers the longest prefix and marks in red what cannot come next (Bob's read)", async () => {
    const spec = historyChart(scores);
    const ops = data(spec, HISTORY_MARK.operation);
    expect(ops.map((o) => o.status)).toEqual([
      'in the longest prefix',
      'in the longest prefix',
      'in the longest prefix',
      'cannot be placed',
    ]);
    expect(JSON.stringify(spec)).toContain(VERDICT_COLOURS.inconsistent);
    expect((spec as any).title.text).toBe('History: not linearizable');
    expect(countMarks(await toSVG(spec), HISTORY_MARK.point)).toBe(3);
  });

  it('puts each dot inside its own operation, in the order of the linearization', () => {
    const history = [w('a', 0, 10, 1), w('b', 1, 3, 2), r('c', 5, 6, 1), r('d', 4, 12, 1)];
    const result = linearizable(history, register());
    const points = data(historyChart(history, { result, model: register() }), HISTORY_MARK.point);
    expect(points.map((p) => p.index)).toEqual(result.linearization);
    for (const p of points) expect(p.at >= history[p.index].call && p.at <= history[p.index].ret).toBe(true);
    for (let k = 1; k < points.length; k++) expect(points[k].at).toBeGreaterThanOrEqual(points[k - 1].at);
  });

  it('draws an operation with an unknown outcome to the right edge, and says so in its tooltip', () => {
    const history = [{ ...w('a', 0, 1, 1), ret: Infinity, output: { unknown: true } }, r('b', 2, 3, 1)];
    const op = data(historyChart(history), HISTORY_MARK.operation)[0];
    expect(op.returned).toBe('never (unknown outcome)');
    expect(Number.isFinite(op.ret) && op.ret > 3).toBe(true);
  });

  it('refuses an empty history with a ScenarioError', () => {
    expect(() => historyChart([])).toThrow(ScenarioError);
  });
});
