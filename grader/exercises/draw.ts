/**
 * Draws a learner's failing run as an SVG file, in the grader's process, from the run's
 * trace (data the worker recorded, never markup it wrote). Judges are synchronous and
 * vega renders asynchronously, so one worker thread renders and the judge waits for it
 * with `Atomics.wait`, then takes the answer with `receiveMessageOnPort`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { compile } from 'vega-lite';
import { spaceTime, type Drawable } from '../../lib';

/** The project the grader belongs to: SVG files go to its `grade/` folder, next to results.json. */
export const projectRoot = resolve(__dirname, '..', '..');

const RENDERER = `
const { parentPort } = require('node:worker_threads');
const vega = require(${JSON.stringify(createRequire(__filename).resolve('vega'))});
parentPort.on('message', async ({ spec, port, flag }) => {
  let reply;
  try {
    const view = new vega.View(vega.parse(spec), { renderer: 'none' });
    reply = { svg: await view.toSVG() };
    view.finalize();
  } catch (e) {
    reply = { error: String((e && e.message) || e) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});`;

let renderer: Worker | null = null;

/** Where drawings go while a grade is judged: `grade/` by default, a learner's own folder in a class. */
let drawings: string | null = null;

/**
 * Runs `judge` (synchronous, as judges are) with its drawings written under `folder`, so that
 * learners graded side by side never overwrite each other's diagrams.
 * @example drawingInto('grade/class/ada', () => scoreExercise(...)) // grade/class/ada/05-voter/check-agreement.svg
 */
export function drawingInto<T>(folder: string, judge: () => T): T {
  const was = drawings;
  drawings = folder;
  try {
    return judge();
  } finally {
    drawings = was;
  }
}

/**
 * Writes the space-time diagram of `run` to `grade/<file>` (or under the folder `drawingInto`
 * names) and returns that path relative to the project, or null with nothing written if it
 * cannot be drawn (the feedback says so).
 */
export function drawRun(run: Drawable, file: string, title: string): string | null {
  try {
    const spec = compile(spaceTime(run, { title })).spec;
    renderer ??= new Worker(RENDERER, { eval: true });
    renderer.unref();
    const { port1, port2 } = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    renderer.postMessage({ spec, port: port2, flag }, [port2]);
    Atomics.wait(flag, 0, 0, 60_000);
    const reply = receiveMessageOnPort(port1)?.message as { svg?: string; error?: string } | undefined;
    port1.close();
    if (!reply?.svg) return null;
    const path = resolve(drawings ?? resolve(projectRoot, 'grade'), file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, reply.svg);
    // Inside the project, as the learner's editor shows it; an instructor's --out elsewhere, as it is.
    const inside = relative(projectRoot, path);
    return inside.startsWith('..') ? path : inside;
  } catch {
    return null;
  }
}
