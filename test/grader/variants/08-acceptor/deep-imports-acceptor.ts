// @ts-nocheck (graded as exercises/08-acceptor.ts, where ../lib resolves)
// A delegating answer to lab 08-acceptor: the paper's acceptor, imported from inside the library.
// loses: runs every Paxos Commit case of the catalog as the paper's acceptors do
// loses: keeps agreement, validity and termination over every placement of up to two crashes and recoveries (explore)
// loses: keeps agreement when an acceptor crashes after accepting and returns while F + 1 faults strike around it (its log)
// loses: keeps agreement and validity in every order of two voters' messages and timers, and of one voter's with a crash, each timer firing when no message is in flight (check)
import { acceptor as papers } from '../lib/protocols/paxos-commit/acceptor';

export const acceptor = papers(10);
