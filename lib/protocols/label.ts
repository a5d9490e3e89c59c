import type { ProtocolSpec } from './protocol';

/**
 * A protocol's name for charts and sweep rows: its name, plus the options in which it
 * differs from the other protocols it is shown with.
 *
 * @example
 * protocolLabel(twoPhaseCommit(), [twoPhaseCommit(), twoPhaseCommit({ termination: 'cooperative' })]);
 * // 'twoPhaseCommit (wait)'
 */
export function protocolLabel(spec: ProtocolSpec, among: readonly ProtocolSpec[] = [spec]): string {
  const same = among.filter((s) => s.name === spec.name);
  const differing = Object.keys(spec)
    .filter((k) => k !== 'name')
    .filter((k) => same.some((s) => JSON.stringify(s[k]) !== JSON.stringify(spec[k])));
  if (differing.length === 0) return spec.name;
  // A word option reads alone ('cooperative'); any other value is named ('timeout 20').
  return `${spec.name} (${differing.map((k) => (typeof spec[k] === 'string' ? spec[k] : `${k} ${JSON.stringify(spec[k])}`)).join(', ')})`;
}
