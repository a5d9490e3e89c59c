import { afterReceive, afterSend, at, crash, partition, recover, slow } from '../scenario/builders';
import { paxosCommit } from '../protocols/paxos-commit/index';
import type { CatalogEntry } from './entry';

const paxos = paxosCommit();
const oneAcceptor = paxosCommit({ acceptors: 1 });
/** Gray and Lamport's reading of 2PC: one acceptor, on the coordinator's machine (section 5). */
const twoPCAsPaxos = paxosCommit({ acceptors: 1, colocate: true });

/** Article fig. 3's faults: the coordinator tells v1 commit and crashes; v1 commits and crashes. */
const fig3 = [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })), crash('v1', afterReceive('v1', 'commit'))];
/** Article fig. 5's moment, with Paxos Commit's decision message: the outcome reached v1 only, then the coordinator is lost. */
const decisionReachedV1 = afterSend('coordinator', 'commit', { to: 'v1' });

/** The cases that break 2PC and 3PC, under Paxos Commit (Gray and Lamport, 2006). */
export const paxosCommitCases: readonly CatalogEntry[] = [
  {
    id: 'paxos/happy',
    title: 'Everyone votes yes, nothing fails',
    source: 'Gray and Lamport, "Consensus on Transaction Commit" (2006), "The Paxos Commit Algorithm"',
    scenario: { protocol: paxos, voters: 3 },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'The coordinator sends prepare; each voter logs its prepare record and sends its vote, as ballot 0 of its own Paxos instance, to the three acceptors; each acceptor logs it and tells the coordinator (phase 2b). Two acceptors out of three make a vote chosen; with every vote chosen prepared the coordinator commits. This plain flow sends 24 messages, against 9 for 2PC before its acks; the paper\'s flow (acceptors co-located with the coordinator and voters, phase 2b bundled, votes to a majority only: paxosCommit({ colocate: true, bundle: true, phase2a: \'majority\' })) sends 12, one message delay more than 2PC.',
  },
  {
    id: 'paxos/vote-no',
    title: 'One voter votes no',
    source: 'Gray and Lamport, "The Paxos Commit Algorithm"; article fig. 2',
    scenario: { protocol: paxos, voters: 3, votes: { v3: 'no' } },
    expected: 'aborted',
    decisions: { coordinator: 'abort', v1: 'abort', v2: 'abort', v3: 'abort' },
    why: "v3 proposes aborted in its instance. Once a majority of acceptors accepted that, no ballot can ever change it, so the coordinator aborts without waiting for the other instances.",
  },
  {
    id: 'paxos/coordinator-and-voter-crash-in-commit',
    title: "Fig. 3's faults: the coordinator commits to v1 only, then it and v1 crash",
    source: 'article fig. 3; Gray and Lamport, "The Paxos Commit Algorithm"',
    scenario: { protocol: paxos, voters: 3, faults: fig3 },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'Under 2PC this blocks: the only nodes that knew the outcome are down. Here the votes live on the acceptors. v2, prepared and hearing nothing, takes over as leader with a ballot of its own, learns from two acceptors that every instance chose prepared, and commits; v3 follows.',
  },
  {
    id: 'paxos/one-acceptor-is-2pc',
    title: "Fig. 3's faults with one acceptor (F = 0) on the coordinator's machine: it blocks, as 2PC does",
    source: 'Gray and Lamport, "Consensus on Transaction Commit", section 5 (2PC is Paxos Commit with a single acceptor, the TM); article fig. 3',
    scenario: { protocol: twoPCAsPaxos, voters: 3, faults: fig3 },
    expected: 'blocked',
    decisions: { coordinator: 'commit', v1: 'commit', v2: null, v3: null },
    why: "The paper's equivalence: with one acceptor, and that acceptor on the coordinator's machine, the votes are kept where 2PC's coordinator keeps them, and the crash takes both. v2 and v3 re-send their votes to a machine that is down, and no one else holds them: the same blocking as 2pc/coordinator-and-voter-crash-in-commit, for the same reason. (With a1 on a machine of its own, a1 would still hold every vote; see the next case.)",
  },
  {
    id: 'paxos/coordinator-crash-after-prepare',
    title: 'Every voter is prepared and the coordinator crashes before deciding',
    source: 'DDIA ch. 9; Gray and Lamport, "The Paxos Commit Algorithm"',
    scenario: { protocol: paxos, voters: 3, faults: [crash('coordinator', at(2))] },
    expected: 'committed',
    decisions: { coordinator: null, v1: 'commit', v2: 'commit', v3: 'commit' },
    why: "The acceptors accepted every vote, but the coordinator is gone before it heard from them. v1 waits two timeouts, starts ballot 1 (phase 1a), hears from a majority that every instance holds prepared, proposes it again (phase 2a), learns it chosen and commits. 2PC blocks here until the coordinator returns.",
  },
  {
    id: 'paxos/coordinator-crash-after-prepare-one-acceptor',
    title: 'The same crash with one acceptor on a machine of its own: blocked until the coordinator returns, which then commits',
    source: 'Gray and Lamport, "Consensus on Transaction Commit", section 5; DDIA ch. 9',
    scenario: { protocol: oneAcceptor, voters: 3, faults: [crash('coordinator', at(2)), recover('coordinator', at(40))] },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: "Until t=40 the voters are blocked, as in 2PC: with F = 0 no voter may lead. Back up, the coordinator finds only ballot numbers in its log; instead of aborting as 2PC's coordinator does when its log holds no decision, it runs a new ballot, learns from a1, which kept every vote on its own machine, that every vote was prepared, and commits. With a1 on the coordinator's machine (the paper's 2PC) the votes would have arrived at a crashed machine, and the new ballot would abort, as 2PC does.",
  },
  {
    id: 'paxos/partition-split-brain',
    title: "Fig. 5's partition: the outcome reached v1 only, then the coordinator is lost and the network splits, one acceptor on v1's side and two on the other",
    source: 'article fig. 5; Gray and Lamport, "Consensus on Transaction Commit", section 4',
    scenario: {
      protocol: paxos,
      voters: 3,
      faults: [crash('coordinator', decisionReachedV1), partition([['coordinator', 'v1', 'a1'], ['v2', 'v3', 'a2', 'a3']], decisionReachedV1)],
    },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: "Fig. 5's sides, with the acceptors split between them. v1 has committed. On the other side v2, prepared and hearing nothing, starts a ballot of its own; a2 and a3 are a majority, and each holds every vote, so v2 learns that every instance chose prepared and commits, and so does v3. Where 3PC's two sides each decide from what they can see and split, here only a side with a majority of acceptors can decide anything, and what it learns is what the other side may already have acted on.",
  },
  {
    id: 'paxos/acceptors-cut-off',
    title: "Fig. 5's moment, with every acceptor cut off from every voter",
    source: 'article fig. 5; Gray and Lamport, "Consensus on Transaction Commit", section 4',
    scenario: {
      protocol: paxos,
      voters: 3,
      faults: [crash('coordinator', decisionReachedV1), partition([['coordinator', 'v1'], ['v2', 'v3']], decisionReachedV1)],
    },
    expected: 'blocked',
    decisions: { coordinator: 'commit', v1: 'commit', v2: null, v3: null },
    why: "The groups are fig. 5's; the acceptors, named in neither, end up in a third group that nobody can reach. v1 committed. v2 and v3 take over in turn, but no majority of acceptors answers, so they wait: blocked, never split. 3PC, with the same faults, lets v2 and v3 abort.",
  },
  {
    id: 'paxos/partition-heals',
    title: 'Every acceptor cut off, as in paxos/acceptors-cut-off, healed at t=100',
    source: 'article fig. 5; Gray and Lamport, "The Paxos Commit Algorithm"',
    scenario: {
      protocol: paxos,
      voters: 3,
      faults: [crash('coordinator', decisionReachedV1), partition([['coordinator', 'v1'], ['v2', 'v3']], decisionReachedV1, at(100))],
    },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'Once the acceptors are reachable again, the next ballot of v2 learns that every instance chose prepared, and v2 and v3 commit: waiting cost time, never consistency.',
  },
  {
    id: 'paxos/majority-side-decides',
    title: 'A partition with two acceptors on the side of v2 and v3',
    source: 'article fig. 5; Gray and Lamport, "The Paxos Commit Algorithm"',
    scenario: {
      protocol: paxos,
      voters: 3,
      faults: [partition([['coordinator', 'v1', 'a1'], ['v2', 'v3', 'a2', 'a3']], at(2))],
    },
    expected: 'blocked',
    decisions: { coordinator: null, v1: null, v2: 'abort', v3: 'abort' },
    why: "The votes reach the acceptors at t=2, just as the network splits: a2 and a3 never get v1's vote. v2, leading on the side with a majority, finds no vote for v1's instance, proposes aborted there, and aborts. The coordinator and v1, with one acceptor, can learn nothing and wait until the partition heals: the minority side is blocked. One side decides, the other waits: never both.",
  },
  {
    id: 'paxos/acceptor-crash',
    title: 'One acceptor is down from the start',
    source: 'Gray and Lamport (2F + 1 acceptors survive F failures)',
    scenario: { protocol: paxos, voters: 3, faults: [crash('a1', at(0))] },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'a2 and a3 are a majority: every vote is chosen without a1, at no extra delay.',
  },
  {
    id: 'paxos/acceptor-majority-down',
    title: 'Two of three acceptors are down, and come back at t=50',
    source: 'Gray and Lamport, "The Paxos Commit Algorithm"',
    scenario: {
      protocol: paxos,
      voters: 3,
      faults: [crash('a1', at(0)), crash('a2', at(0)), recover('a1', at(50)), recover('a2', at(50))],
    },
    expected: 'aborted',
    decisions: { coordinator: 'abort', v1: 'abort', v2: 'abort', v3: 'abort' },
    why: 'With a majority of acceptors down nothing can be chosen, so everyone waits (F = 1 tolerates one failure, not two). When a1 and a2 return, the first ballot to hear from both finds no vote in any instance on them, and proposes aborted: only a3 ever held the votes, so prepared was never chosen.',
  },
  {
    id: 'paxos/slow-network',
    title: "v2's vote and the messages to v2 are delayed past the timeouts",
    source: 'DDIA ch. 8 and 9; the 3pc/slow-network case',
    scenario: {
      protocol: paxos,
      voters: 3,
      faults: [
        slow('v2', 'a1', 30, afterReceive('v2', 'prepare')),
        slow('v2', 'a2', 30, afterReceive('v2', 'prepare')),
        slow('v2', 'a3', 30, afterReceive('v2', 'prepare')),
        slow('coordinator', 'v2', 30, afterReceive('v2', 'prepare')),
      ],
    },
    expected: 'aborted',
    decisions: { coordinator: 'abort', v1: 'abort', v2: 'abort', v3: 'abort' },
    why: "v2's vote is 31 ticks on the way. At its timeout the coordinator starts ballot 4 for v2's instance, finds no vote there, and has aborted chosen. The late vote meets acceptors that promised ballot 4 and is refused, so it cannot turn into a commit. v2 then learns abort. A slow node costs an abort, never a split.",
  },
];
