// `npm run html -- 04` (issue 18, "The pages"): one lesson by its number, a clear error for a
// lesson that does not exist, and executed lessons reused only while what they ran is unchanged.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectLessons } from '../../tools/jupyter/html';
import { lessonHash, lessonNotebooks } from '../../tools/jupyter/notebooks';

describe('npm run html: which lessons, and when to run them again (issue 18)', () => {
  it('builds the lessons named by number, or every lesson when none is named', () => {
    expect(selectLessons(['04']).map((n) => basename(n))).toEqual(['04-2pc-under-failure.ipynb']);
    expect(selectLessons(['4', '07']).map((n) => basename(n).slice(0, 2))).toEqual(['04', '07']);
    expect(selectLessons([])).toEqual(lessonNotebooks());
  });

  it('names a lesson that does not exist, and the lessons that do', () => {
    expect(() => selectLessons(['42'])).toThrow(/^lesson "42": no such notebook; lessons are 00-how-the-kit-works, /);
  });

  it('keys an executed lesson on its notebook: two lessons never share a hash, the same lesson always gets the same', () => {
    const [a, b] = lessonNotebooks();
    expect(lessonHash(a)).toBe(lessonHash(a));
    expect(lessonHash(a)).not.toBe(lessonHash(b));
  });
});
