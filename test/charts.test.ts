// Charts are specifications too (docs/DESIGN.md, "Charts"; issue 11): every spec the library builds
// is valid Vega-Lite by the schema the vega-lite package ships, and the SVG of a run shows
// exactly the run: one arrow per delivered message, one cross per dropped one (a Lamport
// space-time diagram, as Maelstrom draws its network journal).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  catalogEntry,
  countMarks,
  displayBundle,
  MARK,
  matrix,
  outcomes,
  ScenarioError,
  show,
  simulate,
  spaceTime,
  sweep,
  toSVG,
  twoPhaseCommit,
  VEGA_LITE_MIME,
  VERDICT_COLOURS,
  VERDICTS,
  type Run,
  type TraceEvent,
} from '../lib';
import { kernelDisplay } from '../lib/charts/show';
import { everyMark } from './support/runs';

const root = resolve(__dirname, '..');
const schema = JSON.parse(readFileSync(resolve(root, 'node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8'));
let validate: ReturnType<Ajv['compile']>;
beforeAll(() => {
  validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
});

function expectValidVegaLite(spec: unknown) {
  const ok = validate(spec);
  expect(ok ? [] : validate.errors!.slice(0, 3)).toEqual([]);
}

const count = (run: Run, kind: TraceEvent['kind']) => run.trace.filter((e) => e.kind === kind && !('noop' in e && e.noop)).length;

describe('space-time diagrams (docs/DESIGN.md, "Charts")', () => {
  it('are valid Vega-Lite for one run, for several side by side, and at 10 voters', () => {
    expectValidVegaLite(spaceTime(simulate(catalogEntry('2pc/happy').scenario)));
    expectValidVegaLite(spaceTime(everyMark()));
    expectValidVegaLite(spaceTime(everyMark(10)));
    const scenario = catalogEntry('2pc/coordinator-and-voter-crash-in-commit').scenario;
    expectValidVegaLite(
      spaceTime([simulate(scenario), simulate({ ...scenario, protocol: twoPhaseCommit({ termination: 'cooperative' }) })]),
    );
  });

  it('draw one arrow per delivered message and one cross per dropped one (2pc/voter-down-in-commit, the lecture)', async () => {
    const run = simulate(catalogEntry('2pc/voter-down-in-commit').scenario);
    const svg = await toSVG(spaceTime(run, { to: run.stats.duration + 1 }));
    expect(count(run, 'deliver')).toBeGreaterThan(0);
    expect(count(run, 'drop')).toBeGreaterThan(0);
    expect(countMarks(svg, MARK.messageArrow)).toBe(count(run, 'deliver'));
    expect(countMarks(svg, MARK.messageHead)).toBe(count(run, 'deliver'));
    expect(countMarks(svg, MARK.dropCross)).toBe(count(run, 'drop'));
  });

  it('draw a mark for each crash, recovery and fault window, and a state band for every node', async () => {
    const run = everyMark();
    const svg = await toSVG(spaceTime(run, { to: run.stats.duration + 1 }));
    expect(count(run, 'crash')).toBe(1);
    expect(count(run, 'recover')).toBe(1);
    expect(countMarks(svg, MARK.crash)).toBe(1);
    expect(countMarks(svg, MARK.recover)).toBe(1);
    // Four windows opened by the scenario (cut, partition, slow link) and the pause.
    const windows = run.trace.filter((e) => e.kind === 'window' && e.edge === 'open').length + count(run, 'pause');
    expect(windows).toBe(4);
    expect(countMarks(svg, MARK.window)).toBe(windows);
    expect(countMarks(svg, MARK.messageArrow)).toBe(count(run, 'deliver'));
    expect(countMarks(svg, MARK.dropCross)).toBe(count(run, 'drop'));
    expect(countMarks(svg, MARK.stateBand)).toBeGreaterThanOrEqual(run.nodes.length);
  });

  it('draw several runs side by side, each panel with its own marks', async () => {
    const scenario = catalogEntry('2pc/vote-no').scenario;
    const a = simulate(scenario);
    const b = simulate({ ...scenario, voters: 5 });
    const svg = await toSVG(spaceTime([a, b]));
    expect(countMarks(svg, MARK.messageArrow)).toBe(count(a, 'deliver') + count(b, 'deliver'));
  });

  it('show a window of time: only the messages in flight during it', async () => {
    const run = simulate(catalogEntry('2pc/voter-down-in-commit').scenario);
    const spec = spaceTime(run, { from: 2, to: 12 });
    expectValidVegaLite(spec);
    const inWindow = run.trace.filter((e) => e.kind === 'deliver' && e.t >= 2 && e.sentAt <= 12).length;
    expect(inWindow).toBeLessThan(count(run, 'deliver'));
    expect(countMarks(await toSVG(spec), MARK.messageArrow)).toBe(inWindow);
  });

  it('put every event of the run in words on its mark, as tooltip and aria-label', () => {
    const run = simulate(catalogEntry('2pc/vote-no').scenario);
    const spec = JSON.stringify(spaceTime(run));
    expect(spec).toContain('t=2 coordinator <- v3 vote(no) (sent at t=1)');
  });

  it('stop one retry after the last change of a run that retries until its horizon, and say so (2pc/link-down-forever)', () => {
    const run = simulate(catalogEntry('2pc/link-down-forever').scenario);
    const spec = spaceTime(run) as unknown as { title: { subtitle?: string[] }; usermeta: { to: number } };
    const to = spec.usermeta.to;
    const last = run.trace[run.trace.length - 1].t;
    expect(to).toBeLessThan(last / 10);
    expect(spec.title.subtitle?.join(' ')).toContain(`until t=${last}`);
    expect(spec.title.subtitle?.join(' ')).toContain(`spaceTime(run, { to: ${last + 1} })`);
  });

  it('refuse a run kept without its trace, naming the field', () => {
    const run = simulate({ protocol: twoPhaseCommit() }, { trace: 'none' });
    expect(() => spaceTime(run)).toThrow(ScenarioError);
    expect(() => spaceTime(run)).toThrow(/^run\.trace: /);
  });
});

describe('outcome charts and the fault-placement matrix (docs/DESIGN.md, "Charts")', () => {
  const rows = sweep({
    base: { protocol: twoPhaseCommit(), horizon: 200 },
    vary: { protocol: [twoPhaseCommit(), twoPhaseCommit({ termination: 'cooperative' })], 'network.loss': [0, 0.2] },
    seeds: 20,
  });

  it('outcomes() is valid Vega-Lite, one panel per protocol, verdicts in their fixed colours', () => {
    const spec = outcomes(rows, { x: 'network.loss' });
    expectValidVegaLite(spec);
    const s = spec as {
      facet: { column: { field: string } };
      spec: { encoding: { color: { scale: { domain: string[]; range: string[] } } } };
    };
    expect(s.facet.column.field).toBe('protocol');
    expect(s.spec.encoding.color.scale.domain).toEqual([...VERDICTS]);
    expect(s.spec.encoding.color.scale.range).toEqual(VERDICTS.map((v) => VERDICT_COLOURS[v]));
  });

  it('outcomes() draws one bar segment per protocol, setting and verdict', async () => {
    const svg = await toSVG(outcomes(rows, { x: 'network.loss' }));
    // Empty shares draw zero-height bars: still one mark each.
    expect((svg.match(/aria-roledescription="bar"/g) ?? []).length).toBe(rows.length * VERDICTS.length);
  });

  it('outcomes() names the field it cannot find, and the fields the rows have', () => {
    expect(() => outcomes(rows, { x: 'network.lost' })).toThrow(
      /^options\.x: rows\[0\] has no field "network\.lost"; its fields are network\.loss, runs/,
    );
  });

  it('matrix() is valid Vega-Lite with one cell per placement and protocol', async () => {
    const cells = [
      { placement: 'coordinator crashes after prepare', protocol: 'twoPhaseCommit', verdict: 'blocked' as const },
      { placement: 'coordinator crashes after prepare', protocol: 'threePhaseCommit', verdict: 'aborted' as const },
      { placement: 'v1 crashes after commit', protocol: 'twoPhaseCommit', verdict: 'committed' as const, detail: 'replay: ...' },
    ];
    const spec = matrix(cells);
    expectValidVegaLite(spec);
    expect(countMarks(await toSVG(spec), 'matrix_cell')).toBe(3);
    expect(() => matrix([{ placement: 'x', protocol: 'y', verdict: 'lost' as never }])).toThrow(
      /^rows\[0\]\.verdict: expected one of committed, aborted, blocked, inconsistent/,
    );
  });
});

describe('show(): one display output with three views (docs/DESIGN.md, "Charts"; tslab 1.0.22)', () => {
  const saved = (globalThis as { __tslab__?: unknown }).__tslab__;
  afterEach(() => {
    (globalThis as { __tslab__?: unknown }).__tslab__ = saved;
  });

  it('outside a notebook, returns the bundle: the Vega-Lite spec, its SVG and a line of text', async () => {
    const spec = spaceTime(simulate(catalogEntry('2pc/happy').scenario));
    const bundle = await show(spec);
    expect(Object.keys(bundle!).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/svg+xml', 'text/plain']);
    expect(bundle![VEGA_LITE_MIME]).toBe(spec);
    expect(bundle!['image/svg+xml']).toMatch(/^<svg /);
    expect(bundle!['text/plain']).toContain('verdict committed');
  });

  it("inside tslab's kernel, sends the three through the kernel's own display channel as one output", async () => {
    // The real tslab module and handler: a cell run through JupyterHandlerImpl.handleExecute
    // sets `lastWriteDisplayData` to that cell's writer, which show() must find and use.
    const require = createRequire(resolve(root, 'notebooks/x.js'));
    const jupyter = require('tslab/dist/jupyter') as {
      JupyterHandlerImpl: new (
        executor: unknown,
        isJs: boolean,
      ) => { handleExecute(req: unknown, ws: unknown, wd: unknown): Promise<{ status: string }> };
    };
    expect((require('tslab/package.json') as { version: string }).version).toBe('1.0.22');
    const written: { data: Record<string, unknown> }[] = [];
    let returned: unknown = 'not run';
    const executor = {
      async execute() {
        // What tslab's executor does for each kernel: expose its `require` to cells.
        (globalThis as { __tslab__?: unknown }).__tslab__ = { exports: {}, require };
        returned = await show(spaceTime(simulate(catalogEntry('2pc/vote-no').scenario)));
        return true;
      },
    };
    // Saved unbound on purpose: the finally below puts each back on the stream it came from.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const out = process.stdout.write;
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const err = process.stderr.write;
    try {
      const reply = await new jupyter.JupyterHandlerImpl(executor, false).handleExecute(
        { code: '' },
        () => {},
        (data: { data: Record<string, unknown> }) => written.push(data),
      );
      expect(reply.status).toBe('ok');
    } finally {
      // handleExecute points stdout and stderr at the kernel's stream: point them back.
      process.stdout.write = out;
      process.stderr.write = err;
    }
    expect(written).toHaveLength(1);
    expect(Object.keys(written[0].data).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/svg+xml', 'text/plain']);
    // Nothing returned, so that tslab does not also print the cell's value.
    expect(returned).toBeUndefined();
  });

  it('outside a kernel, finds no display channel', () => {
    (globalThis as { __tslab__?: unknown }).__tslab__ = undefined;
    expect(kernelDisplay()).toBeNull();
  });

  it('displayBundle renders the same SVG as toSVG', async () => {
    const spec = spaceTime(simulate(catalogEntry('2pc/vote-no').scenario));
    // Vega numbers its clip paths per process; everything else is the same.
    const plain = (svg: string) => svg.replace(/clip\d+/g, 'clip');
    expect(plain((await displayBundle(spec))['image/svg+xml'])).toBe(plain(await toSVG(spec)));
  });
});
