// Probes for puzzle 04-peers (the lecture; Bernstein, Hadzilacos and Goodman ch. 7).
// The grader simulates the scenarios itself: grader/exercises/04-peers.ts.
import { beyondAnyPeer, savedByAPeer } from '../../exercises/04-peers';
import { probe } from '../../grader/worker/probe';

probe('both are runs of 2PC with cooperative termination: three voters voting yes, a lossless network, at most two crashes or recoveries', () => ({ saved: savedByAPeer(), beyond: beyondAnyPeer() }));
probe('the first ends blocked under textbook 2PC, and aborted once the voters ask each other', () => ({ saved: savedByAPeer() }));
probe('the second ends blocked even when the voters ask each other, with the fewest faults that can do that', () => ({ beyond: beyondAnyPeer() }));
