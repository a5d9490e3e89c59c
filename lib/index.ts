// The public face of the kit. Notebooks, exercises and outside graders import
// from here only; the names below are fixed by the course design.

// ---- running a scenario ----------------------------------------------------
export { simulate, explain, replayLine, type Run } from './world/simulate';
export { World, type WorldOptions, type TraceMode, type RunStats } from './world/world';
export { printEvent, printMessage, type TraceEvent, type TraceEventKind } from './world/trace';

// ---- protocols ---------------------------------------------------------------
export { twoPhaseCommit, type TwoPhaseCommitOptions, type TwoPhaseCommitSpec } from './protocols/two-phase-commit/index';
export type { Presumption } from './protocols/two-phase-commit/index';
export { threePhaseCommit, type ThreePhaseCommitOptions, type ThreePhaseCommitSpec } from './protocols/three-phase-commit/index';
export { requestReply, type RequestReplySpec } from './protocols/request-reply/index';
export { leaseLock, MAX_CLIENTS, type LeaseLockOptions, type LeaseLockSpec } from './protocols/lease-lock/index';
export { failover, masters, type FailoverOptions, type FailoverSpec } from './protocols/replication/index';
export { copyToBoth, primaryBackup, type CopyToBothSpec, type PrimaryBackupSpec, type ReplicationMode } from './protocols/replication/index';
export { defineProtocol, protocolDefinition, protocolNames, type ProtocolDefinition, type ProtocolSpec, type OptionRule, type OwnNodes } from './protocols/protocol';
export { send, setTimer, cancelTimer, logWrite, decide, nothing } from './protocols/role';
export type { Role, Input, Output, Step, Message, LogRecord, NodeContext, NodeId, Decision, Vote } from './protocols/role';
// Each protocol's messages: the union its roles are typed over (`Role<S, M>`), and `send` typed to one.
export type { Send } from './protocols/role';
export type { TwoPhaseCommitMessage } from './protocols/two-phase-commit/index';
export type { ThreePhaseCommitMessage } from './protocols/three-phase-commit/index';
export type { PaxosCommitMessage } from './protocols/paxos-commit/index';
export type { LeaseLockMessage } from './protocols/lease-lock/index';
export type { ReplicatedRegisterMessage } from './protocols/replicated-register/index';
export type { FailoverMessage, CopyToBothMessage } from './protocols/replication/index';
// Each protocol's log records: the union its roles read back on recovery (`Role<S, M, R>`), and `logWrite` typed to one.
export type { LogWrite } from './protocols/role';
export type { TwoPhaseCommitRecord } from './protocols/two-phase-commit/index';
export type { ThreePhaseCommitRecord } from './protocols/three-phase-commit/index';
export type { PaxosCommitRecord } from './protocols/paxos-commit/index';
export type { LeaseLockRecord } from './protocols/lease-lock/index';
export type { ReplicatedRegisterRecord } from './protocols/replicated-register/index';

// ---- scenarios: faults and their triggers ------------------------------------
export { at, afterSend, afterReceive, onEnter, crash, recover, partition, cut, slow, pause, drift } from './scenario/builders';
export { ScenarioError } from './scenario/error';
export { validateScenario, MAX_VOTERS } from './scenario/validate';
export type { Scenario, Fault, Trigger, NetworkOptions } from './scenario/types';

// ---- links: one RxJS operator per fault --------------------------------------
export * as links from './faults/index';
export { Envelope, drop, copyOf } from './faults/envelope';

// ---- judging a run -------------------------------------------------------------
export { agreement, validity, termination, verdict, verdictOf, VERDICTS } from './checkers/index';
export type { Check, Judged, Verdict, Outcome } from './checkers/index';
export { twoMasters } from './checkers/two-masters';
export { defineJudge, type Judge } from './checkers/judges';
export { failoverLoss, type FailoverLoss } from './checkers/failover-loss';
export { lockSafety, lockSafetyInvariant, grantsAtMost, verdictsOf, LOCK_VERDICTS, type LockSafety, type JudgedWrite, type CommitVerdict, type LockVerdict, type StateInvariant, type StateView } from './checkers/index';
export { costs, type Costs } from './costs/index';

