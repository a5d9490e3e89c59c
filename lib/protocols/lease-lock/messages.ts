import { logWrite as anyLogWrite, send as anySend, type LogRecord, type LogWrite, type NodeId, type Send } from '../role';

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

/** The store's record of a write it accepted, under `token`, from client `from`. */
export type WriteRecord = { readonly type: 'write'; readonly token: number; readonly from: NodeId };

/**
 * Every record of the lease lock, with exact fields (DDIA ch. 8, "Fencing tokens"; Chubby,
 * sec. 2.4): the lock's `grant` of `token` to `holder`, and the store's `write`.
 */
export type LeaseLockRecord = { readonly type: 'grant'; readonly token: number; readonly holder: NodeId } | WriteRecord;

/** `logWrite` for the lease lock's records only. */
export const logWrite: LogWrite<LeaseLockRecord> = anyLogWrite;

/**
 * Whether a record read from a lease lock's trace or log (plain `LogRecord`s to a checker) is
 * the store's write. It reads the type alone, as the protocol's roles write it.
 */
export const isWriteRecord = (r: LogRecord): r is WriteRecord => r.type === 'write';

/** Whether a message read from a lease lock's trace is the lock's grant (or renewal). */
export const isGranted = (m: { readonly type: string }): m is Extract<LeaseLockMessage, { type: 'granted' }> => m.type === 'granted';
