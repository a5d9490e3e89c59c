/** What a learner reads in the terminal: a table of exercises and points, then what to fix. */
import type { Graded } from './grade';

/** The table and the details of every failing test, as text. */
export function summary({ results, outcomes, specs }: Graded): string {
  const rows = outcomes.map((o, i) => {
    const got = o.tests.reduce((s, t) => s + t.score, 0);
    const max = o.tests.reduce((s, t) => s + t.spec.points, 0);
    const failing = o.tests.find((t) => t.score < t.spec.points);
    const feedback = failing ? `${failing.spec.name}: ${firstLine(failing.output)}` : 'all tests pass';
    return [specs[i].id, `${fmt(got)}/${fmt(max)}`, feedback];
  });
  const width = [Math.max(8, ...rows.map((r) => r[0].length)), Math.max(6, ...rows.map((r) => r[1].length))];
  const line = (r: string[]) => `${r[0].padEnd(width[0])}  ${r[1].padStart(width[1])}  ${clip(r[2], 100)}`;
  const out = [line(['exercise', 'points', 'feedback']), line(['-'.repeat(width[0]), '-'.repeat(width[1]), '-'.repeat(8)]), ...rows.map(line)];
  const max = results.tests.reduce((s, t) => s + t.max_score, 0);
  out.push('', `total: ${fmt(results.score)} of ${fmt(max)} points`);
  const details = outcomes.flatMap((o) => {
    const lost = o.tests.filter((t) => t.score < t.spec.points && !t.hidden);
    // One cause (a stub, a crash, a timeout) usually fails every test alike: say it once.
    if (lost.length > 1 && lost.every((t) => t.output === lost[0].output)) return [`--- ${o.id}: all ${lost.length} visible tests\n${clip(lost[0].output, 4000)}`];
    return lost.map((t) => `--- ${o.id}: ${t.spec.name} (0/${fmt(t.spec.points)})\n${clip(t.output, 4000)}`);
  });
  const hiddenFailed = outcomes.reduce((n, o) => n + o.tests.filter((t) => t.hidden && t.score < t.spec.points).length, 0);
  if (details.length) out.push('', 'What to fix:', ...details);
  if (hiddenFailed) out.push('', `${hiddenFailed} hidden test(s) failed; their feedback is shown once grades are published.`);
  return out.join('\n');
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 3)}...` : text;
}

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}
