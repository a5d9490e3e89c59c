import { send as anySend, type Send, type Vote } from '../role';
import type { ReportedState } from './skeen';

/**
 * Every message of 3PC, with exact fields (article fig. 4 and 5; the lecture; Skeen 1981 for
 * the termination protocol: `elect`, `stateReq`, `stateReport`). `ask` is a node back from a
 * crash asking for the outcome; `abort` and `doCommit` answer it.
 */
export type ThreePhaseCommitMessage =
  | { readonly type: 'canCommit' }
  | { readonly type: 'vote'; readonly vote: Vote }
  | { readonly type: 'preCommit' }
  | { readonly type: 'preCommitAck' }
  | { readonly type: 'doCommit' }
  | { readonly type: 'abort' }
  | { readonly type: 'ack' }
  | { readonly type: 'elect' }
  | { readonly type: 'stateReq' }
  | { readonly type: 'stateReport'; readonly state: ReportedState }
  | { readonly type: 'ask' };

/** `send` for 3PC's messages only. */
export const send: Send<ThreePhaseCommitMessage> = anySend;
