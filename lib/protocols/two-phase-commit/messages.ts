import { send as anySend, type Send, type Vote } from '../role';

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
