// A second, deliberately plain reading of Gray and Lamport's PaxosCommit module (the TLA+
// companion of "Consensus on Transaction Commit", 2006): records and a Set of messages, each
// action written as the spec states it (quantifiers as loops, Maximum and CHOOSE as written),
// searched breadth first with string keys. It shares no code with the packed transcription in
// lib/explore/specs/paxos-commit.ts, so where both agree on a count, neither encoding hides a bug.
// Slow on purpose: for small configurations only.

type RMState = 'working' | 'prepared' | 'committed' | 'aborted';
type Val = 'prepared' | 'aborted' | 'none';
interface AState {
  mbal: number;
  bal: number;
  val: Val;
}
type Msg =
  | { type: 'phase1a'; ins: number; bal: number }
  | { type: 'phase1b'; ins: number; mbal: number; bal: number; val: Val; acc: number }
  | { type: 'phase2a'; ins: number; bal: number; val: Val }
  | { type: 'phase2b'; acc: number; ins: number; bal: number; val: Val }
  | { type: 'Commit' }
  | { type: 'Abort' };

interface State {
  rmState: RMState[];
  aState: AState[][]; // [ins][acc]
  msgs: Map<string, Msg>; // keyed by a canonical string, so a set
}

const keyOf = (m: Msg) => JSON.stringify(Object.entries(m).sort(([x], [y]) => (x < y ? -1 : 1)));

function stateKey(s: State): string {
  return `${s.rmState.join(',')}|${JSON.stringify(s.aState)}|${[...s.msgs.keys()].sort().join(';')}`;
}

function clone(s: State): State {
  return { rmState: s.rmState.slice(), aState: s.aState.map((row) => row.map((x) => ({ ...x }))), msgs: new Map(s.msgs) };
}

function send(s: State, m: Msg): State {
  const t = clone(s);
  t.msgs.set(keyOf(m), m);
  return t;
}

/** Distinct states and depth (in steps) of PaxosCommit for `rms` RMs, `acceptors` acceptors, ballots 0..ballots-1. */
export function naivePaxosCommit(
  rms: number,
  acceptors: number,
  ballots: number,
): { distinct: number; depth: number; consistent: boolean } {
  const RM = [...Array(rms).keys()];
  const Acc = [...Array(acceptors).keys()];
  const Ballot = [...Array(ballots).keys()];
  const size = Math.floor(acceptors / 2) + 1;
  const Majority: number[][] = [];
  for (let m = 1; m < 1 << acceptors; m++) {
    const set = Acc.filter((a) => m & (1 << a));
    if (set.length === size) Majority.push(set);
  }
  const msgList = (s: State) => [...s.msgs.values()];

  function successors(s: State): State[] {
    const out: State[] = [];
    for (const rm of RM) {
      if (s.rmState[rm] === 'working') {
        const p = send(s, { type: 'phase2a', ins: rm, bal: 0, val: 'prepared' });
        p.rmState[rm] = 'prepared';
        out.push(p);
        const q = send(s, { type: 'phase2a', ins: rm, bal: 0, val: 'aborted' });
        q.rmState[rm] = 'aborted';
        out.push(q);
      }
      if (s.msgs.has(keyOf({ type: 'Commit' }))) {
        const t = clone(s);
        t.rmState[rm] = 'committed';
        out.push(t);
      }
      if (s.msgs.has(keyOf({ type: 'Abort' }))) {
        const t = clone(s);
        t.rmState[rm] = 'aborted';
        out.push(t);
      }
    }
    for (const bal of Ballot.filter((b) => b !== 0)) {
      for (const rm of RM) {
        out.push(send(s, { type: 'phase1a', ins: rm, bal }));
        const taken = msgList(s).some((m) => m.type === 'phase2a' && m.bal === bal && m.ins === rm);
        if (taken) continue;
        for (const MS of Majority) {
          const mset = msgList(s).filter((m) => m.type === 'phase1b' && m.ins === rm && m.mbal === bal && MS.includes(m.acc)) as Extract<
            Msg,
            { type: 'phase1b' }
          >[];
          if (!MS.every((ac) => mset.some((m) => m.acc === ac))) continue;
          const maxbal = Math.max(-1, ...mset.map((m) => m.bal));
          const val: Val = maxbal === -1 ? 'aborted' : mset.find((m) => m.bal === maxbal)!.val;
          out.push(send(s, { type: 'phase2a', ins: rm, bal, val }));
        }
      }
    }
    const decided = (rm: number, v: Val) =>
      Ballot.some((b) => Majority.some((MS) => MS.every((ac) => s.msgs.has(keyOf({ type: 'phase2b', ins: rm, bal: b, val: v, acc: ac })))));
    if (RM.every((rm) => decided(rm, 'prepared'))) out.push(send(s, { type: 'Commit' }));
    if (RM.some((rm) => decided(rm, 'aborted'))) out.push(send(s, { type: 'Abort' }));
    for (const acc of Acc) {
      for (const m of msgList(s)) {
        if (m.type === 'phase1a' && s.aState[m.ins][acc].mbal < m.bal) {
          const a = s.aState[m.ins][acc];
          const t = send(s, { type: 'phase1b', ins: m.ins, mbal: m.bal, bal: a.bal, val: a.val, acc });
          t.aState[m.ins][acc].mbal = m.bal;
          out.push(t);
        }
        if (m.type === 'phase2a' && s.aState[m.ins][acc].mbal <= m.bal) {
          const t = send(s, { type: 'phase2b', ins: m.ins, bal: m.bal, val: m.val, acc });
          t.aState[m.ins][acc] = { mbal: m.bal, bal: m.bal, val: m.val };
          out.push(t);
        }
      }
    }
    return out;
  }

  const init: State = {
    rmState: RM.map(() => 'working'),
    aState: RM.map(() => Acc.map(() => ({ mbal: 0, bal: -1, val: 'none' }))),
    msgs: new Map(),
  };
  const seen = new Set([stateKey(init)]);
  let frontier = [init];
  let depth = 0;
  let consistent = true;
  for (;;) {
    const next: State[] = [];
    for (const s of frontier) {
      for (const t of successors(s)) {
        const k = stateKey(t);
        if (seen.has(k)) continue;
        seen.add(k);
        if (t.rmState.includes('committed') && t.rmState.includes('aborted')) consistent = false;
        next.push(t);
      }
    }
    if (next.length === 0) break;
    depth++;
    frontier = next;
  }
  return { distinct: seen.size, depth, consistent };
}
