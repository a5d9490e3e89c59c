/**
 * Judges a protocol lab's stages. The catalog stage is compared with the reference, run
 * here; the explore and check stages pass when no property broke. A failure's feedback
 * names the property, gives the smallest run as a line that pastes into the lesson's
 * notebook, tells it event by event, and draws it to `grade/<lab>/<stage>.svg`.
 */
import { simulate } from '../../lib';
import { checkLine, checkWorld, labCatalog, type Failure, type Lab, type LabCheck, type StageResult } from '../worker/fixtures/labs';
import { drawRun } from './draw';
import { preview } from './judging';

type Stage = 'catalog' | 'explore' | 'check' | 'placements';

const PROPERTY: Record<string, string> = {
  agreement: 'agreement (no two nodes decide differently)',
  validity: 'validity (commit only if every voter voted yes)',
  termination: 'termination (every voter that is up decides)',
  outcome: 'the expected outcome',
};

/** The line a learner pastes into the lesson's notebook, after its exercise cell defines the helper. */
export function replayOf(lab: Lab, f: Failure): string {
  return `simulate(${lab.helper}(${JSON.stringify(f.scenario)}))`;
}

function isStageResult(o: unknown): o is StageResult {
  const r = o as StageResult;
  return typeof r === 'object' && r !== null && typeof r.covered === 'number' && typeof r.broken === 'object' && r.broken !== null
    && (r.failure === null || typeof r.failure === 'object') && (r.problem === null || typeof r.problem === 'string');
}

function isFailure(f: unknown): f is Failure {
  const x = f as Failure;
  return typeof x === 'object' && x !== null && typeof x.property === 'string' && typeof x.why === 'string'
    && typeof x.scenario === 'object' && x.scenario !== null && typeof x.told === 'string' && typeof x.drawable === 'object' && x.drawable !== null;
}

/** Feedback for one failing run: property, replay line, the run in words, the drawing. */
function feedback(lab: Lab, stage: Stage, head: string, f: Failure, world = 0): string {
  const replay = replayOf(lab, f);
  const file = `${lab.id}/${stage}-${f.property}.svg`;
  const drawn = drawRun(f.drawable as never, file, `${lab.yours}, ${stage}: ${f.property} broken`);
  const checker = f.replays === false;
  const lines = [
    head,
    `Broken: ${PROPERTY[f.property] ?? f.property}. ${f.why}.`,
    '',
    checker
      ? `Only this interleaving breaks it: the simulator's clock does not produce it, and no simulated run of up to ${lab.explore.max} crashes and recoveries breaks ${f.property}. Replay it with the checker in lesson ${lab.lesson}'s notebook, after the exercise cell that defines ${lab.helper} (it imports check):`
      : `Replay it in lesson ${lab.lesson}'s notebook, after the exercise cell that defines ${lab.helper}:`,
    `  ${checker ? checkLine(lab, lab.check[world] ?? lab.check[0]) : replay}`,
  ];
  if (f.steps?.length) {
    lines.push('', `The checker's interleaving (${f.steps.length} steps):`, ...f.steps.slice(0, 40).map((s, i) => `  ${i + 1}. ${s}`));
    if (f.instead && !checker) lines.push(`(The simulator's clock does not produce that interleaving; the replay line above is the smallest simulated run that breaks ${f.property} too.)`);
    if (checker) lines.push(`(The run below and its diagram are the simulator's attempt at it, with the same crashes: ${replay}.)`);
  }
  lines.push('', 'Your run, event by event:', f.told.slice(0, 5000), '');
  lines.push(drawn
    ? `Its space-time diagram: ${drawn} (open it in a browser). In the notebook: await show(spaceTime(${replay}))`
    : `Draw it in the notebook: await show(spaceTime(${replay}))`);
  return lines.join('\n');
}

type CatalogRow = { id: string; verdict: string; decisions: Record<string, string | null> };
const expectedCache = new Map<string, CatalogRow[]>();

/** Stage (a): every catalog case of the lab's protocol ends as the reference ends it. */
export function judgeCatalog(lab: Lab) {
  return (o: unknown): string | null => {
    let expected = expectedCache.get(lab.id);
    if (!expected) {
      expected = labCatalog(lab).map((e) => {
        const run = simulate(lab.reference(e.scenario), { trace: 'none' });
        return { id: e.id, verdict: run.verdict, decisions: { ...run.decisions } };
      });
      expectedCache.set(lab.id, expected);
    }
    const observed = o as StageResult & { results?: unknown };
    if (!isStageResult(observed) || !Array.isArray(observed.results) || observed.results.length !== expected.length) {
      return `expected ${expected.length} catalog runs, got ${preview(observed)}`;
    }
    const results = observed.results as typeof expected;
    const same = (e: CatalogRow, i: number) =>
      JSON.stringify(e) === JSON.stringify({ id: results[i]?.id, verdict: results[i]?.verdict, decisions: results[i]?.decisions });
    const differing = expected.filter((e, i) => !same(e, i));
    if (differing.length === 0) return null;
    const first = differing[0];
    const f = observed.failure;
    const head = `${differing.length} of ${expected.length} ${lab.catalogPrefix} cases of the catalog end differently from ${lab.referenceName}. The first, ${first.id}:`;
    if (!isFailure(f) || f.caseId !== first.id) return `${head} ${lab.referenceName} ends it ${first.verdict}. Run catalogEntry('${first.id}') through ${lab.helper} in lesson ${lab.lesson}'s notebook.`;
    return feedback(lab, 'catalog', head, f);
  };
}

function checkHead(covered: number, c: LabCheck): string {
  const timers = c.timers === 'quiet' ? ', a timer firing only when no message is in flight' : '';
  return `Over ${covered} distinct states checked, in the world of ${checkWorld(c)} (every order of messages, crashes and timer expiries${timers}, breadth first), the checker found a broken property.`;
}

/** Stages (b) and (c): no property breaks. */
export function judgeStage(lab: Lab, stage: 'explore' | 'check' | 'placements') {
  return (o: unknown): string | null => {
    if (!isStageResult(o)) return `expected a stage result, got ${preview(o)}`;
    if (o.problem) return o.problem;
    if (o.failure === null) return o.covered > 0 ? null : 'the stage ran nothing';
    if (!isFailure(o.failure)) return `the stage's failure has an unexpected shape: ${preview(o.failure)}`;
    const counts = Object.entries(o.broken).filter(([, n]) => n > 0).map(([p, n]) => `${p} ${n}`).join(', ');
    const head = stage === 'placements'
      ? `Over ${o.covered} runs where ${lab.placements!.what}, ${lab.yours} broke a property: ${counts}. The first:`
      : stage === 'explore'
      ? `Over ${o.covered} fault placements (${lab.explore.kinds.join(' and ')}, up to ${lab.explore.max}, ${lab.explore.voters} voters), ${lab.yours} broke a property: ${counts}. The smallest placement (${o.failure.faults} fault${o.failure.faults === 1 ? '' : 's'}):`
      : checkHead(o.covered, lab.check[o.world ?? 0] ?? lab.check[0]);
    return feedback(lab, stage, head, o.failure, o.world ?? 0);
  };
}
