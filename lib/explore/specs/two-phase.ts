// Lamport's TLA+ specifications TCommit and TwoPhase (the "Specifying Systems" examples,
// also in the TLA+ video course, lecture 6), transcribed as packed transition systems for
// `check({ system })`. Every variable is a few bits of one state; every TLA+ action is one
// `emit`. TLC's distinct state counts for these two specs are the checker's correctness anchor.
import type { PackedSystem } from '../system';

const WORKING = 0;
const PREPARED = 1;
const COMMITTED = 2;
const ABORTED = 3;
const RM_STATES = ['working', 'prepared', 'committed', 'aborted'];

/** The largest RM count these encodings hold: rmState, tmPrepared and the Prepared messages fill one word. */
export const MAX_RMS = 8;

function rmCount(rms: number) {
  if (!Number.isInteger(rms) || rms < 1 || rms > MAX_RMS) throw new RangeError(`rms: expected 1 to ${MAX_RMS}, got ${rms}`);
}

const rmState = (w: number, rm: number) => (w >>> (2 * rm)) & 3;
const withRm = (w: number, rm: number, to: number) => ((w & ~(3 << (2 * rm))) | (to << (2 * rm))) >>> 0;

/** TCConsistent: no RM has committed while another aborted. */
function consistent(rms: number) {
  return {
    name: 'TCConsistent',
    holds(states: Uint32Array, at: number) {
      const w = states[at];
      let committed = false;
      let aborted = false;
      for (let rm = 0; rm < rms; rm++) {
        const s = rmState(w, rm);
        if (s === COMMITTED) committed = true;
        else if (s === ABORTED) aborted = true;
      }
      return !(committed && aborted);
    },
  };
}

function showRms(w: number, rms: number): string {
  const parts: string[] = [];
  for (let rm = 0; rm < rms; rm++) parts.push(`r${rm + 1}=${RM_STATES[rmState(w, rm)]}`);
  return parts.join(' ');
}

/**
 * TCommit: the transaction commit problem with no one in charge. An RM may prepare; it may
 * commit once every RM is prepared or committed; it may abort while no RM has committed.
 * One word: 2 bits of rmState per RM. TLC: 34, 274, 2,314 distinct states for 3, 5, 7 RMs.
 */
export function tcommit(rms: number): PackedSystem {
  rmCount(rms);
  const actions: string[] = [];
  for (let rm = 1; rm <= rms; rm++) actions.push(`Prepare(r${rm})`, `Decide(r${rm}) commit`, `Decide(r${rm}) abort`);
  return {
    name: `TCommit (${rms} RMs)`,
    words: 1,
    actions,
    initial(out, emit) {
      out[0] = 0; // every RM working
      emit(0);
    },
    next(states, at, out, emit) {
      const w = states[at];
      let canCommit = true;
      let notCommitted = true;
      for (let rm = 0; rm < rms; rm++) {
        const s = rmState(w, rm);
        if (s !== PREPARED && s !== COMMITTED) canCommit = false;
        if (s === COMMITTED) notCommitted = false;
      }
      for (let rm = 0; rm < rms; rm++) {
        const s = rmState(w, rm);
        if (s === WORKING) {
          out[0] = withRm(w, rm, PREPARED);
          emit(3 * rm);
        }
        if (s === PREPARED && canCommit) {
          out[0] = withRm(w, rm, COMMITTED);
          emit(3 * rm + 1);
        }
        if ((s === WORKING || s === PREPARED) && notCommitted) {
          out[0] = withRm(w, rm, ABORTED);
          emit(3 * rm + 2);
        }
      }
    },
    invariants: [consistent(rms)],
    show: (states, at) => showRms(states[at], rms),
  };
}

