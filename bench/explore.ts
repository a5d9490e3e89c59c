// The model checker's speed and memory (issue 5): distinct states per second on Lamport's
// TwoPhase at 7 and 8 resource managers, bytes per state, and the packed search against a
// naive one (a Set of string keys and an array per state) over the same spec, in this process.
// TLC's figure is a reference measured elsewhere on this kind of machine, printed beside ours.
// Then Gray and Lamport's PaxosCommit spec at TLC's model (issue 16): the count against TLC's,
// and the speed against TLC's one-worker run on this machine.
import { explore, searchSystem, type PackedSystem } from '../lib/explore/index';
import { paxosCommitSpec, twoPhase } from '../lib/explore/specs/index';
import { twoPhaseCommit } from '../lib/protocols/two-phase-commit/index';
import { compare, fmt } from './measure';

const TLC_REFERENCE = '35,000-40,000 distinct states/s (TLC, one worker)';
const EXPECTED: Record<number, number> = { 7: 296_448, 8: 1_745_408 };
/** TLC on PaxosCommit.cfg (2 RMs, 3 acceptors, ballots {0, 1}), one worker, this kind of machine: 112 s. */
const TLC_PAXOS = { distinct: 1_321_761, depth: 28, seconds: 112 };
const TLC_PAXOS_RATE = TLC_PAXOS.distinct / TLC_PAXOS.seconds;

/** The same breadth-first search with one string key and one array per state: the baseline. */
function naiveSearch(system: PackedSystem): number {
  const words = system.words;
  const seen = new Set<string>();
  const queue: Uint32Array[] = [];
  const out = new Uint32Array(words);
  const emit = () => {
    const key = out.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(out.slice());
  };
  system.initial(out, emit);
  for (let head = 0; head < queue.length; head++) system.next(queue[head], 0, out, emit);
  return seen.size;
}

/** Best of `rounds` searches: wall-clock and CPU milliseconds, and the last result. */
function best(rms: number, rounds: number) {
  let wall = Infinity;
  let cpu = Infinity;
  let result = searchSystem(twoPhase(rms));
  for (let r = 0; r < rounds; r++) {
    const before = process.cpuUsage();
    result = searchSystem(twoPhase(rms));
    const used = process.cpuUsage(before);
    wall = Math.min(wall, result.ms);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { wall, cpu, result };
}

/** PaxosCommit at TLC's model: best of `rounds` searches. */
function benchPaxos(rounds: number): { statesPerSecond: number; ratioToTlc: number } {
  let wall = Infinity;
  let cpu = Infinity;
  let result = searchSystem(paxosCommitSpec());
  for (let r = 0; r < rounds; r++) {
    const before = process.cpuUsage();
    result = searchSystem(paxosCommitSpec());
    const used = process.cpuUsage(before);
    wall = Math.min(wall, result.ms);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  const ok = result.distinct === TLC_PAXOS.distinct && result.depth + 1 === TLC_PAXOS.depth && result.violation === undefined;
  const perWall = result.distinct / (wall / 1000);
  console.log('model checker on PaxosCommit (Gray and Lamport), 2 RMs, 3 acceptors, ballots {0, 1}');
  console.log(
    `  ${result.distinct.toLocaleString('en-US')} distinct states, depth ${result.depth + 1} as TLC counts levels (${ok ? 'as TLC' : `TLC says ${TLC_PAXOS.distinct.toLocaleString('en-US')}, depth ${TLC_PAXOS.depth}: WRONG`}), TCConsistent holds`,
  );
  const perCpu = result.distinct / (cpu / 1000);
  console.log(
    `    ${fmt(wall / 1000, 2)} s, ${Math.round(perWall).toLocaleString('en-US')} distinct states/s wall, ${Math.round(perCpu).toLocaleString('en-US')} per CPU-second; TLC, one worker, this machine: ${TLC_PAXOS.seconds} s, ${Math.round(TLC_PAXOS_RATE).toLocaleString('en-US')} states/s; ${fmt(perWall / TLC_PAXOS_RATE, 0)}x TLC on wall time, ${fmt(perCpu / TLC_PAXOS_RATE, 0)}x on CPU time (target >= 30x, 350,000 states/s; wall time suffers when other processes share the cores)`,
  );
  console.log(`    ${fmt(result.bytesPerState, 1)} bytes per state, capacity included`);
  if (!ok) process.exitCode = 1;
  return { statesPerSecond: perWall, ratioToTlc: perWall / TLC_PAXOS_RATE };
}

export function benchExplore(): {
  statesPerSecond7: number;
  bytesPerState7: number;
  ratioToNaive: number;
  paxosStatesPerSecond: number;
  paxosRatioToTlc: number;
} {
  console.log('model checker on TwoPhase (Lamport), breadth first, packed states');
  let statesPerSecond7 = 0;
  let bytesPerState7 = 0;
  for (const rms of [7, 8]) {
    const { wall, cpu, result } = best(rms, rms === 7 ? 5 : 2);
    const ok = result.distinct === EXPECTED[rms];
    const perWall = result.distinct / (wall / 1000);
    const perCpu = result.distinct / (cpu / 1000);
    if (rms === 7) {
      statesPerSecond7 = perWall;
      bytesPerState7 = result.bytesPerState;
    }
    console.log(
      `  ${rms} RMs: ${result.distinct.toLocaleString('en-US')} distinct states ` +
        `(${ok ? 'as TLC' : `TLC says ${EXPECTED[rms].toLocaleString('en-US')}: WRONG`}), depth ${result.depth}`,
    );
    console.log(
      `    ${Math.round(perWall).toLocaleString('en-US')} distinct states/s wall, ` +
        `${Math.round(perCpu).toLocaleString('en-US')} per CPU-second  ` +
        `(target >= 1,000,000 at 7 RMs; reference: ${TLC_REFERENCE})`,
    );
    console.log(`    ${fmt(result.bytesPerState, 1)} bytes per state, capacity included (target < 64)`);
    if (!ok) process.exitCode = 1;
  }
  const system = twoPhase(7);
  const { ratio } = compare(
    3,
    () => void naiveSearch(system),
    () => void searchSystem(system),
  );
  console.log(`  packed / naive (Set of string keys, an array per state) at 7 RMs: ${fmt(ratio)}x the time (lower is better)`);
  const paxos = benchPaxos(3);
  const started = performance.now();
  const placed = explore({
    protocol: twoPhaseCommit(),
    voters: 3,
    faults: { kinds: { crash: 2, recover: 1, cut: 1 }, max: 3 },
    progress: false,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log('fault placements on 3-voter 2PC, up to 3 of 2 crashes, 1 recovery, 1 cut');
  console.log(
    `  ${placed.tried.toLocaleString('en-US')} placements tried, ` +
      `${placed.pruned.toLocaleString('en-US')} pruned as equivalent (${fmt((100 * placed.pruned) / placed.tried, 0)}%), ` +
      `${placed.runs.toLocaleString('en-US')} run to the end, in ${fmt(seconds, 1)} s ` +
      `(${Math.round(placed.tried / seconds).toLocaleString('en-US')} placements/s); ` +
      `inconsistent: ${placed.counts.inconsistent}, blocked: ${placed.counts.blocked}`,
  );
  return {
    statesPerSecond7,
    bytesPerState7,
    ratioToNaive: ratio,
    paxosStatesPerSecond: paxos.statesPerSecond,
    paxosRatioToTlc: paxos.ratioToTlc,
  };
}

// Run alone: `node --expose-gc --import tsx bench/explore.ts`.
if (process.argv[1] && /bench[\\/]explore\.ts$/.test(process.argv[1])) benchExplore();
