export { tcommit, twoPhase, MAX_RMS } from './two-phase';
export { paxosCommitSpec, PAXOS_SPEC_MAX_WORDS, type PaxosCommitSpecOptions } from './paxos-commit';
