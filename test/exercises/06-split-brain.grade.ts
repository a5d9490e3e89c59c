// Probes for exercise 06-split-brain (article fig. 5). Judged by grader/exercises/06-split-brain.ts.
import { splitBrain } from '../../exercises/06-split-brain';
import { probe } from '../../grader/worker/probe';
import { splits } from '../../grader/worker/fixtures/three-phase';

probe("finds the article's fig. 5 split inconsistent: the precommitted side commits, the uncertain side aborts", () =>
  splitBrain([['precommitted'], ['uncertain', 'uncertain']]));
probe('decides each side of every split of three or four voters on its own', () => splits().map((s) => splitBrain(s).decisions));
probe('calls a split inconsistent exactly when one side commits and another aborts', () => splits().map((s) => splitBrain(s).inconsistent));
