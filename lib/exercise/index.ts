// What exercises and their stubs share with the library.
export { NotDoneYet, tryExercise } from './not-done-yet';
export { twoPhaseCommitWith, LEARNER_2PC, type LearnerRules, type RecoverVoter, type AnswerPeer, type PeerAnswer } from './learner-protocol';
export { puzzles, type PuzzleName } from './puzzles';
export { paxosCommitWith, LEARNER_PAXOS, type LearnerLeaderRules, type DecideFromInstances, type ProposeSafely } from './learner-paxos';
export { leaseLockWith, LEARNER_LEASE, type StoreState, type StoreStep } from './learner-lease';
export { voterLab, acceptorLab, threePhaseVoterLab, ballotOwner, LAB_2PC, LAB_PAXOS, LAB_3PC, type LabScenario, type WithMyRole } from './labs';
