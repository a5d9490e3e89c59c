import { afterReceive, afterSend, at, crash, cut, partition, recover, slow } from '../scenario/builders';
import { threePhaseCommit } from '../protocols/three-phase-commit/index';
import type { CatalogEntry } from './entry';

const threePC = threePhaseCommit();
const elect = threePhaseCommit({ termination: 'elect' });

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
    why: "v3's no ends the transaction in the first round, before anyone prepared anything: no voter writes a prepare record, only the abort. Four log writes where 2PC on the same vote writes six, since there v1 and v2 log their redo and undo data before they learn of v3's no.",
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
    why: "v1 crashes right after preCommit, so its ack never comes; the coordinator's preCommitAck timer expires and it aborts, as the lecture's rule says. v3 hears the abort and rolls back. v2 has acked, but from then on nothing from the coordinator reaches it: precommitted and timing out, it commits. One side committed, the other aborted: a split brain.",
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
    id: '3pc/fail-recover',
    title: 'The old coordinator comes back and aborts while its successor commits',
    source: 'article ("3PC cannot handle fail-recover")',
    scenario: {
      protocol: elect,
      voters: 3,
      faults: [crash('coordinator', afterSend('coordinator', 'preCommit', { to: 'v3' })), recover('coordinator', at(27))],
    },
    expected: 'inconsistent',
    decisions: { coordinator: 'abort', v1: 'commit', v2: 'abort', v3: 'abort' },
    why: "The coordinator crashes after sending preCommit and before any ack. The voters time out and elect v1, which gathers three precommitted states, runs its own preCommit round and commits at t=27. At that same tick the old coordinator recovers, finds no decision in its log, aborts and tells everyone; its abort reaches v2 and v3 just ahead of v1's doCommit. Recovering any earlier, its abort reaches v1 first and everyone aborts; any later, the voters have all committed and only the coordinator contradicts them: still inconsistent.",
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
