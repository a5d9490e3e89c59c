/**
 * Judges a protocol exercise: the learner's run of every placement must end as the
 * reference protocol's does (by default, verdict and decisions). On a failure the feedback gives
 * the first failing scenario as the line that replays it (`simulate(...)`), the run told in words,
 * and how to draw it in the lesson's notebook.
 */
import { replayLine, simulate, twoPhaseCommit, type Run, type Scenario } from '../../lib';
import { LEARNER_2PC } from '../../lib/exercise';
import { resultOf, scenarioOf, type RunResult, type voterCrashes } from '../worker/fixtures/placements';
import { preview } from './judging';

const expectedCache = new Map<string, unknown[]>();

/** What a judge compares of a run, and how feedback says it. */
export interface Outcome<R> {
  /** The fields compared, from a run of the reference; the learner's probe sends the same fields. */
  readonly of: (run: Run) => R;
  /** Whether `of` reads the trace (the reference runs without one otherwise: faster). */
  readonly trace: boolean;
  /** The outcome in feedback, after "with your rule:" ("verdict committed, decisions {...}"). */
  readonly say: (r: Partial<R>) => string;
}

/** Verdict and decisions: what a commit protocol's run ends with. */
export const VERDICT_AND_DECISIONS: Outcome<RunResult> = {
  of: resultOf,
  trace: false,
  say: (r) => `verdict ${r.verdict}, decisions ${JSON.stringify(r.decisions)}`,
};

export interface RunsJudge<P, R = RunResult> {
  /** Names the reference runs, which are computed once per grader process. */
  readonly key: string;
  readonly placements: () => readonly P[];
  /** The reference protocol's scenario of a placement. */
  readonly reference: (p: P) => Scenario;
  /** The line, `simulate(...)`, that replays a placement with the learner's code in the lesson's notebook. */
  readonly replay: (p: P) => string;
  /** What is compared; verdict and decisions unless said. */
  readonly outcome?: Outcome<R>;
  /** How feedback names the reference: in a sentence, and before its verdict. */
  readonly referenceName: string;
  readonly referenceLabel: string;
  /** How feedback names the first failing placement: 'smallest' when the placements go smallest first. */
  readonly first: 'smallest' | 'first';
  readonly lesson: string;
  /** The learner's rules in feedback ("your recovery rule"). */
  readonly rule: string;
  /** What the lesson's notebook must run before the line replays ("call twoPhaseCommitWith(...) with your rule"). */
  readonly before: string;
}

/** A judge that compares the learner's runs (`{ results, explained }` from `runsAgainst`) with the reference's. */
export function judgeRunsAgainst<P, R extends object = RunResult>(options: RunsJudge<P, R>) {
  // Without an outcome, R is RunResult (its default): the cast only tells tsc so.
  const outcome = options.outcome ?? (VERDICT_AND_DECISIONS as unknown as Outcome<R>);
  return (o: unknown): string | null => {
    const placements = options.placements();
    let expected = expectedCache.get(options.key) as R[] | undefined;
    if (!expected) {
      expected = placements.map((p) => outcome.of(simulate(options.reference(p), outcome.trace ? {} : { trace: 'none' })));
      expectedCache.set(options.key, expected);
    }
    const observed = o as { results?: unknown; explained?: Record<string, unknown> } | null;
    if (!observed || !Array.isArray(observed.results) || observed.results.length !== expected.length) {
      return `expected ${expected.length} run results, got ${preview(observed?.results)}`;
    }
    const results = observed.results as (Partial<R> | null)[];
    // The learner's result, in the reference's fields and order: a field more or a field order is no difference.
    const mine = (e: R, i: number) => {
      const r = results[i] as Record<string, unknown> | null;
      return Object.fromEntries(Object.keys(e).map((k) => [k, r?.[k]]));
    };
    const differs = (e: R, i: number) => JSON.stringify(e) !== JSON.stringify(mine(e, i));
    const failing = expected.findIndex(differs);
    if (failing < 0) return null;
    const told = observed.explained?.[String(failing)];
    // Told without explain's own replay line (the probe asks for none): the feedback gives one, above.
    const words = typeof told === 'string' ? told : null;
    return [
      `${expected.filter(differs).length} of ${expected.length} fault placements end differently from ${options.referenceName}. The ${options.first}:`,
      options.replay(placements[failing]),
      `with ${options.rule}: ${outcome.say(results[failing] ?? {})}`,
      `${options.referenceLabel}: ${outcome.say(expected[failing])}`,
      ...(words !== null ? ['', 'Your run, event by event:', words.slice(0, 6000)] : []),
      '',
      `Draw it in lesson ${options.lesson}'s notebook: ${options.before}, then paste the simulate(...) line above into a cell as it is, and draw it with await show(spaceTime(simulate(...))).`,
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
    replay: (p) => replayLine(scenarioOf({ name: LEARNER_2PC, termination, timeout: 10 }, p)),
    referenceName: 'textbook 2PC',
    referenceLabel: 'textbook 2PC',
    first: 'smallest',
    lesson: options.lesson,
    rule: options.rule,
    before: 'call twoPhaseCommitWith(...) with your rule',
  });
}
