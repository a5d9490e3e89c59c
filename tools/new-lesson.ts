/**
 * `npm run new-lesson -- 09 "Title"`: scaffolds a lesson that every course command picks up
 * at once. It writes the notebook, a working example exercise (reference, probes, judges,
 * a hidden test, a plausible wrong answer) and a catalog case, each a new file; the grader's
 * exercise list, the catalog's case list and the judges' list of reference rules are found from
 * their folders (tools/indexes.ts rewrites the generated lists), so no hand-written file is
 * edited. Then it builds the student version.
 * Everything is checked and composed before the first file is written: on bad input it
 * writes nothing and says which argument is wrong and what is allowed.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildExercises } from './build-exercises';
import { IndexError, indexes, writeIndexes } from './indexes';

/** What the scaffolder was asked for, checked. */
export interface LessonRequest {
  readonly number: string;
  readonly title: string;
  readonly slug: string;
  /** The exercise's id and the lesson's file stem: `09-<slug>`. */
  readonly id: string;
}

/** One clear refusal: the argument it is about, and what is allowed. */
export class NewLessonError extends Error {
  override readonly name = 'NewLessonError';
}

/** Lower-case words joined by dashes, at most 40 characters, cut at a word. @example slugOf('Raft, briefly!') // 'raft-briefly' */
export function slugOf(title: string): string {
  const words = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > 40) break;
    slug = next;
  }
  return slug;
}

/**
 * Checks the arguments against the project: a two-digit lesson number that no lesson or
 * exercise uses yet, and a title with at least one letter or digit.
 */
export function checkRequest(project: string, args: readonly string[]): LessonRequest {
  const [number, title, ...extra] = args;
  const usage = 'usage: npm run new-lesson -- 09 "Title of the lesson"';
  if (number === undefined) throw new NewLessonError(`lesson number: missing; give two digits, e.g. 09 (${usage})`);
  if (!/^\d\d$/.test(number) || number === '00') throw new NewLessonError(`lesson number: "${number}" is not allowed; give two digits from 01 to 99, e.g. 09`);
  if (title === undefined || title.trim() === '') throw new NewLessonError(`title: missing; give the lesson's title in quotes (${usage})`);
  if (extra.length > 0) throw new NewLessonError(`title: got ${args.length - 1} words outside quotes; put the whole title in quotes (${usage})`);
  if (title.length > 80) throw new NewLessonError(`title: ${title.length} characters; at most 80`);
  const slug = slugOf(title);
  if (slug === '') throw new NewLessonError(`title: "${title}" has no letters or digits to name files with`);
  const taken = readdirSync(join(project, 'notebooks')).find((f) => f.startsWith(`${number}-`) && f.endsWith('.ipynb'));
  if (taken) throw new NewLessonError(`lesson number: ${number} is taken by notebooks/${taken}; pick a number no lesson uses`);
  const exercise = readdirSync(join(project, 'solutions')).find((f) => f.startsWith(`${number}-`));
  if (exercise) throw new NewLessonError(`lesson number: ${number} already has an exercise, solutions/${exercise}; pick a number no lesson uses`);
  return { number, title: title.trim(), slug, id: `${number}-${slug}` };
}

/** Every file to write (path relative to the project -> content), composed in memory. */
export function lessonFiles(r: LessonRequest): Map<string, string> {
  const files = new Map<string, string>();
  const n = r.number;
  const cases = `lesson${n}Cases`;
  const caseId = `lesson-${n}/coordinator-crash-after-prepare`;

  // A case file named for its lesson joins the catalog, in lesson order (lib/catalog/cases.ts).
  files.set(`lib/catalog/${r.id}.ts`, catalogFile(r, cases, caseId));
  files.set(`solutions/${r.id}.ts`, solutionFile(r));
  files.set(`grader/worker/fixtures/${r.id}.ts`, fixtureFile(r));
  // Its rule, exported as expectedLessonNN, joins the judges' door (grader/reference-rules.ts).
  files.set(`instructor/reference/${r.id}.ts`, referenceFile(r));
  files.set(`test/exercises/${r.id}.grade.ts`, probeFile(r));
  // So does the exercise's judge file in the grader's list (grader/exercises/index.ts).
  files.set(`grader/exercises/${r.id}.ts`, judgeFile(r));
  files.set(`instructor/hidden/${r.id}.grade.ts`, hiddenProbeFile(r));
  files.set(`instructor/hidden/${r.id}.judge.ts`, hiddenJudgeFile(r));
  files.set(`test/grader/variants/${r.id}/counts-deliveries.ts`, variantFile(r));
  files.set(`notebooks/${r.id}.ipynb`, notebookFile(r, caseId));
  return files;
}

