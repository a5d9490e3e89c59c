/**
 * Judges a protocol exercise: the learner's run of every placement must end as
 * the library's does (verdict and decisions). On a failure the feedback gives the
 * smallest failing scenario as one JSON line, the run told in words, and how to
 * draw it in the lesson's notebook.
 */
import { simulate, twoPhaseCommit } from '../../lib';
import { LEARNER_2PC } from '../../lib/exercise';
import { resultOf, scenarioOf, type RunResult, type voterCrashes } from '../worker/fixtures/placements';
import { preview } from './judging';

type Placements = ReturnType<typeof voterCrashes>;

const expectedCache = new Map<string, RunResult[]>();

function expectedFor(key: string, termination: 'wait' | 'cooperative', placements: Placements): RunResult[] {
  let e = expectedCache.get(key);
  if (!e) {
    e = placements.map((p) => resultOf(simulate(scenarioOf(twoPhaseCommit({ termination }), p), { trace: 'none' })));
    expectedCache.set(key, e);
  }
  return e;
}

export function judgeRuns(options: {
  key: string;
  termination: 'wait' | 'cooperative';
  placements: () => Placements;
  lesson: string;
  rule: string;
}) {
  return (o: unknown): string | null => {
    const placements = options.placements();
    const expected = expectedFor(options.key, options.termination, placements);
    const observed = o as { results?: unknown; explained?: Record<string, unknown> } | null;
    if (!observed || !Array.isArray(observed.results) || observed.results.length !== expected.length) {
      return `expected ${expected.length} run results, got ${preview(observed?.results)}`;
    }
    const results = observed.results as RunResult[];
    const failing = expected.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify({ verdict: results[i]?.verdict, decisions: results[i]?.decisions }));
    if (failing < 0) return null;
    const count = expected.filter((e, i) => JSON.stringify(e) !== JSON.stringify({ verdict: results[i]?.verdict, decisions: results[i]?.decisions })).length;
    const line = JSON.stringify(scenarioOf({ name: LEARNER_2PC, termination: options.termination, timeout: 10 }, placements[failing]));
    const told = observed.explained?.[String(failing)];
    return [
      `${count} of ${expected.length} fault placements end differently from textbook 2PC. The smallest:`,
      line,
      `with ${options.rule}: verdict ${results[failing]?.verdict}, decisions ${JSON.stringify(results[failing]?.decisions)}`,
      `textbook 2PC: verdict ${expected[failing].verdict}, decisions ${JSON.stringify(expected[failing].decisions)}`,
      ...(typeof told === 'string' ? ['', 'Your run, event by event:', told.slice(0, 6000)] : []),
      '',
      `Draw it in lesson ${options.lesson}'s notebook: call twoPhaseCommitWith(...) with your rule, then run the space-time diagram cell on simulate(<the line above>).`,
    ].join('\n');
  };
}
