import { send as anySend, type Send } from '../role';

/**
 * Every message of the lease lock, with exact fields (DDIA ch. 8, "Process Pauses" and "Fencing
 * tokens"; Burrows 2006, Chubby, sec. 2.4). `token` is the fencing token of the grant a message
 * is about; `lease` is in ticks.
 */
export type LeaseLockMessage =
  /** A client to the lock: grant me the lock, or queue me. */
  | { readonly type: 'acquire' }
  /** The lock to a client: granted, or renewed, under `token`, for `lease` ticks from now. */
  | { readonly type: 'granted'; readonly token: number; readonly lease: number }
  /** The holder to the lock: extend my lease. */
  | { readonly type: 'renew'; readonly token: number }
  /** The holder to the lock: I am done. */
  | { readonly type: 'release'; readonly token: number }
  /** A client to the store: write, under `token`. */
  | { readonly type: 'write'; readonly token: number }
  /** The store's answers: written, or refused for a stale token (with fencing). */
  | { readonly type: 'written'; readonly token: number }
  | { readonly type: 'rejected'; readonly token: number };

/** `send` for the lease lock's messages only. */
export const send: Send<LeaseLockMessage> = anySend;
