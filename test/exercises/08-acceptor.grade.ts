// Probes for lab 08-acceptor (Gray and Lamport, "Consensus on Transaction Commit", 2006). Judged by grader/exercises/08-acceptor.ts.
import { acceptor } from '../../exercises/08-acceptor';
import { acceptorLab } from '../../lib/exercise';
import { probe } from '../../grader/worker/probe';
import { acceptorLabSpec as lab, catalogStage, checkStage, exploreStage, placementsStage } from '../../grader/worker/fixtures/labs';

const withMyAcceptor = acceptorLab(acceptor);

probe("runs every Paxos Commit case of the catalog as the paper's acceptors do", () => catalogStage(withMyAcceptor, lab));
probe('keeps agreement, validity and termination over every placement of up to two crashes and recoveries (explore)', () => exploreStage(withMyAcceptor, lab));
probe('keeps agreement when an acceptor crashes after accepting and returns while F + 1 faults strike around it (its log)', () => placementsStage(withMyAcceptor, lab));
probe("keeps agreement and validity in every order of two voters' messages and timers, and of one voter's with a crash, each timer firing when no message is in flight (check)", () => checkStage(withMyAcceptor, lab));