// ---- the failure cases -----------------------------------------------------------
export { catalog, catalogEntry, type CatalogEntry } from './catalog/index';

// ---- charts ------------------------------------------------------------------------
export { spaceTime, MARK, type SpaceTimeOptions, type Drawable } from './charts/space-time';
export { LEASE_MARK } from './charts/lease-layers';
export { pauseLeaseMap, type PauseLeaseRow, type PauseLeaseOptions } from './charts/pause-lease';
export { outcomes, type OutcomeRow, type OutcomesOptions } from './charts/outcomes';
export { matrix, type MatrixRow, type MatrixOptions } from './charts/matrix';
export { historyChart, HISTORY_MARK, type HistoryChartOptions } from './charts/history';
export { show, displayBundle, VEGA_LITE_MIME, type DisplayBundle } from './charts/show';
export { toSVG, countMarks } from './charts/render';
export { VERDICT_COLOURS, STATE_COLOURS } from './charts/colours';

// ---- sweeps ------------------------------------------------------------------------
export { sweep, type SweepOptions, type SweepRow } from './sweep/sweep';
export { protocolLabel } from './protocols/label';

// ---- exercises: what learners' files and their stubs share --------------------------
export { leaseLockWith, type StoreState, type StoreStep } from './exercise/index';
export { voterLab, acceptorLab, threePhaseVoterLab, ballotOwner, type LabScenario, type WithMyRole } from './exercise/index';
export { NotDoneYet, tryExercise, twoPhaseCommitWith, paxosCommitWith, puzzles, type PuzzleName, type LearnerRules, type RecoverVoter, type AnswerPeer, type PeerAnswer, type LearnerLeaderRules } from './exercise/index';

// ---- three-phase commit: the elected coordinator's rule ------------------------
export { skeen, type ReportedState, type TerminationStep } from './protocols/three-phase-commit/skeen';
export type { Termination as ThreePhaseTermination, PreCommitAckTimeout } from './protocols/three-phase-commit/index';

// ---- paxos commit ------------------------------------------------------------------
export { paxosCommit, ACCEPTOR_COUNTS, type PaxosCommitOptions, type PaxosCommitSpec } from './protocols/paxos-commit/index';
export { leaderDecision, safeValue, majority, type InstanceValue, type Promise1b } from './protocols/paxos-commit/decision';
export { compare, type CompareOptions, type FaultScript } from './compare/index';
export { commitCost, type CommitCost } from './compare/index';

// ---- exploring -----------------------------------------------------------------------
export { explore, describePlacement, EXPLORE_MAX_VOTERS, FAULT_KINDS, type ExploreOptions, type ExploreResult, type ExploreFaults, type FaultKind, type Placement } from './explore/index';
export { exploreRows, type ExploreRow, type ExploreRowsOptions } from './explore/index';
export { describeFault, describeTrigger, triggerPoints, type TriggerPoint } from './explore/index';
export { check, type CheckOptions, type CheckResult, type Violation } from './explore/index';
export { searchSystem, StateStore, type SearchResult, type TraceStep, type PackedSystem, type PackedInvariant } from './explore/index';
export { rolesSystem, agreementInvariant, validityInvariant, CHECK_MAX_NODES, type RolesSystem, type RolesFaults, type RolesInvariant, type WorldView } from './explore/index';

// ---- linearizability and replication lag (lesson 10) -----------------------------------
export { linearizable, register, casRegister, keyValue, type Operation, type History, type Model, type LinearizableOptions, type LinearizabilityResult, type LinearizabilityVerdict, type RegisterInput, type RegisterOutput } from './linearizability/index';
export { historyOf, type HasTrace } from './linearizability/index';
export { replicatedRegister, type ReplicatedRegisterOptions, type ReplicatedRegisterSpec, type Replication, type ReadFrom, type Failover, type ClientFix } from './protocols/replicated-register/index';
export { linearizabilityCases, linearizabilityCase, type LinearizabilityCase } from './catalog/index';
export { readYourWrites, monotonicReads, consistentPrefixReads, staleReads, generateHistory, type LagResult, type LagViolation, type GenerateOptions } from './linearizability/index';
