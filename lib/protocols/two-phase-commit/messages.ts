import { logWrite as anyLogWrite, send as anySend, type Decision, type LogWrite, type NodeId, type Send, type Vote } from '../role';

/**
 * Every message of 2PC, with exact fields (article fig. 1 and 2; Mohan et al. 1986 for `ask`
 * and the presumptions). `ask` is a prepared voter asking for the outcome, of the coordinator
 * or, under cooperative termination, of the other voters.
 */
export type TwoPhaseCommitMessage =
  | { readonly type: 'prepare' }
  | { readonly type: 'vote'; readonly vote: Vote }
  | { readonly type: 'commit' }
  | { readonly type: 'abort' }
  | { readonly type: 'ack' }
  | { readonly type: 'ask' };

/** `send` for 2PC's messages only. */
export const send: Send<TwoPhaseCommitMessage> = anySend;

/** A voter's prepare record: enough to redo T1's writes after a crash, or to undo them. */
export type PrepareRecord = { readonly type: 'prepare'; readonly tx: string; readonly redo: string; readonly undo: string };

/** A decision; a lazy one (`forced: false`) sits in the log buffer until the next forced write. */
export type DecisionRecord = Extract<TwoPhaseCommitRecord, { readonly type: Decision }>;

/**
 * Every record a 2PC node writes to its log, with exact fields (article fig. 1 and 2; Mohan et
 * al. 1986 for the presumptions: `collecting`, presumed commit's forced record naming the voters
 * before any prepare; `end`, the lazy record of a coordinator that forgets the transaction).
 */
export type TwoPhaseCommitRecord =
  | PrepareRecord
  | { readonly type: 'commit'; readonly forced?: false }
  | { readonly type: 'abort'; readonly forced?: false }
  | { readonly type: 'collecting'; readonly voters: readonly NodeId[] }
  | { readonly type: 'end'; readonly forced: false };

/** `logWrite` for 2PC's records only. */
export const logWrite: LogWrite<TwoPhaseCommitRecord> = anyLogWrite;
