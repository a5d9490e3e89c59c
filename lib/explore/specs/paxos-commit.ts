// Gray and Lamport's TLA+ specification of Paxos Commit (the module PaxosCommit that goes with
// "Consensus on Transaction Commit", ACM TODS 31(1), 2006, and is kept among the TLA+ examples
// under transaction_commit), transcribed as a packed transition system for `check({ system })`.
// The transcription is ours; the spec's text is not copied. Like the spec it models safety
// only: `msgs` is the set of every message ever sent, receipt is not modelled (an action is
// enabled once the messages it needs are in the set), and leader selection is not modelled
// (any leader action may happen at any time, so duelling leaders are included).
//
// TLC's figures for RM = {r1, r2}, three acceptors, majorities of two and Ballot = {0, 1}:
// 1,321,761 distinct states, depth 28 (TLC counts the initial state as level 1; `depth` here
// counts steps, so 27).
import type { PackedInvariant, PackedSystem } from '../system';

// rmState values.
const WORKING = 0;
const PREPARED = 1;
const COMMITTED = 2;
const ABORTED = 3;
const RM_STATES = ['working', 'prepared', 'committed', 'aborted'];

// A phase 2a message's value (0: no such message).
const NO_2A = 0;
const VAL_PREPARED = 1;
const VAL_ABORTED = 2;
const VALS = ['none', 'prepared', 'aborted'];

/** The configuration: RM = {r1..rN}, Acceptor = {a1..aM}, majorities of floor(M / 2) + 1, Ballot = {0..B-1}. */
export interface PaxosCommitSpecOptions {
  /** Resource managers (the paper's RMs, the kit's voters). @defaultValue 2 */
  readonly rms?: number;
  /** Acceptors. @defaultValue 3 */
  readonly acceptors?: number;
  /** Ballots 0 to `ballots - 1`; ballot 0 is the RMs' own vote, so at least 1. @defaultValue 2 */
  readonly ballots?: number;
  /**
   * A wrong leader: where no acceptor of the majority reports a vote, it proposes prepared
   * instead of aborted. The checker must find the shortest way this breaks TCConsistent.
   * @defaultValue false
   */
  readonly broken?: boolean;
}

/** The largest state this encoding takes, in 32-bit words (about 4 RMs, 5 acceptors, 3 ballots). */
export const PAXOS_SPEC_MAX_WORDS = 16;

/**
 * Where each variable lives in a packed state: a field is a few bits of one word (never
 * across two), so reading one is a shift and a mask.
 */
class Layout {
  words = 0;
  private used = 32;
  readonly word: number[] = [];
  readonly shift: number[] = [];
  readonly mask: number[] = [];

  /** A new field of `bits` bits; returns its number. */
  field(bits: number): number {
    if (this.used + bits > 32) {
      this.words++;
      this.used = 0;
    }
    this.word.push(this.words - 1);
    this.shift.push(this.used);
    this.mask.push((1 << bits) - 1);
    this.used += bits;
    return this.word.length - 1;
  }
}

/** Bits to hold the values 0 to n - 1. */
const bitsFor = (n: number) => Math.max(1, Math.ceil(Math.log2(n)));

/**
 * Paxos Commit as in Gray and Lamport's TLA+ module: each RM's prepared/aborted is the value
 * of its own instance of Paxos; an RM votes by sending the phase 2a message of ballot 0; a
 * leader may start any higher ballot (phase 1a), propose what a majority's phase 1b messages
 * allow (phase 2a), and announce Commit once every instance chose prepared, Abort once one
 * chose aborted.
 *
 * The encoding is exact, so the distinct states are TLC's: every message is at most one
 * field, because the spec lets each be sent only one way. An RM sends one ballot-0 phase 2a
 * (prepared or aborted, from working); a leader sends one phase 2a per (instance, ballot);
 * an acceptor sends at most one phase 1b per (instance, ballot), since it then promised that
 * ballot; and a phase 2b's value is that of its ballot's one phase 2a. For the same reason an
 * acceptor's `val` is the value of the phase 2a of its `bal`, and is not stored.
 *
 * @example
 * check({ system: paxosCommitSpec() }).distinct; // 1_321_761, as TLC
 */
