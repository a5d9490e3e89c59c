// Your exercise. Replace each `throw new NotDoneYet(...)` with your code, then run `npm run grade`.
// (Written by `npm run build-exercises` from the instructor's solutions/; stamp 6f5153a834c290de: once you edit this file, the build leaves it alone.)
// Puzzle 04-predict, 5 points (lesson 04, 2PC under failure; the lecture; DDIA ch. 9).
//
// `puzzles` (lib/exercise/puzzles.ts) holds five 2PC runs. For each, first predict its
// verdict on paper ('committed', 'aborted', 'blocked' or 'inconsistent'), write the
// prediction here, and only then check it in lesson 04's notebook with
// simulate(puzzles[name]) and its space-time diagram. Where you were wrong, the diagram
// shows which rule you missed.
import type { Verdict } from '../lib/index';
import { NotDoneYet, type PuzzleName } from '../lib/index';

export function predictions(): Record<PuzzleName, Verdict> {
  throw new NotDoneYet('04-predict', 'return one verdict per puzzle name, each predicted on paper before you run it');
}
