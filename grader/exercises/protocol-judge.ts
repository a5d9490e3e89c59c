/**
 * Judges a protocol exercise: the learner's run of every placement must end as the
 * reference protocol's does (verdict and decisions). On a failure the feedback gives the
 * first failing scenario as the line that replays it (`simulate({...})`), the run told in words, and how to draw it in
 * the lesson's notebook.
 */
import { replayLine, simulate, twoPhaseCommit, type Scenario } from '../../lib';
import { LEARNER_2PC } from '../../lib/exercise';
import { resultOf, scenarioOf, type RunResult, type voterCrashes } from '../worker/fixtures/placements';
import { preview } from './judging';

const expectedCache = new Map<string, RunResult[]>();

export interface RunsJudge<P> {
  /** Names the reference runs, which are computed once per grader process. */
  readonly key: string;
  readonly placements: () => readonly P[];
  /** The reference protocol's scenario of a placement, and the learner's (the line to paste into `simulate`). */
  readonly reference: (p: P) => Scenario;
  readonly learner: (p: P) => Scenario;
  /** How feedback names the reference: in a sentence, and before its verdict. */
  readonly referenceName: string;
  readonly referenceLabel: string;
  /** How feedback names the first failing placement: 'smallest' when the placements go smallest first. */
  readonly first: 'smallest' | 'first';
  readonly lesson: string;
  /** The learner's rules in feedback ("your recovery rule"), and the call that plugs them into the protocol. */
  readonly rule: string;
  readonly drawWith: string;
}

/** A judge that compares the learner's runs (`{ results, explained }` from `runsAgainst`) with the reference's. */
export function judgeRunsAgainst<P>(options: RunsJudge<P>) {
  return (o: unknown): string | null => {
    const placements = options.placements();
    let expected = expectedCache.get(options.key);
    if (!expected) {
      expected = placements.map((p) => resultOf(simulate(options.reference(p), { trace: 'none' })));
      expectedCache.set(options.key, expected);
    }
    const observed = o as { results?: unknown; explained?: Record<string, unknown> } | null;
    if (!observed || !Array.isArray(observed.results) || observed.results.length !== expected.length) {
      return `expected ${expected.length} run results, got ${preview(observed?.results)}`;
    }
    const results = observed.results as RunResult[];
    const differs = (e: RunResult, i: number) =>
      JSON.stringify(e) !== JSON.stringify({ verdict: results[i]?.verdict, decisions: results[i]?.decisions });
    const failing = expected.findIndex(differs);
    if (failing < 0) return null;
    const told = observed.explained?.[String(failing)];
    return [
      `${expected.filter(differs).length} of ${expected.length} fault placements end differently from ${options.referenceName}. The ${options.first}:`,
      replayLine(options.learner(placements[failing])),
      `with ${options.rule}: verdict ${results[failing]?.verdict}, decisions ${JSON.stringify(results[failing]?.decisions)}`,
      `${options.referenceLabel}: verdict ${expected[failing].verdict}, decisions ${JSON.stringify(expected[failing].decisions)}`,
      ...(typeof told === 'string' ? ['', 'Your run, event by event:', told.slice(0, 6000)] : []),
      '',
      `Draw it in lesson ${options.lesson}'s notebook: call ${options.drawWith}, then paste the simulate({...}) line above into a cell as it is and draw its space-time diagram.`,
    ].join('\n');
  };
}

/** A 2PC exercise's judge: the learner's voter against textbook 2PC with the same termination. */
export function judgeRuns(options: {
  key: string;
  termination: 'wait' | 'cooperative';
  placements: () => ReturnType<typeof voterCrashes>;
  lesson: string;
  rule: string;
}) {
  const { termination } = options;
  return judgeRunsAgainst({
    key: options.key,
    placements: options.placements,
    reference: (p) => scenarioOf(twoPhaseCommit({ termination }), p),
    learner: (p) => scenarioOf({ name: LEARNER_2PC, termination, timeout: 10 }, p),
    referenceName: 'textbook 2PC',
    referenceLabel: 'textbook 2PC',
    first: 'smallest',
    lesson: options.lesson,
    rule: options.rule,
    drawWith: 'twoPhaseCommitWith(...) with your rule',
  });
}
