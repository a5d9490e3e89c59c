// A lab's feedback must be something a learner can act on (issue 17; COURSE.md "Exercises
// and grading"; after DSLabs, whose model checker hands back the violating trace): each
// failing stage of each wrong answer names the broken property, gives a line that, pasted
// into the lesson's notebook with that role, replays a run breaking that very property,
// and draws that run as an SVG file under grade/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graded } from '../../grader/grade';
import { simulate } from '../../lib';
import { acceptorLab, threePhaseVoterLab, voterLab, type WithMyRole } from '../../lib/exercise';
import { brokenProperty } from '../../grader/worker/fixtures/labs';
import { gradeSubmission, project } from './support';

const labs: Record<string, { plug: (role: never) => WithMyRole; role: string; helper: string }> = {
  '04-voter': { plug: voterLab, role: 'voter', helper: 'withMyVoter' },
  '08-acceptor': { plug: acceptorLab, role: 'acceptor', helper: 'withMyAcceptor' },
  '05-voter': { plug: threePhaseVoterLab, role: 'voter', helper: 'withMy3pcVoter' },
};

const variantsOf = (id: string) => {
  const dir = join(project, 'test', 'grader', 'variants', id);
  // Delegating answers load nothing (test/grader/import-policy.test.ts): they have no run to replay.
  const own = (f: string) => !readFileSync(join(dir, f), 'utf8').includes('A delegating answer');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts') && own(f)).map((f) => f.replace(/\.ts$/, '')) : [];
};

// The variants import '../lib' as learners' files do: load them from a folder where that resolves.
const scratch = join(project, 'test', 'grader', `.labs-${process.pid}`);

describe('every failing stage of every lab variant replays its broken property and draws it', () => {
  const graded = new Map<string, Graded>();
  beforeAll(async () => {
    mkdirSync(join(scratch, 'exercises'), { recursive: true });
    symlinkSync(join(project, 'lib'), join(scratch, 'lib'), 'junction');
    const rounds: { id: string; name: string }[][] = [];
    for (const id of Object.keys(labs)) variantsOf(id).forEach((name, k) => (rounds[k] ??= []).push({ id, name }));
    for (const round of rounds) {
      const g = await gradeSubmission(Object.fromEntries(round.map((v) => [v.id, { path: join(project, 'test', 'grader', 'variants', v.id, `${v.name}.ts`) }])), { hidden: false, timeoutMs: 30_000 });
      for (const v of round) graded.set(`${v.id}/${v.name}`, g);
    }
  }, 600_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  for (const [id, lab] of Object.entries(labs)) {
    for (const name of variantsOf(id)) {
      it(`${id}/${name}: each lost stage's replay line breaks the property it names, and its diagram is under grade/`, async () => {
        const file = join(scratch, 'exercises', `${id}-${name}.ts`);
        writeFileSync(file, readFileSync(join(project, 'test', 'grader', 'variants', id, `${name}.ts`), 'utf8'));
        const role = (await import(file))[lab.role];
        const withMine = lab.plug(role as never);
        const outcome = graded.get(`${id}/${name}`)!.outcomes.find((o) => o.id === id)!;
        const lost = outcome.tests.filter((t) => t.score < t.spec.points);
        expect(lost.length).toBeGreaterThan(0);
        for (const t of lost) {
          const property = /^Broken: ([a-z]+)/m.exec(t.output)?.[1];
          const line = new RegExp(`^  simulate\\(${lab.helper}\\((.*)\\)\\)$`, 'm').exec(t.output)?.[1];
          expect(property, t.output).toBeDefined();
          expect(line, t.output).toBeDefined();
          // One replay form only: the helper's, never the registered lab protocol's name.
          expect(t.output).not.toMatch(/"name":"[a-zA-Z]+\/lab"/);
          const run = simulate(withMine(JSON.parse(line!)));
          if (property === 'the') {
            // "Broken: the expected outcome": no property broke, the run ends otherwise than the reference's.
            expect(t.output).toContain(`it ends ${run.verdict}`);
          } else {
            expect(brokenProperty(run)?.property, line).toBe(property);
          }
          const svg = /(grade\/\S+\.svg)/.exec(t.output)?.[1];
          expect(svg, t.output).toBeDefined();
          expect(readFileSync(join(project, svg!), 'utf8')).toMatch(/^<svg/);
        }
      });
    }
  }
});
