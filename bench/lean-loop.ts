// The lean floor for `simulate` (issue 21, item 5): a minimal heap loop over minimal 2PC
// roles written here, with numeric node ids, messages and timers as small integers, one
// seeded generator per link, no trace, no RxJS, no validation, nothing allocated per run
// beyond the heap's entries. It runs the same protocol as the kit's 2PC (the coordinator
// resends its decision until every voter acks; a prepared voter asks every `timeout` ticks;
// a voter never prepared aborts alone after 2 x timeout), on the same network model (a delay
// drawn per message, then loss), so a sweep over it does the work a sweep over `simulate`
// does. Its random streams are its own, so verdicts agree in their shares, not run by run:
// bench/core.ts prints both.
import type { Verdict } from '../lib/checkers';

// Messages.
const PREPARE = 0;
const YES = 1;
const NO = 2;
const COMMIT = 3;
const ABORT = 4;
const ACK = 5;
const ASK = 6;

// Event kinds.
const START = 0;
const DELIVER = 1;
const TIMER = 2;

// Timers: the coordinator's `votes` and `resend`, a voter's `prepare` and `ask`.
const T_VOTES = 0;
const T_RESEND = 1;
const T_PREPARE = 0;
const T_ASK = 1;

// Node states (both roles): 0 init, 1 waiting (coordinator) or prepared (voter), 2 committed, 3 aborted.
const INIT = 0;
const WAITING = 1;
const COMMITTED = 2;
const ABORTED = 3;

/** A small, fast generator (mulberry32), one per link, seeded from the run's seed and the link. */
class Mulberry {
  s = 0;
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/**
 * A binary min-heap of events keyed by (time, sequence), its fields in parallel typed arrays
 * so that pushing an event allocates nothing once the arrays have grown.
 */
class Heap {
  size = 0;
  t = new Float64Array(64);
  seq = new Float64Array(64);
  // An event packed in one number: kind (2 bits) | node (10) | from (10) | message or timer (4) | generation (rest).
  ev = new Float64Array(64);

  push(t: number, seq: number, ev: number): void {
    if (this.size === this.t.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.t[p] < t || (this.t[p] === t && this.seq[p] < seq)) break;
      this.t[i] = this.t[p];
      this.seq[i] = this.seq[p];
      this.ev[i] = this.ev[p];
      i = p;
    }
    this.t[i] = t;
    this.seq[i] = seq;
    this.ev[i] = ev;
  }

  /** Removes the first event; its time and packed event are left in `topT` and `topEv`. */
  topT = 0;
  topEv = 0;
  pop(): void {
    this.topT = this.t[0];
    this.topEv = this.ev[0];
    const n = --this.size;
    const t = this.t[n];
    const seq = this.seq[n];
    const ev = this.ev[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (this.t[c + 1] < this.t[c] || (this.t[c + 1] === this.t[c] && this.seq[c + 1] < this.seq[c]))) c++;
      if (t < this.t[c] || (t === this.t[c] && seq < this.seq[c])) break;
      this.t[i] = this.t[c];
      this.seq[i] = this.seq[c];
      this.ev[i] = this.ev[c];
      i = c;
    }
    this.t[i] = t;
    this.seq[i] = seq;
    this.ev[i] = ev;
  }

  private grow(): void {
    const t = new Float64Array(this.t.length * 2);
    const seq = new Float64Array(this.t.length * 2);
    const ev = new Float64Array(this.t.length * 2);
    t.set(this.t);
    seq.set(this.seq);
    ev.set(this.ev);
    this.t = t;
    this.seq = seq;
    this.ev = ev;
  }
}

const pack = (kind: number, node: number, from: number, what: number, gen: number) =>
  kind + node * 4 + from * 4096 + what * 4194304 + gen * 67108864;

/** One lean run of 2PC: coordinator 0 and voters 1..voters, all voting yes; returns its verdict. */
export class LeanLoop {
  private readonly heap = new Heap();
  private state: Int32Array;
  private yes: Int32Array; // per node: the coordinator's bitmask of yes votes (node 0 only)
  private acked: Int32Array;
  private decision: Int32Array; // 0 none, COMMITTED, ABORTED
  private timerGen: Int32Array; // per node x 2 timers: the live generation, or 0 when cancelled
  private links: Mulberry[];
  private seq = 0;
  private now = 0;
  /** Messages sent in the last run (lost ones included), to check that both loops do the same work. */
  sent = 0;

  constructor(
    private readonly voters: number,
    private readonly delayMin: number,
    private readonly delayMax: number,
    private readonly loss: number,
    private readonly timeout = 10,
    private readonly horizon = 1000,
  ) {
    const n = voters + 1;
    this.state = new Int32Array(n);
    this.yes = new Int32Array(n);
    this.acked = new Int32Array(n);
    this.decision = new Int32Array(n);
    this.timerGen = new Int32Array(2 * n);
    this.links = Array.from({ length: n * n }, () => new Mulberry());
  }

