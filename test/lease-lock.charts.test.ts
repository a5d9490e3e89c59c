// Lesson 09's charts (DDIA ch. 8, fig. 8-4 and 8-5): a lease-lock run's space-time diagram shows
// each lease as the lock counts it and each write the store took in; the pause-against-lease
// grid shows where the unfenced lock turns unsafe. Specs are valid Vega-Lite; marks are counted in the SVG.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  afterReceive,
  catalogEntry,
  countMarks,
  LEASE_MARK,
  leaseLock,
  pause,
  pauseLeaseMap,
  ScenarioError,
  simulate,
  spaceTime,
  toSVG,
  twoPhaseCommit,
  type PauseLeaseRow,
} from '../lib';

const schema = JSON.parse(readFileSync(resolve(__dirname, '..', 'node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
const valid = (spec: unknown) => expect(validate(spec) ? [] : validate.errors!.slice(0, 3)).toEqual([]);

describe('the space-time diagram of a lease-lock run', () => {
  const unfenced = simulate(catalogEntry('lease/pause-past-lease').scenario);
  const fenced = simulate(catalogEntry('lease/pause-past-lease-fenced').scenario);

  it('draws a band for each lease the lock granted (tokens 1 and 2) and a mark for each write the store took in', async () => {
    const spec = spaceTime(unfenced);
    valid(spec);
    const svg = await toSVG(spec);
    expect(countMarks(svg, LEASE_MARK.leaseBand)).toBe(2);
    expect(countMarks(svg, LEASE_MARK.storeWrite)).toBe(2);
  });

  it("colours c1's write red where it landed on c2's, and grey where the fenced store rejected it", () => {
    const marks = (spec: any) =>
      (spec.layer as any[]).find((l) => l.name === LEASE_MARK.storeWrite).data.values.map((v: any) => `${v.colour} ${v.shape}: ${v.what}`);
    expect(marks(spaceTime(unfenced))).toEqual([
      "#3a923a circle: t=28 the store takes c2's write under token 2: accepted",
      "#d62728 circle: t=103 the store takes c1's write under token 1: accepted on top of c2's token 2",
    ]);
    expect(marks(spaceTime(fenced))[1]).toBe("#7f7f7f square: t=103 the store takes c1's write under token 1: rejected: a stale token");
  });

  it('adds nothing to a run of another protocol', async () => {
    const svg = await toSVG(spaceTime(simulate({ protocol: twoPhaseCommit() })));
    expect(countMarks(svg, LEASE_MARK.leaseBand)).toBe(0);
  });
});

describe('pauseLeaseMap: pause length against lease length', () => {
  const rows: PauseLeaseRow[] = [];
  for (const lease of [10, 20, 30]) {
    for (const ticks of [5, 15, 25, 35]) {
      const run = simulate(
        { protocol: leaseLock({ lease }), faults: [pause('c1', afterReceive('c1', 'granted'), ticks)] },
        { trace: 'none' },
      );
      rows.push({ lease, pause: ticks, verdict: run.verdict as PauseLeaseRow['verdict'] });
    }
  }

  it("is unsafe only where the pause outlasts the lease and the next holder's work besides (DDIA fig. 8-4)", () => {
    expect(rows.filter((r) => r.verdict === 'unsafe').map((r) => `${r.lease}/${r.pause}`)).toEqual(['10/25', '10/35', '20/35']);
  });

  it('is valid Vega-Lite with a cell per run', async () => {
    const spec = pauseLeaseMap(rows);
    valid(spec);
    expect((spec as any).data.values).toHaveLength(12);
    expect(await toSVG(spec)).toContain('<svg');
  });

  it('refuses a commit verdict with one ScenarioError naming the row', () => {
    expect(() => pauseLeaseMap([{ lease: 1, pause: 1, verdict: 'committed' as never }])).toThrow(ScenarioError);
    expect(() => pauseLeaseMap([{ lease: 1, pause: 1, verdict: 'committed' as never }])).toThrow(
      /rows\[0\]\.verdict: expected one of safe, unsafe/,
    );
  });
});
