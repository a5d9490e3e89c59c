import { logWrite as anyLogWrite, send as anySend, type LogWrite, type NodeId, type Send, type Vote } from '../role';
import type { PrepareRecord } from '../two-phase-commit/messages';
import type { InstanceValue } from './decision';

// Every message of Paxos Commit, with exact fields (Gray and Lamport 2006, sections 3 and 4;
// Lamport, "Paxos Made Simple", section 2). `ins` names the instance: the voter whose vote it
// decides. Numbers are ballots.

/** A leader starting ballot `bal` of instance `ins` (phase 1a). */
export type Phase1a = { readonly type: 'phase1a'; readonly ins: NodeId; readonly bal: number };

/** An acceptor's promise for ballot `mbal`, with the ballot and value it last accepted (-1 and `none` if never). */
export type Phase1b = {
  readonly type: 'phase1b';
  readonly ins: NodeId;
  readonly mbal: number;
  readonly bal: number;
  readonly val: InstanceValue | 'none';
};

/**
 * A request to accept `val` in ballot `bal`: from a leader, or in ballot 0 from the voter itself,
 * which is its vote; only the voter's carries `vote`, for the diagrams.
 */
export type Phase2a = {
  readonly type: 'phase2a';
  readonly ins: NodeId;
  readonly bal: number;
  readonly val: InstanceValue;
  readonly vote?: Vote;
};

/** An acceptance, sent to the ballot's leader (phase 2b). */
export type Phase2b = { readonly type: 'phase2b'; readonly ins: NodeId; readonly bal: number; readonly val: InstanceValue };

/** Ballot 0's acceptances of several instances in one message (`flow.bundle`): instance to value. */
export type BundledPhase2b = { readonly type: 'phase2b'; readonly bal: 0; readonly votes: Readonly<Record<NodeId, InstanceValue>> };

export type PaxosCommitMessage =
  /** The coordinator asking each voter to vote (which it does with a ballot-0 phase 2a). */
  | { readonly type: 'prepare' }
  | Phase1a
  | Phase1b
  | Phase2a
  | Phase2b
  | BundledPhase2b
  /** A leader's outcome, to the voters. */
  | { readonly type: 'commit' }
  | { readonly type: 'abort' };

/** `send` for Paxos Commit's messages only. */
export const send: Send<PaxosCommitMessage> = anySend;

/** An acceptor's promise, in instance `ins`, never to accept a ballot lower than `bal` (phase 1). */
export type PromiseRecord = { readonly type: 'promise'; readonly ins: NodeId; readonly bal: number };

/** An acceptor's acceptance of `val` in ballot `bal` of instance `ins` (phase 2). */
export type AcceptRecord = { readonly type: 'accept'; readonly ins: NodeId; readonly bal: number; readonly val: InstanceValue };

/** Ballot 0's acceptances of several instances in one write (`flow.bundle`): instance to value. */
export type BundledAcceptRecord = { readonly type: 'accept'; readonly bal: 0; readonly votes: Readonly<Record<NodeId, InstanceValue>> };

/**
 * Every record a Paxos Commit node writes to its log, with exact fields (Gray and Lamport 2006,
 * sections 3 and 4; Lamport, "Paxos Made Simple", section 2): a leader's `ballot`, an acceptor's
 * promises and acceptances, and a voter's prepare record (2PC's) and decision. On a shared
 * machine (`flow.colocate`) one log holds an acceptor's records beside the other role's.
 */
export type PaxosCommitRecord =
  | { readonly type: 'ballot'; readonly bal: number }
  | PromiseRecord
  | AcceptRecord
  | BundledAcceptRecord
  | PrepareRecord
  | { readonly type: 'commit' }
  | { readonly type: 'abort' };

/** `logWrite` for Paxos Commit's records only. */
export const logWrite: LogWrite<PaxosCommitRecord> = anyLogWrite;