export function paxosCommitSpec(options: PaxosCommitSpecOptions = {}): PackedSystem {
  const R = options.rms ?? 2;
  const A = options.acceptors ?? 3;
  const B = options.ballots ?? 2;
  for (const [name, value] of [
    ['rms', R],
    ['acceptors', A],
    ['ballots', B],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 8)
      throw new RangeError(`${name}: expected a whole number from 1 to 8, got ${value}`);
  }
  const broken = options.broken === true;
  const majority = (A >>> 1) + 1;
  // The spec's Majority constant, as the TLC model gives it: every set of exactly `majority` acceptors.
  const majorities: number[] = [];
  for (let m = 1; m < 1 << A; m++) if (popcount(m) === majority) majorities.push(m);

  const L = new Layout();
  const rmF: number[] = [];
  const mbalF: number[] = []; // [r * A + a]: aState[r][a].mbal
  const balF: number[] = []; // [r * A + a]: aState[r][a].bal + 1
  const p1aF: number[] = []; // [r * B + b], b >= 1: ["phase1a", ins r, bal b] in msgs
  const p1bF: number[] = []; // [(r * A + a) * B + b], b >= 1: 0 none, else the reported bal + 2
  const p2aF: number[] = []; // [r * B + b]: NO_2A, VAL_PREPARED or VAL_ABORTED
  const p2bF: number[] = []; // [(r * A + a) * B + b]: ["phase2b", acc a, ins r, bal b] in msgs
  for (let r = 0; r < R; r++) rmF.push(L.field(2));
  for (let i = 0; i < R * A; i++) {
    mbalF.push(L.field(bitsFor(B)));
    balF.push(L.field(bitsFor(B + 1)));
  }
  for (let i = 0; i < R * B; i++) {
    p1aF.push(i % B === 0 ? -1 : L.field(1));
    p2aF.push(L.field(2));
  }
  for (let i = 0; i < R * A * B; i++) {
    p1bF.push(i % B === 0 ? -1 : L.field(bitsFor(B + 1)));
    p2bF.push(L.field(1));
  }
  const commitF = L.field(1);
  const abortF = L.field(1);
  const words = L.words;
  if (words > PAXOS_SPEC_MAX_WORDS)
    throw new RangeError(`rms x acceptors x ballots too large: ${words} words a state, at most ${PAXOS_SPEC_MAX_WORDS}`);
  const fw = Int32Array.from(L.word);
  const fs = Int32Array.from(L.shift);
  const fm = Int32Array.from(L.mask);

  // Action numbers, in the order of the spec's next-state relation.
  const actions: string[] = [];
  const rmAction = (r: number, k: number) => 4 * r + k;
  for (let r = 1; r <= R; r++) actions.push(`RMPrepare(r${r})`, `RMChooseToAbort(r${r})`, `RMRcvCommitMsg(r${r})`, `RMRcvAbortMsg(r${r})`);
  const leaderBase = actions.length;
  for (let b = 1; b < B; b++) for (let r = 1; r <= R; r++) actions.push(`Phase1a(${b}, r${r})`, `Phase2a(${b}, r${r})`);
  const decideBase = actions.length;
  actions.push('Decide: Commit', 'Decide: Abort');
  const acceptorBase = actions.length;
  for (let a = 1; a <= A; a++) {
    for (let r = 1; r <= R; r++) {
      for (let b = 0; b < B; b++) actions.push(`Phase1b(a${a}) on phase1a(r${r}, ${b})`, `Phase2b(a${a}) on phase2a(r${r}, ${b})`);
    }
  }
  const leaderAction = (b: number, r: number, k: number) => leaderBase + 2 * ((b - 1) * R + r) + k;
  const acceptorAction = (a: number, r: number, b: number, k: number) => acceptorBase + 2 * ((a * R + r) * B + b) + k;

  // The state being expanded, unpacked once; each successor is a copy with a field or two changed.
  const rm = new Int32Array(R);
  const mbal = new Int32Array(R * A);
  const bal = new Int32Array(R * A);
  const p1a = new Int32Array(R * B);
  const p1b = new Int32Array(R * A * B);
  const p2a = new Int32Array(R * B);
  const p2b = new Int32Array(R * A * B);
  let src: Uint32Array = new Uint32Array(words);
  let base = 0;
  const get = (f: number) => (src[base + fw[f]] >>> fs[f]) & fm[f];
  const copy = (out: Uint32Array) => {
    for (let w = 0; w < words; w++) out[w] = src[base + w];
  };
  const put = (out: Uint32Array, f: number, v: number) => {
    const w = fw[f];
    out[w] = ((out[w] & ~(fm[f] << fs[f])) | (v << fs[f])) >>> 0;
  };

  function unpack(states: Uint32Array, at: number) {
    src = states;
    base = at;
    for (let r = 0; r < R; r++) rm[r] = get(rmF[r]);
    for (let i = 0; i < R * A; i++) {
      mbal[i] = get(mbalF[i]);
      bal[i] = get(balF[i]) - 1;
    }
    for (let i = 0; i < R * B; i++) {
      p1a[i] = i % B === 0 ? 0 : get(p1aF[i]);
      p2a[i] = get(p2aF[i]);
    }
    for (let i = 0; i < R * A * B; i++) {
      p1b[i] = i % B === 0 ? 0 : get(p1bF[i]);
      p2b[i] = get(p2bF[i]);
    }
  }

  /** Decided(r, v): some ballot's phase 2a of instance r has value v and a majority sent its phase 2b. */
  function decided(r: number, v: number): boolean {
    for (let b = 0; b < B; b++) {
      if (p2a[r * B + b] !== v) continue;
      let n = 0;
      for (let a = 0; a < A; a++) n += p2b[(r * A + a) * B + b];
      if (n >= majority) return true;
    }
    return false;
  }

  const consistent: PackedInvariant = {
    name: 'TCConsistent',
    holds(states, at) {
      let committed = false;
      let aborted = false;
      for (let r = 0; r < R; r++) {
        const s = (states[at + fw[rmF[r]]] >>> fs[rmF[r]]) & 3;
        if (s === COMMITTED) committed = true;
        else if (s === ABORTED) aborted = true;
      }
      return !(committed && aborted);
    },
  };

  return {
    name: `PaxosCommit (${R} RMs, ${A} acceptors, ballots 0..${B - 1})${broken ? ', broken leader' : ''}`,
    words,
    actions,
    initial(out, emit) {
      // Every RM working; every acceptor mbal 0, bal -1 (stored as 0), val none; no message.
      out.fill(0);
      emit(0);
    },
    next(states, at, out, emit) {
      unpack(states, at);
      const commitSent = get(commitF) === 1;
      const abortSent = get(abortF) === 1;

      // RMPrepare, RMChooseToAbort: from working, with the ballot-0 phase 2a of the RM's own instance.
      // RMRcvCommitMsg, RMRcvAbortMsg: a step that changes nothing is a stutter, not a new state.
      for (let r = 0; r < R; r++) {
        if (rm[r] === WORKING) {
          copy(out);
          put(out, rmF[r], PREPARED);
          put(out, p2aF[r * B], VAL_PREPARED);
          emit(rmAction(r, 0));
          copy(out);
          put(out, rmF[r], ABORTED);
          put(out, p2aF[r * B], VAL_ABORTED);
          emit(rmAction(r, 1));
        }
        if (commitSent && rm[r] !== COMMITTED) {
          copy(out);
          put(out, rmF[r], COMMITTED);
          emit(rmAction(r, 2));
        }
        if (abortSent && rm[r] !== ABORTED) {
          copy(out);
          put(out, rmF[r], ABORTED);
          emit(rmAction(r, 3));
        }
      }

      // Leader actions, for every ballot above 0 and every instance.
      for (let b = 1; b < B; b++) {
        for (let r = 0; r < R; r++) {
          const rb = r * B + b;
          if (p1a[rb] === 0) {
            copy(out);
            put(out, p1aF[rb], 1);
            emit(leaderAction(b, r, 0));
          }
          // Phase2a: no phase 2a of this ballot yet, and phase 1b messages of this ballot from a whole majority.
          if (p2a[rb] !== NO_2A) continue;
          let answered = 0;
          for (let a = 0; a < A; a++) if (p1b[(r * A + a) * B + b] !== 0) answered |= 1 << a;
          let proposed = 0; // values already emitted: two majorities may allow the same one
          for (const ms of majorities) {
            if ((answered & ms) !== ms) continue;
            let maxbal = -1;
            for (let a = 0; a < A; a++) {
              if ((ms & (1 << a)) === 0) continue;
              const reported = p1b[(r * A + a) * B + b] - 2;
              if (reported > maxbal) maxbal = reported;
            }
            // Nobody in the majority accepted anything: aborted. Otherwise the value of the highest ballot reported.
            const val = maxbal < 0 ? (broken ? VAL_PREPARED : VAL_ABORTED) : p2a[r * B + maxbal];
            if ((proposed & (1 << val)) !== 0) continue;
            proposed |= 1 << val;
            copy(out);
            put(out, p2aF[rb], val);
            emit(leaderAction(b, r, 1));
          }
        }
      }

      // Decide: Commit once every instance chose prepared; Abort once some instance chose aborted.
      if (!commitSent) {
        let all = true;
        for (let r = 0; r < R && all; r++) all = decided(r, VAL_PREPARED);
        if (all) {
          copy(out);
          put(out, commitF, 1);
          emit(decideBase);
        }
      }
      if (!abortSent) {
        let one = false;
        for (let r = 0; r < R && !one; r++) one = decided(r, VAL_ABORTED);
        if (one) {
          copy(out);
          put(out, abortF, 1);
          emit(decideBase + 1);
        }
      }

      // Acceptor actions.
      for (let a = 0; a < A; a++) {
        for (let r = 0; r < R; r++) {
          const ra = r * A + a;
          for (let b = 0; b < B; b++) {
            // Phase1b: a phase 1a of a ballot above the one promised: promise it, report bal (and so val).
            if (p1a[r * B + b] !== 0 && mbal[ra] < b) {
              copy(out);
              put(out, mbalF[ra], b);
              put(out, p1bF[ra * B + b], bal[ra] + 2);
              emit(acceptorAction(a, r, b, 0));
            }
            // Phase2b: a phase 2a of a ballot no lower than the one promised: accept it. Accepting it again is a stutter.
            if (p2a[r * B + b] !== NO_2A && mbal[ra] <= b && bal[ra] !== b) {
              copy(out);
              put(out, mbalF[ra], b);
              put(out, balF[ra], b + 1);
              put(out, p2bF[ra * B + b], 1);
              emit(acceptorAction(a, r, b, 1));
            }
          }
        }
      }
    },
    invariants: [consistent],
    show(states, at) {
      unpack(states, at);
      const parts: string[] = [];
      for (let r = 0; r < R; r++) parts.push(`r${r + 1}=${RM_STATES[rm[r]]}`);
      for (let r = 0; r < R; r++) {
        for (let a = 0; a < A; a++) {
          const i = r * A + a;
          const val = bal[i] < 0 ? 'none' : VALS[p2a[r * B + bal[i]]];
          parts.push(`a${a + 1}[r${r + 1}]=(mbal ${mbal[i]}, bal ${bal[i]}, ${val})`);
        }
      }
      const msgs: string[] = [];
      for (let r = 0; r < R; r++) {
        for (let b = 0; b < B; b++) {
          if (p1a[r * B + b]) msgs.push(`1a(r${r + 1},${b})`);
          for (let a = 0; a < A; a++) {
            const reported = p1b[(r * A + a) * B + b];
            if (reported) msgs.push(`1b(a${a + 1},r${r + 1},${b}: bal ${reported - 2})`);
          }
          if (p2a[r * B + b]) msgs.push(`2a(r${r + 1},${b},${VALS[p2a[r * B + b]]})`);
          for (let a = 0; a < A; a++) if (p2b[(r * A + a) * B + b]) msgs.push(`2b(a${a + 1},r${r + 1},${b})`);
        }
      }
      if (get(commitF)) msgs.push('Commit');
      if (get(abortF)) msgs.push('Abort');
      return `${parts.join(' ')} msgs={${msgs.join(',')}}`;
    },
  };
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}
