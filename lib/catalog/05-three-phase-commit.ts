import { afterReceive, afterSend, at, crash, cut, onEnter, partition, pause, recover, slow } from '../scenario/builders';
import { threePhaseCommit } from '../protocols/three-phase-commit/index';
import type { CatalogEntry } from './entry';

const threePC = threePhaseCommit();
const elect = threePhaseCommit({ termination: 'elect' });
/** Skeen's rules: the termination protocol, and a missing preCommitAck taken for a failed voter. */
const skeenRules = threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'commit' });

/** Article fig. 3's faults, moved to 3PC: the coordinator's doCommit reaches v1 only, then it and v1 crash. */
const fig3Faults = [crash('coordinator', afterSend('coordinator', 'doCommit', { to: 'v1' })), crash('v1', afterReceive('v1', 'doCommit'))];

/** The 3PC failure cases of the readings, each replayable with `simulate(entry.scenario)`. */
export const threePhaseCommitCases: readonly CatalogEntry[] = [
  {
    id: '3pc/happy',
    title: 'Everyone can commit, nothing fails',
    source: 'article fig. 4',
    scenario: { protocol: threePC, voters: 3 },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'Three round trips instead of two: canCommit and a yes vote, preCommit and its ack (the voter logs its prepare record here), doCommit and an ack. Six messages per voter where 2PC needs four; the extra round is what lets a voter know that every other voter said yes.',
  },
  {
    id: '3pc/early-abort',
    title: 'One voter says no at canCommit',
    source: 'the lecture',
    scenario: { protocol: threePC, voters: 3, votes: { v3: 'no' } },
    expected: 'aborted',
    decisions: { coordinator: 'abort', v1: 'abort', v2: 'abort', v3: 'abort' },
    why: "v3's no ends the transaction in the first round, before anyone prepared anything. v1 and v2 force only a small vote record (their yes must survive a crash), v3 writes nothing at all, and no voter writes a prepare record with redo and undo data: five log writes, all small, where 2PC on the same vote writes six, two of them full prepare records.",
  },
  {
    id: '3pc/coordinator-and-voter-crash',
    title: 'Fig. 3 under 3PC: the coordinator tells v1 only, then it and v1 crash',
    source: 'article fig. 3 and 4',
    scenario: { protocol: threePC, voters: 3, faults: fig3Faults },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'The same two crashes that block 2PC. Here doCommit only goes out once every voter has acknowledged preCommit, so v2 and v3 are precommitted: each knows that every voter said yes, times out, and commits. Nobody waits for the two nodes that are down.',
  },
  {
    id: '3pc/coordinator-and-voter-crash-elect',
    title: 'Fig. 3 under 3PC, with an elected coordinator',
    source: "article fig. 3 and its termination protocol",
    scenario: { protocol: elect, voters: 3, faults: fig3Faults },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'v2 and v3 time out and ask v1, the lowest id, to take over; v1 is down and never answers. After waiting for it, v2 takes over itself, gathers "precommitted" from v3, brings everyone to precommitted again and commits: a crashed elected coordinator is replaced by the next one.',
  },
  {
    id: '3pc/docommit-timeout',
    title: 'The coordinator crashes after every preCommitAck, before doCommit',
    source: 'the lecture',
    scenario: { protocol: threePC, voters: 3, faults: [crash('coordinator', afterReceive('coordinator', 'preCommitAck', { nth: 3 }))] },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: "The last preCommitAck arrives, the coordinator logs commit and crashes before any doCommit leaves. Every voter is precommitted and hears nothing more; by the lecture's rule a precommitted voter that times out goes ahead and commits, and all three do.",
  },
  {
    id: '3pc/crash-and-cut',
    title: "v1 crashes before acking preCommit, and v2's link from the coordinator is cut",
    source: "the lecture (its participants A and B are our v1 and v2)",
    scenario: {
      protocol: threePC,
      voters: 3,
      faults: [crash('v1', afterReceive('v1', 'preCommit')), cut('coordinator', 'v2', afterSend('v2', 'preCommitAck'))],
    },
    expected: 'inconsistent',
    decisions: { coordinator: 'abort', v1: null, v2: 'commit', v3: 'abort' },
    why: "v1 crashes right after preCommit, so its ack never comes; the coordinator's preCommitAck timer expires and it aborts, as the lecture's rule says. v3 hears the abort and rolls back. v2 has acked, but from then on nothing from the coordinator reaches it: precommitted and timing out, it commits. The split comes from the lecture's rule of aborting after preCommit, which contradicts its other rule (a precommitted voter that times out commits); the cut only keeps v2 from hearing the abort. Under Skeen's rules the coordinator takes v1's silence for a failure and commits, and the same faults end committed (3pc/crash-and-cut-skeen).",
  },
  {
    id: '3pc/partition-split-brain',
    title: 'A partition during preCommit: each side elects its own coordinator',
    source: 'article fig. 5',
    scenario: {
      protocol: elect,
      voters: 3,
      faults: [
        crash('coordinator', afterSend('coordinator', 'preCommit', { to: 'v1' })),
        partition([['coordinator', 'v1'], ['v2', 'v3']], afterSend('coordinator', 'preCommit', { to: 'v1' })),
      ],
    },
    expected: 'inconsistent',
    decisions: { coordinator: null, v1: 'commit', v2: 'abort', v3: 'abort' },
    why: "The coordinator's preCommit reaches v1 only; then the coordinator crashes and the network splits v1 from v2 and v3. v1 elects itself, finds itself precommitted and commits. v2 and v3 ask v1, hear nothing, elect v2, find only uncertain voters and abort. Each side followed the termination rule correctly with what it could see.",
  },
  {
    id: '3pc/crash-and-cut-skeen',
    title: 'The faults of 3pc/crash-and-cut under Skeen\'s rules',
    source: 'Skeen 1981; the lecture',
    scenario: {
      protocol: skeenRules,
      voters: 3,
      faults: [crash('v1', afterReceive('v1', 'preCommit')), cut('coordinator', 'v2', afterSend('v2', 'preCommitAck'))],
    },
    expected: 'committed',
    decisions: { coordinator: 'commit', v2: 'commit', v3: 'commit' },
    why: "The same crash and the same cut. A missing preCommitAck after every yes means a failed voter, so the coordinator commits and v3 hears doCommit. v2, precommitted and cut off, times out, asks v1 to take over, hears nothing from it (v1 is down), takes over itself, hears 'committed' from v3 and commits. The split of 3pc/crash-and-cut was the lecture's abort rule, not the cut.",
  },
  {
    id: '3pc/vote-survives-crash',
    title: 'v1 crashes right after voting yes and recovers at once',
    source: 'Skeen 1981; Bernstein, Hadzilacos and Goodman sec. 7.5',
    scenario: { protocol: skeenRules, voters: 3, faults: [crash('v1', afterSend('v1', 'vote')), recover('v1', at(3))] },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: "v1 forced its vote record before its yes left, then crashed. Back at t=3 with a vote and no outcome, it cannot tell whether the others went on without it, so it asks everyone instead of aborting alone; the coordinator's preCommit arrives at that tick, v1 acknowledges, and everyone commits. A voter that forgot its yes across the crash would have aborted alone here while the others committed.",
  },
  {
    id: '3pc/coordinator-recovers-and-asks',
    title: 'The coordinator crashes during preCommit, recovers, and asks before it acts',
    source: 'Bernstein, Hadzilacos and Goodman sec. 7.5; the article',
    scenario: {
      protocol: elect,
      voters: 3,
      faults: [crash('coordinator', afterSend('coordinator', 'preCommit', { to: 'v3' })), recover('coordinator', at(27))],
    },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: "The coordinator crashes after its preCommit and before any ack. The voters time out, elect v1, which gathers three precommitted states and commits. The coordinator comes back at t=27 with a precommit record and no decision: a preCommit may have gone out, so the voters may have decided without it. It asks, hears commit, and commits. A coordinator that aborted on recovery 'as in 2PC' would contradict them.",
  },
  {
    id: '3pc/fail-recover',
    title: 'The old coordinator was only slow: it finishes its round and aborts while its successor commits',
    source: 'article ("3PC cannot handle fail-recover"); the lecture',
    scenario: {
      protocol: elect,
      voters: 3,
      faults: [pause('coordinator', afterSend('coordinator', 'preCommit', { to: 'v1' }), 40)],
    },
    expected: 'inconsistent',
    decisions: { coordinator: 'abort', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: "The coordinator's preCommit reaches v1, then the coordinator stalls for 40 ticks (a long pause, an overloaded machine). v2 and v3 hear nothing, elect v1, which finds itself precommitted and drives everyone to commit. The coordinator never crashed, so no recovery rule runs: it wakes up, finds preCommitAcks missing and aborts by the lecture's rule. The article tells this as a coordinator that fails and comes back; what breaks 3PC is that the others believed it dead while it was not.",
  },
  {
    id: '3pc/paused-coordinator-skeen',
    title: "A paused coordinator breaks Skeen's rules too",
    source: 'Skeen 1981 (its assumption of accurate failure detection); DDIA ch. 8',
    scenario: {
      protocol: skeenRules,
      voters: 3,
      faults: [pause('coordinator', onEnter('coordinator', 'precommitted'), 40)],
    },
    expected: 'inconsistent',
    decisions: { coordinator: 'commit', v1: 'abort', v2: 'abort', v3: 'abort' },
    why: "Every voter said yes; the coordinator stalls before any preCommit leaves. The voters, all uncertain, elect v1 and abort, which Skeen's rule allows: nobody can have committed. The coordinator wakes, sends its preCommit, sees no ack in time and commits by Skeen's ack rule. Skeen proves 3PC non-blocking and safe assuming a node that falls silent has failed; a pause breaks that assumption, and no timeout can tell.",
  },
  {
    id: '3pc/slow-network',
    title: "v2's ack and then the abort to v2 are delayed past the timeouts",
    source: 'DDIA ch. 8 and 9',
    scenario: {
      protocol: threePC,
      voters: 3,
      faults: [
        slow('v2', 'coordinator', 30, afterReceive('v2', 'preCommit')),
        slow('coordinator', 'v2', 30, afterReceive('v2', 'preCommit')),
      ],
    },
    expected: 'inconsistent',
    decisions: { coordinator: 'abort', v1: 'abort', v2: 'commit', v3: 'abort' },
    why: "Nothing crashes and nothing is cut: v2's preCommitAck just takes 31 ticks. The coordinator takes the silence for a failure and aborts; v1 and v3 abort with it, but the abort to v2 is as slow as the ack was. v2, precommitted and hearing nothing, times out and commits before the abort arrives. A timeout cannot tell a slow node from a dead one.",
  },
];
