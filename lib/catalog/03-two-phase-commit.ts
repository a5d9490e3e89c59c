import { afterReceive, afterSend, at, crash, cut, recover } from '../scenario/builders';
import { twoPhaseCommit } from '../protocols/two-phase-commit/index';
import type { CatalogEntry } from './entry';

const twoPC = twoPhaseCommit();

/** The 2PC failure cases of the readings, each replayable with `simulate(entry.scenario)`. */
export const twoPhaseCommitCases: readonly CatalogEntry[] = [
  {
    id: '2pc/happy',
    title: 'Everyone votes yes, nothing fails',
    source: 'article fig. 1',
    scenario: { protocol: twoPC, voters: 3 },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'The coordinator sends prepare, every voter logs its prepare record and votes yes, the coordinator logs commit and tells everyone. Four messages and two log writes per voter.',
  },
  {
    id: '2pc/vote-no',
    title: 'One voter votes no',
    source: 'article fig. 2',
    scenario: { protocol: twoPC, voters: 3, votes: { v3: 'no' } },
    expected: 'aborted',
    decisions: { coordinator: 'abort', v1: 'abort', v2: 'abort', v3: 'abort' },
    why: "A single no is enough: the coordinator aborts and v1 and v2 undo the writes their prepare records describe. v3 aborted the moment it said no, since a no binds it to nothing.",
  },
  {
    id: '2pc/voter-silent-in-prepare',
    title: 'A voter crashes before it votes',
    source: 'the lecture; DDIA ch. 9',
    scenario: { protocol: twoPC, voters: 3, faults: [crash('v2', afterReceive('v2', 'prepare'))] },
    expected: 'aborted',
    decisions: { coordinator: 'abort', v1: 'abort', v2: null, v3: 'abort' },
    why: "v2 crashes after receiving prepare but before its vote leaves. The coordinator's vote timer expires with one vote missing, and silence counts as no: it aborts. v2 stays down, its prepare record unresolved until it recovers and asks.",
  },
  {
    id: '2pc/voter-down-in-commit',
    title: 'A voter crashes after voting yes and comes back',
    source: 'the lecture',
    scenario: {
      protocol: twoPC,
      voters: 3,
      faults: [crash('v2', afterSend('v2', 'vote')), recover('v2', at(35))],
    },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: "v2 votes yes and crashes before the commit reaches it. The coordinator has every yes, commits, and resends commit to v2 every timeout until it answers. From t=3 to v2's recovery at t=35 v1 and v3 have committed while v2 is still only prepared: the replicas differ for that whole window. Back up, v2 finds its prepare record, asks, and commits.",
  },
  {
    id: '2pc/link-down-forever',
    title: "A voter's link from the coordinator breaks for good",
    source: "a reader's question in the lecture's comments",
    scenario: { protocol: twoPC, voters: 3, faults: [cut('coordinator', 'v2', afterSend('v2', 'vote'))] },
    expected: 'blocked',
    decisions: { coordinator: 'commit', v1: 'commit', v2: null, v3: 'commit' },
    why: 'v2 voted yes, then nothing from the coordinator reaches it again. The coordinator commits and keeps resending; v2 keeps asking; every answer is lost. v2 stays prepared, holding its locks, to the end: blocked, yet never inconsistent, because v2 never guesses.',
  },
  {
    id: '2pc/coordinator-crash-before-prepare',
    title: 'The coordinator crashes before sending prepare',
    source: 'DDIA ch. 9',
    scenario: { protocol: twoPC, voters: 3, faults: [crash('coordinator', at(0))] },
    expected: 'aborted',
    decisions: { coordinator: null, v1: 'abort', v2: 'abort', v3: 'abort' },
    why: 'No voter has promised anything, so each one, hearing nothing, times out and aborts on its own. Before a yes vote, aborting alone is always safe.',
  },
  {
    id: '2pc/coordinator-crash-after-prepare',
    title: 'Every voter is prepared and the coordinator crashes before deciding',
    source: 'DDIA ch. 9; the lecture',
    scenario: {
      protocol: twoPC,
      voters: 3,
      faults: [crash('coordinator', afterReceive('coordinator', 'vote', { nth: 2 }))],
    },
    expected: 'blocked',
    decisions: { coordinator: null, v1: null, v2: null, v3: null },
    why: 'All three voted yes; the coordinator crashed with two votes counted and the third in flight. A prepared voter may neither commit (someone may have voted no) nor abort (the coordinator may have committed), so all three wait, asking a coordinator that is not there.',
  },
  {
    id: '2pc/coordinator-crash-after-prepare-recovers',
    title: 'The same crash, and the coordinator comes back',
    source: 'DDIA ch. 9; the lecture',
    scenario: {
      protocol: twoPC,
      voters: 3,
      faults: [crash('coordinator', afterReceive('coordinator', 'vote', { nth: 2 })), recover('coordinator', at(40))],
    },
    expected: 'aborted',
    decisions: { coordinator: 'abort', v1: 'abort', v2: 'abort', v3: 'abort' },
    why: 'On recovery the coordinator finds no decision in its log. Undecided means never committed, so it may abort, and tells everyone: the blocking lasts exactly as long as the coordinator is down.',
  },
  {
    id: '2pc/coordinator-and-voter-crash-in-commit',
    title: 'The coordinator commits to v1 only, then it and v1 crash',
    source: 'article fig. 3 (its third participant is our v1)',
    scenario: {
      protocol: twoPC,
      voters: 3,
      faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })), crash('v1', afterReceive('v1', 'commit'))],
    },
    expected: 'blocked',
    decisions: { coordinator: 'commit', v1: 'commit', v2: null, v3: null },
    why: 'v1 committed and crashed; the coordinator crashed right after telling it. v2 and v3 are prepared and cannot tell "v1 committed" from "v1 voted no": the only two nodes that know are down. Asking each other does not help, since both only know they are prepared.',
  },
  {
    id: '2pc/coordinator-and-voter-crash-in-commit-cooperative',
    title: 'Fig. 3 again, with cooperative termination',
    source: 'article fig. 3; DDIA ch. 9',
    scenario: {
      protocol: twoPhaseCommit({ termination: 'cooperative' }),
      voters: 3,
      faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })), crash('v1', afterReceive('v1', 'commit'))],
    },
    expected: 'blocked',
    decisions: { coordinator: 'commit', v1: 'commit', v2: null, v3: null },
    why: 'v2 and v3 now ask each other and v1, but v1 is down and each of them is merely prepared: no reachable node knows the outcome, so cooperation changes nothing here.',
  },
  {
    id: '2pc/cooperative-termination-helps',
    title: 'The coordinator crashes mid-commit, but v1 is up and can tell the others',
    source: 'DDIA ch. 9; the lecture',
    scenario: {
      protocol: twoPhaseCommit({ termination: 'cooperative' }),
      voters: 3,
      faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' }))],
    },
    expected: 'committed',
    decisions: { coordinator: 'commit', v1: 'commit', v2: 'commit', v3: 'commit' },
    why: 'Only v1 heard commit before the coordinator crashed. With cooperative termination v2 and v3 ask their peers when the decision is late; v1 answers commit, and nobody waits for the coordinator. With termination: wait, the same faults block.',
  },
];