  run(seed: number): Verdict {
    const n = this.voters + 1;
    this.state.fill(INIT);
    this.yes.fill(0);
    this.acked.fill(0);
    this.decision.fill(0);
    this.timerGen.fill(0);
    for (let i = 0; i < n * n; i++) this.links[i].s = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0x27d4eb2d);
    this.seq = 0;
    this.sent = 0;
    this.heap.size = 0;
    let everCommitted = false;
    let everAborted = false;
    for (let i = 0; i < n; i++) this.heap.push(0, this.seq++, pack(START, i, 0, 0, 0));
    while (this.heap.size > 0 && this.heap.t[0] <= this.horizon) {
      this.heap.pop();
      this.now = this.heap.topT;
      const ev = this.heap.topEv;
      const kind = ev % 4;
      const node = Math.floor(ev / 4) % 1024;
      const from = Math.floor(ev / 4096) % 1024;
      const what = Math.floor(ev / 4194304) % 16;
      const gen = Math.floor(ev / 67108864);
      if (kind === TIMER) {
        if (this.timerGen[2 * node + what] !== gen) continue;
        this.timerGen[2 * node + what] = 0;
      }
      const decided = node === 0 ? this.coordinator(kind, from, what) : this.voter(node, kind, from, what);
      if (decided === COMMITTED) everCommitted = true;
      else if (decided === ABORTED) everAborted = true;
    }
    if (everCommitted && everAborted) return 'inconsistent';
    let commits = 0;
    let aborts = 0;
    for (let v = 1; v < n; v++) {
      if (this.decision[v] === COMMITTED) commits++;
      else if (this.decision[v] === ABORTED) aborts++;
    }
    return commits === this.voters ? 'committed' : aborts === this.voters ? 'aborted' : 'blocked';
  }

  private send(from: number, to: number, message: number): void {
    this.sent++;
    const r = this.links[from * (this.voters + 1) + to];
    const spread = this.delayMax - this.delayMin + 1;
    const delay = spread === 1 ? this.delayMin : this.delayMin + Math.floor(r.next() * spread);
    if (this.loss > 0 && r.next() < this.loss) return;
    this.heap.push(this.now + delay, this.seq++, pack(DELIVER, to, from, message, 0));
  }

  private setTimer(node: number, timer: number, after: number): void {
    const gen = (this.timerGen[2 * node + timer] = this.seq + 1);
    this.heap.push(this.now + after, this.seq++, pack(TIMER, node, 0, timer, gen));
  }

  private cancel(node: number, timer: number): void {
    this.timerGen[2 * node + timer] = 0;
  }

  /** The coordinator's step; returns the decision it takes in this step, if any. */
  private coordinator(kind: number, from: number, what: number): number {
    const s = this.state[0];
    if (kind === START) {
      this.state[0] = WAITING;
      this.setTimer(0, T_VOTES, this.timeout);
      for (let v = 1; v <= this.voters; v++) this.send(0, v, PREPARE);
      return 0;
    }
    if (kind === TIMER) {
      if (what === T_VOTES && s === WAITING) return this.decide(ABORTED);
      if (what === T_RESEND && s >= COMMITTED) this.announce();
      return 0;
    }
    switch (what) {
      case YES:
      case NO:
        if (s !== WAITING) {
          if (s === ABORTED && what === YES) this.send(0, from, ABORT);
          return 0;
        }
        if (what === NO) return this.decide(ABORTED);
        this.yes[0] |= 1 << from;
        return this.yes[0] === ((1 << (this.voters + 1)) - 2) ? this.decide(COMMITTED) : 0;
      case ACK:
        this.acked[0] |= 1 << from;
        if (this.acked[0] === ((1 << (this.voters + 1)) - 2)) this.cancel(0, T_RESEND);
        return 0;
      case ASK:
        if (s >= COMMITTED) this.send(0, from, s === COMMITTED ? COMMIT : ABORT);
        return 0;
      default:
        return 0;
    }
  }

  private decide(d: number): number {
    this.state[0] = d;
    this.decision[0] = d;
    this.cancel(0, T_VOTES);
    this.announce();
    return d;
  }

  private announce(): void {
    this.setTimer(0, T_RESEND, this.timeout);
    const message = this.state[0] === COMMITTED ? COMMIT : ABORT;
    for (let v = 1; v <= this.voters; v++) if ((this.acked[0] & (1 << v)) === 0) this.send(0, v, message);
  }

  /** A voter's step (it always votes yes); returns the decision it takes in this step, if any. */
  private voter(v: number, kind: number, from: number, what: number): number {
    const s = this.state[v];
    if (kind === START) {
      this.setTimer(v, T_PREPARE, 2 * this.timeout);
      return 0;
    }
    if (kind === TIMER) {
      if (what === T_PREPARE && s === INIT) return this.settle(v, ABORTED, -1);
      if (what === T_ASK && s === WAITING) {
        this.setTimer(v, T_ASK, this.timeout);
        this.send(v, 0, ASK);
      }
      return 0;
    }
    switch (what) {
      case PREPARE:
        if (s === INIT) {
          this.state[v] = WAITING;
          this.cancel(v, T_PREPARE);
          this.setTimer(v, T_ASK, this.timeout);
          this.send(v, from, YES);
        } else if (s === WAITING) this.send(v, from, YES);
        else if (s === ABORTED) this.send(v, from, NO);
        return 0;
      case COMMIT:
        if (s === WAITING) return this.settle(v, COMMITTED, from);
        if (s === COMMITTED) this.send(v, from, ACK);
        return 0;
      case ABORT:
        if (s === WAITING || s === INIT) return this.settle(v, ABORTED, from);
        if (s === ABORTED) this.send(v, from, ACK);
        return 0;
      default:
        return 0;
    }
  }

  private settle(v: number, d: number, from: number): number {
    this.state[v] = d;
    this.decision[v] = d;
    this.cancel(v, T_PREPARE);
    this.cancel(v, T_ASK);
    if (from >= 0) this.send(v, from, ACK);
    return d;
  }
}
