import { logWrite as anyLogWrite, send as anySend, type LogWrite, type Send, type Vote } from '../role';
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

/**
 * Every record a 3PC node writes to its log, with exact fields (article fig. 4 and 5; the
 * lecture; Skeen 1981 and Bernstein, Hadzilacos and Goodman sec. 7.5 for the vote record): a
 * voter's `vote` (small: no redo or undo data) and `prepare` records, the coordinator's
 * `precommit`, and everyone's decision.
 */
export type ThreePhaseCommitRecord =
  | { readonly type: 'vote'; readonly tx: string; readonly vote: Vote }
  | { readonly type: 'prepare'; readonly tx: string; readonly redo: string; readonly undo: string }
  | { readonly type: 'precommit'; readonly tx: string }
  | { readonly type: 'commit' }
  | { readonly type: 'abort' };

/** `logWrite` for 3PC's records only. */
export const logWrite: LogWrite<ThreePhaseCommitRecord> = anyLogWrite;
