import { figureOne } from '../worker/fixtures/queue';
import type { ExerciseSpec } from '../types';
import { compareAnswers } from './judging';

export const exercise: ExerciseSpec = {
  id: '10-queue',
  lesson: '10',
  title: 'the sequential model of a FIFO queue, for the linearizability checker',
  tests: [
    {
      name: 'starts empty: a deq answers null, an enq is always legal, and step leaves the given state alone',
      points: 1,
      judge: (o) =>
        compareAnswers(
          o,
          [true, false, true, true, 0],
          (k) =>
            [
              'step(init, deq, { value: null }) is legal',
              'step(init, deq, { value: "x" }) is legal',
              'step(init, enq "x", {}) is legal',
              'the state after enq "x" then deq -> "x" is empty',
              'init() still has length',
            ][k],
        ),
    },
    {
      name: 'dequeues in first-in, first-out order',
      points: 1,
      judge: (o) =>
        compareAnswers(
          o,
          [true, false, true, true],
          (k) =>
            [
              'after enq a, enq b: deq -> a is legal',
              'after enq a, enq b: deq -> b is legal',
              'after enq a, enq b, deq -> a: deq -> b is legal',
              'after that, deq -> null is legal',
            ][k],
        ),
    },
    {
      name: 'lets an unknown outcome match anything, and still take effect',
      points: 1,
      judge: (o) =>
        compareAnswers(
          o,
          [true, true, true, true],
          (k) =>
            [
              'deq -> unknown on an empty queue is legal',
              'deq -> unknown on [a] is legal',
              'after enq a, deq -> unknown: deq -> null is legal (the unknown deq took a)',
              'enq -> unknown is legal',
            ][k],
        ),
    },
    {
      name: "gives Herlihy and Wing's kind of fig. 1 queue histories their verdicts under linearizable",
      points: 2,
      judge: (o) =>
        compareAnswers(
          o,
          figureOne.map((f) => f.verdict),
          (k) => `linearizable(<${figureOne[k].name}>, queueModel()).verdict`,
        ),
    },
  ],
};
