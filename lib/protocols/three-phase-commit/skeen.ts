// answer-bearing: 05-elect 06-split-brain (the student version ships this file compiled, not as source: lib/exercise/README.md)
/**
 * What a voter tells an elected coordinator about itself: the state it is in.
 * `init` means it never voted (and, asked, it aborts at once).
 */
export type ReportedState = 'init' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

/** What the elected coordinator does with what it gathered. */
export type TerminationStep = 'commit' | 'abort' | 'preCommit';

/**
 * Skeen's termination rule (the article's termination protocol): the decision an
 * elected coordinator takes from the states it gathered, its own included.
 *
 * - someone committed: a coordinator decided commit, so commit;
 * - someone aborted: nobody can have committed, so abort;
 * - someone precommitted: every voter voted yes, so first bring everyone to
 *   precommitted (`preCommit`), then commit;
 * - everyone uncertain (or never voted): nobody can have committed, so abort.
 *
 * It is safe under crash-stop because 3PC never lets a voter commit while another
 * live voter is still uncertain: a commit waits until every live voter is precommitted.
 *
 * @example
 * skeen(['uncertain', 'precommitted', 'uncertain']); // 'preCommit'
 * skeen(['uncertain', 'uncertain']);                 // 'abort'
 */
export function skeen(states: readonly ReportedState[]): TerminationStep {
  let precommitted = false;
  let aborted = false;
  for (let i = 0; i < states.length; i++) {
    const s = states[i];
    if (s === 'committed') return 'commit';
    if (s === 'aborted') aborted = true;
    else if (s === 'precommitted') precommitted = true;
  }
  if (aborted) return 'abort';
  return precommitted ? 'preCommit' : 'abort';
}