/**
 * Scaffolds the lesson; returns what was asked for and the files written, in order.
 * @example newLesson(process.cwd(), ['09', 'Raft, briefly']).written
 */
export function newLesson(project: string, args: readonly string[]): { request: LessonRequest; written: string[] } {
  const request = checkRequest(project, args);
  const files = lessonFiles(request);
  for (const path of files.keys()) {
    if (existsSync(join(project, path))) throw new NewLessonError(`lesson number: ${path} exists already; pick another number or title`);
  }
  // The lists are written from the folders once the new files are in; a folder they cannot be
  // written from (a malformed file someone else added) is said now, before anything is written.
  try {
    indexes(project);
  } catch (e) {
    if (e instanceof IndexError) throw new NewLessonError(`${e.message} (before scaffolding anything)`);
    throw e;
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  const lists = writeIndexes(project);
  const built = buildExercises(project).written.filter((f) => f === `exercises/${request.id}.ts`);
  return { request, written: [...files.keys(), ...lists, ...built] };
}

// ---- the files -----------------------------------------------------------------------------

/**
 * The lesson's reference rule, under a name of its own: every `expected...` export of
 * instructor/reference/ reaches the judges through grader/reference.ts by that name.
 */
const ruleName = (r: LessonRequest) => `expectedLesson${r.number}`;

const EXERCISE_TEXT = (r: LessonRequest) => `// Exercise ${r.id} (lesson ${r.number}, ${r.title}).
//
// TODO(instructor): this is the scaffold's example exercise; replace it with the lesson's own.
//
// Count the messages of a run by type: given a run, return how many messages of each
// type were *sent* (trace events of kind 'send'), e.g. { prepare: 3, vote: 3, ... }.
// A message that is sent and then lost, or sent to a node that is down, still counts.`;

function catalogFile(r: LessonRequest, cases: string, caseId: string): string {
  return `import { afterSend, crash } from '../scenario/builders';
import { twoPhaseCommit } from '../protocols/two-phase-commit/index';
import type { CatalogEntry } from './entry';

/**
 * The cases of lesson ${r.number}, ${r.title}.
 * TODO(instructor): replace this example with the lesson's own cases; \`test/catalog.test.ts\`
 * checks that each ends as \`expected\` says, and replays it from its JSON.
 */
export const ${cases}: readonly CatalogEntry[] = [
  {
    id: '${caseId}',
    title: 'The coordinator crashes once its prepares are out',
    source: 'the lecture; DDIA ch. 9 "coordinator failure"',
    scenario: { protocol: twoPhaseCommit(), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v3' }))] },
    expected: 'blocked',
    decisions: { coordinator: null, v1: null, v2: null, v3: null },
    why: 'Every voter votes yes and is prepared; the only node that could tell them the outcome is down, so they wait for it.',
  },
];
`;
}

function solutionFile(r: LessonRequest): string {
  return `${EXERCISE_TEXT(r)}
import type { Run } from '../lib/index';
import { NotDoneYet } from '../lib/exercise/index';

export function messageCounts(run: Run): Record<string, number> {
  // BEGIN SOLUTION
  // HINT: loop over run.trace; for each event of kind 'send', add one to counts[event.message.type]
  const counts: Record<string, number> = {};
  for (const e of run.trace) if (e.kind === 'send') counts[e.message.type] = (counts[e.message.type] ?? 0) + 1;
  return counts;
  // END SOLUTION
}
`;
}

function fixtureFile(r: LessonRequest): string {
  return `/**
 * The runs exercise ${r.id} is graded on; the probes (in the sandbox) and the judges (in the
 * grader) build the same ones from here. The answer is not here: it is in
 * instructor/reference/${r.id}.ts. TODO(instructor): replace with the lesson's own.
 */
import { afterSend, at, catalog, crash, recover, threePhaseCommit, twoPhaseCommit, type Scenario } from '../../../lib';

export const faultFree: Scenario = { protocol: twoPhaseCommit(), voters: 3 };

/** Every 2PC case of the catalog: crashes and cuts make some sends go undelivered. */
export const twoPhaseCases = (): Scenario[] => catalog.filter((e) => e.id.startsWith('2pc/')).map((e) => e.scenario);

/** For the hidden test: 3PC with a voter down for a while, five voters. */
export const threePhaseWithCrash: Scenario = {
  protocol: threePhaseCommit(), voters: 5, faults: [crash('v2', afterSend('v2', 'vote')), recover('v2', at(30))],
};
`;
}

function referenceFile(r: LessonRequest): string {
  return `/**
 * The answer exercise ${r.id} is judged against, on the instructor's side only: judges reach
 * it through grader/reference.ts under its name here, and the student version carries the
 * answers to the visible cases, never this code. Every export named \`expected...\` is a rule
 * judges can import (tools/indexes.ts lists them); keep helpers unexported.
 * TODO(instructor): replace with the lesson's own.
 */
import { simulate, type Run, type Scenario } from '../../lib';

/** Sends per message type. */
function sendsByType(run: Run): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of run.trace) if (e.kind === 'send') counts[e.message.type] = (counts[e.message.type] ?? 0) + 1;
  return counts;
}

/** The messages a run of the scenario sends, by type. */
export const ${ruleName(r)} = (s: Scenario) => sendsByType(simulate(s));
`;
}

function probeFile(r: LessonRequest): string {
  return `// Probes for exercise ${r.id} (lesson ${r.number}). Judged by grader/exercises/${r.id}.ts.
import { simulate } from '../../lib';
import { messageCounts } from '../../exercises/${r.id}';
import { probe } from '../../grader/worker/probe';
import { faultFree, twoPhaseCases } from '../../grader/worker/fixtures/${r.id}';

probe('counts the messages of a fault-free 2PC run', () => messageCounts(simulate(faultFree)));
probe('counts every message sent in each 2PC case of the catalog, delivered or not', () => twoPhaseCases().map((s) => messageCounts(simulate(s))));
`;
}

function judgeFile(r: LessonRequest): string {
  return `import { ${ruleName(r)} as expectedFor } from '../reference';
import { faultFree, twoPhaseCases } from '../worker/fixtures/${r.id}';
import type { ExerciseSpec } from '../types';
import { compareAnswers } from './judging';

// TODO(instructor): the scaffold's example exercise; each judge returns null or what to fix.
export const exercise: ExerciseSpec = {
  id: '${r.id}',
  lesson: '${r.number}',
  title: 'messages of a run, by type',
  tests: [
    {
      name: 'counts the messages of a fault-free 2PC run',
      points: 1,
      judge: (o) => compareAnswers([o], [expectedFor(faultFree)], () => 'messageCounts(simulate({ protocol: twoPhaseCommit(), voters: 3 }))'),
    },
    {
      name: 'counts every message sent in each 2PC case of the catalog, delivered or not',
      points: 2,
      judge: (o) => {
        const cases = twoPhaseCases();
        return compareAnswers(o, cases.map(expectedFor), (k) => \`messageCounts(simulate(\${JSON.stringify(cases[k])}))\`);
      },
    },
  ],
};
`;
}

function hiddenProbeFile(r: LessonRequest): string {
  return `import { simulate } from '../../lib';
import { messageCounts } from '../../exercises/${r.id}';
import { probe } from '../../grader/worker/probe';
import { threePhaseWithCrash } from '../../grader/worker/fixtures/${r.id}';

probe('counts the messages of a five-voter 3PC run with a voter down for a while', () => messageCounts(simulate(threePhaseWithCrash)));
`;
}

function hiddenJudgeFile(r: LessonRequest): string {
  return `import { compareAnswers } from '../../grader/exercises/judging';
import { threePhaseWithCrash } from '../../grader/worker/fixtures/${r.id}';
import { ${ruleName(r)} as expectedFor } from '../reference/${r.id}';
import type { HiddenSpec } from '../../grader/types';

export const hidden: HiddenSpec = {
  id: '${r.id}',
  tests: [{
    name: 'counts the messages of a five-voter 3PC run with a voter down for a while',
    points: 1,
    judge: (o) => compareAnswers([o], [expectedFor(threePhaseWithCrash)], () => 'messageCounts of a five-voter 3PC run with v2 down from its vote to t=30'),
  }],
};
`;
}

function variantFile(r: LessonRequest): string {
  return `// @ts-nocheck (graded as exercises/${r.id}.ts, where ../lib resolves)
// A plausible wrong answer to ${r.id}: it counts deliveries, not sends, so lost messages go uncounted.
// loses: counts every message sent in each 2PC case of the catalog, delivered or not
// loses: counts the messages of a five-voter 3PC run with a voter down for a while
import type { Run } from '../lib/index';

export function messageCounts(run: Run): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of run.trace) if (e.kind === 'deliver') counts[e.message.type] = (counts[e.message.type] ?? 0) + 1;
  return counts;
}
`;
}

function notebookFile(r: LessonRequest, caseId: string): string {
  let k = 0;
  const id = () => `l${r.number}c${String(k++).padStart(2, '0')}`;
  const md = (text: string) => ({ cell_type: 'markdown', id: id(), metadata: {}, source: lines(text) });
  const code = (text: string) => ({ cell_type: 'code', execution_count: null, id: id(), metadata: {}, outputs: [], source: lines(text) });
  const next = Number(r.number) + 1;
  const cells = [
    md(`# Lesson ${r.number} · ${r.title}

TODO(instructor): say in two or three sentences what this lesson is about and which reading it follows.

**By the end of this lesson you can:**

- replay \`${caseId}\` and read its verdict, its decisions and its trace;
- draw its space-time diagram and point at the moment the run stops making progress;
- count a run's messages by type (your exercise).

Run the cells from top to bottom; every run is deterministic, so what the text says is what you will see.`),
    md('The first cell loads the kit; nothing is printed.'),
    code(`import { simulate, explain, catalogEntry, twoPhaseCommit, crash, recover, at, afterSend, spaceTime, show } from './lib/index';`),
    md(`## A first run

The lesson's case, \`${caseId}\`, with the sentence that says why it ends as it does. Look at the verdict and at who
decided what.`),
    code(`const entry = catalogEntry('${caseId}');
const first = simulate(entry.scenario);
console.log(first.verdict, JSON.stringify(first.decisions));
console.log(entry.why);`),
    md("The same run, event by event. Look for the coordinator's crash, and for what the voters do after it."),
    code('console.log(explain(first, { events: 30 }));'),
    md('## The run, drawn\n\nThe space-time diagram: one lane per node, one arrow per message. Look at where the arrows stop.'),
    code('await show(spaceTime(first, { to: 40 }));'),
    md(`## Try it: the coordinator comes back

Predict first: the coordinator recovers at t=30. Will the voters commit, abort, or keep waiting? Run the cell, then
change the recovery time and predict again.`),
    code(`const back = simulate({ ...entry.scenario, faults: [...(entry.scenario.faults ?? []), recover('coordinator', at(30))] });
console.log(back.verdict, JSON.stringify(back.decisions));`),
    md(`## Try it: crash earlier

Predict first: the coordinator crashes after its prepare to \`v1\` only. Who is left waiting? Run it, then move the
crash to another message and predict again.`),
    code(`const earlier = simulate({ protocol: twoPhaseCommit(), voters: 3, faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v1' }))] });
console.log(earlier.verdict, JSON.stringify(earlier.decisions));`),
    md(`## Your exercise: messages by type

In \`exercises/${r.id}.ts\`, write \`messageCounts(run)\`. The next cell runs it on the first run; until you have written
it, it says what is left to do instead of failing. Check it with \`npm run grade\`.`),
    code(`import { tryExercise } from './lib/index';
import { messageCounts } from './exercises/${r.id}';
await tryExercise(() => console.log(messageCounts(first)));`),
    md(`## Recap

- TODO(instructor): the lesson's three or four points, each with the case that shows it.
- \`${caseId}\` ends ${'`blocked`'}: the voters are prepared and only the crashed coordinator knows the outcome.

**Next:** TODO(instructor): the next lesson (\`${String(next).padStart(2, '0')}-...ipynb\`).`),
  ];
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'TypeScript (course kit)', language: 'typescript', name: 'tslab' },
      language_info: { codemirror_mode: { name: 'javascript', typescript: true }, file_extension: '.ts', mimetype: 'text/typescript', name: 'typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** A cell's source as Jupyter stores it: lines, each but the last ending in a newline. */
function lines(text: string): string[] {
  const parts = text.split('\n');
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l));
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('new-lesson.ts')) {
  const project = resolve(__dirname, '..');
  try {
    const { request: r, written } = newLesson(project, process.argv.slice(2));
    console.log(`wrote lesson ${r.number}, ${r.title}:\n${written.map((f) => `  ${f}`).join('\n')}`);
    console.log(`
Next:
  1. Write the lesson in notebooks/${r.id}.ipynb (each TODO(instructor) marks a place), and run it:
     npm run notebooks -- notebooks/${r.id}.ipynb
  2. Replace the example exercise in solutions/${r.id}.ts (keep the BEGIN/END SOLUTION and HINT markers),
     its probes (test/exercises/${r.id}.grade.ts), judges (grader/exercises/${r.id}.ts), hidden test
     (instructor/hidden/${r.id}.*) and wrong answer (test/grader/variants/${r.id}/), then:
     npm run build-exercises
     npm run grade -- --target solutions --only ${r.id} --expect full
  3. Replace the example case in lib/catalog/${r.id}.ts, add the exercise to the README's table, and run npm test.`);
  } catch (e) {
    if (!(e instanceof NewLessonError)) throw e;
    console.error(`new-lesson: ${e.message}`);
    process.exitCode = 2;
  }
}

