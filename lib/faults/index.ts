// Link faults: each a small synchronous RxJS operator over envelopes, composable with `pipe`.
export { delay } from './delay';
export { loss } from './loss';
export { duplicate } from './duplicate';
export { reorder } from './reorder';
export { slow } from './slow';
export { cut } from './cut';
export { partition } from './partition';
export { Envelope, drop, copyOf } from './envelope';
export { Window } from './window';