/**
 * TwoPhase: the two-phase commit protocol with a transaction manager (TM).
 * Variables: rmState, tmState in {init, done}, tmPrepared (a set of RMs) and msgs, a set
 * that only grows (so any message may be received any number of times, in any order).
 *
 * Word 0: rmState (bits 0..2N), tmPrepared (bits 2N..3N), [Prepared, rm] in msgs (bits 3N..4N).
 * Word 1: bit 0 tmState = done, bit 1 Commit in msgs, bit 2 Abort in msgs.
 * TLC: 288, 1,568, 8,832, 50,816, 296,448, 1,745,408 distinct states for 3 to 8 RMs.
 *
 * `broken: true` lets the TM commit as soon as any one RM is prepared: a wrong protocol
 * whose shortest counterexample the checker must find.
 */
export function twoPhase(rms: number, options: { broken?: boolean } = {}): PackedSystem {
  rmCount(rms);
  const preparedBits = 2 * rms;
  const messageBits = 3 * rms;
  const all = ((1 << rms) - 1) >>> 0;
  const actions = ['TMCommit', 'TMAbort'];
  for (let rm = 1; rm <= rms; rm++) {
    actions.push(
      `TMRcvPrepared(r${rm})`,
      `RMPrepare(r${rm})`,
      `RMChooseToAbort(r${rm})`,
      `RMRcvCommitMsg(r${rm})`,
      `RMRcvAbortMsg(r${rm})`,
    );
  }
  const broken = options.broken === true;
  return {
    name: `TwoPhase (${rms} RMs)${broken ? ', broken TM' : ''}`,
    words: 2,
    actions,
    initial(out, emit) {
      out[0] = 0;
      out[1] = 0;
      emit(0);
    },
    next(states, at, out, emit) {
      const w = states[at];
      const x = states[at + 1];
      const tmInit = (x & 1) === 0;
      const tmPrepared = (w >>> preparedBits) & all;
      const preparedMsgs = (w >>> messageBits) & all;
      const commitMsg = (x & 2) !== 0;
      const abortMsg = (x & 4) !== 0;
      if (tmInit) {
        if (broken ? tmPrepared !== 0 : tmPrepared === all) {
          out[0] = w;
          out[1] = x | 1 | 2;
          emit(0);
        }
        out[0] = w;
        out[1] = x | 1 | 4;
        emit(1);
      }
      for (let rm = 0; rm < rms; rm++) {
        const bit = 1 << rm;
        const s = rmState(w, rm);
        const base = 2 + 5 * rm;
        if (tmInit && (preparedMsgs & bit) !== 0 && (tmPrepared & bit) === 0) {
          out[0] = (w | (bit << preparedBits)) >>> 0;
          out[1] = x;
          emit(base);
        }
        if (s === WORKING) {
          out[0] = (withRm(w, rm, PREPARED) | (bit << messageBits)) >>> 0;
          out[1] = x;
          emit(base + 1);
          out[0] = withRm(w, rm, ABORTED);
          out[1] = x;
          emit(base + 2);
        }
        // Receiving a message again that changes nothing is a stuttering step: no new state.
        if (commitMsg && s !== COMMITTED) {
          out[0] = withRm(w, rm, COMMITTED);
          out[1] = x;
          emit(base + 3);
        }
        if (abortMsg && s !== ABORTED) {
          out[0] = withRm(w, rm, ABORTED);
          out[1] = x;
          emit(base + 4);
        }
      }
    },
    invariants: [consistent(rms)],
    show(states, at) {
      const w = states[at];
      const x = states[at + 1];
      const set = (bits: number) => `{${[...Array(rms).keys()].filter((rm) => bits & (1 << rm)).map((rm) => `r${rm + 1}`).join(',')}}`;
      const msgs = [
        ...[...Array(rms).keys()].filter((rm) => (w >>> messageBits) & (1 << rm)).map((rm) => `Prepared(r${rm + 1})`),
        ...(x & 2 ? ['Commit'] : []),
        ...(x & 4 ? ['Abort'] : []),
      ];
      return `${showRms(w, rms)} tm=${x & 1 ? 'done' : 'init'} tmPrepared=${set((w >>> preparedBits) & all)} msgs={${msgs.join(',')}}`;
    },
  };
}
