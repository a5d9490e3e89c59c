import type { Verdict } from '../checkers/types';
import type { Decision, NodeId } from '../protocols/role';
import type { Scenario } from '../scenario/types';

/** One named failure case: a replayable scenario, what it must end in, and why. */
export interface CatalogEntry {
  /** `2pc/happy`, `3pc/crash-and-cut`, `net/reply-lost`, ... */
  readonly id: string;
  readonly title: string;
  /** Where the readings tell it: the article's figure, the lecture, DDIA's chapter. */
  readonly source: string;
  readonly scenario: Scenario;
  readonly expected: Verdict;
  /** Decisions the case pins down, node by node (null: undecided at the end). */
  readonly decisions?: Readonly<Record<NodeId, Decision | null>>;
  /** What happens and why, in a sentence or three a notebook can show. */
  readonly why: string;
}
