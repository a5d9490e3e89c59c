/**
 * The rules the judges compare a learner's answers with: each is an exercise's answer,
 * so it lives here, on the instructor's side, and never in a file the student version
 * carries (grader/worker/fixtures/ holds only the cases, which the probes share).
 *
 * Judges reach these through `grader/reference.ts`, by name: every export whose name starts
 * with `expected` is listed there by `npm run build-exercises` (tools/indexes.ts), so a new rule
 * is one more export here. In the student version that file is a table of the answers to the
 * visible cases only, written by `npm run student-version`.
 */
import type { TraceEvent } from '../../lib';
import type { TallyCase } from '../../grader/worker/fixtures/tally';
import type { Row } from '../../grader/worker/fixtures/sweep';
import type { State } from '../../grader/worker/fixtures/three-phase';

/** 02-tally: the coordinator of the article's fig. 1 and 2. */
export function expectedTally(c: TallyCase): 'commit' | 'abort' | 'wait' {
  if (c.voters.some((v) => c.votes[v] === 'no')) return 'abort';
  if (c.voters.every((v) => c.votes[v] === 'yes')) return 'commit';
  return c.timedOut ? 'abort' : 'wait';
}

/** 03-agreement: every node whose decision goes against the first one taken. */
export function expectedAgreement(trace: readonly TraceEvent[]): { ok: boolean; nodes: string[] } {
  let first: string | null = null;
  const nodes: string[] = [];
  for (const e of trace) {
    if (e.kind !== 'decide') continue;
    if (first === null) first = e.decision;
    else if (e.decision !== first && !nodes.includes(e.node)) nodes.push(e.node);
  }
  return { ok: nodes.length === 0, nodes };
}

/** 05-elect: the article's rule: commit if anyone is precommitted or committed, else abort. */
export function expectedElect(states: readonly State[]): 'commit' | 'abort' {
  return states.some((s) => s === 'precommitted' || s === 'committed') ? 'commit' : 'abort';
}

/** 06-split-brain: what each side of a partition decides under the rule, and whether the sides disagree. */
export function expectedSplit(sides: readonly (readonly State[])[]): { decisions: ('commit' | 'abort')[]; inconsistent: boolean } {
  const decisions = sides.map(expectedElect);
  return { decisions, inconsistent: decisions.includes('commit') && decisions.includes('abort') };
}

/** 07-availability: the share of available runs per protocol and loss rate, sorted by both. */
export function expectedAvailability(rows: readonly Row[]): { protocol: string; loss: number; runs: number; available: number }[] {
  const groups = new Map<string, { protocol: string; loss: number; runs: number; ok: number }>();
  for (const r of rows) {
    const key = `${r.protocol}|${r.loss}`;
    const g = groups.get(key) ?? { protocol: r.protocol, loss: r.loss, runs: 0, ok: 0 };
    g.runs++;
    if (r.verdict === 'committed' || r.verdict === 'aborted') g.ok++;
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : a.loss - b.loss))
    .map((g) => ({ protocol: g.protocol, loss: g.loss, runs: g.runs, available: g.ok / g.runs }));
}
