// The model checker's speed and memory (issue 5): distinct states per second on Lamport's
// TwoPhase at 7 and 8 resource managers, bytes per state, and the packed search against a
// naive one (a Set of string keys and an array per state) over the same spec, in this process.
// TLC's figure is a reference measured elsewhere on this kind of machine, printed beside ours.
import { explore, searchSystem, type PackedSystem } from '../lib/explore/index';
import { twoPhaseCommit } from '../lib/protocols/two-phase-commit/index';
import { twoPhase } from '../test/specs/two-phase';
import { compare, fmt } from './measure';

const TLC_REFERENCE = '35,000-40,000 distinct states/s (TLC, one worker)';
const EXPECTED: Record<number, number> = { 7: 296_448, 8: 1_745_408 };

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

export function benchExplore(): { statesPerSecond7: number; bytesPerState7: number; ratioToNaive: number } {
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
  const { ratio } = compare(3, () => void naiveSearch(system), () => void searchSystem(system));
  console.log(`  packed / naive (Set of string keys, an array per state) at 7 RMs: ${fmt(ratio)}x the time (lower is better)`);
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
  return { statesPerSecond7, bytesPerState7, ratioToNaive: ratio };
}

// Run alone: `node --expose-gc --import tsx bench/explore.ts`.
if (process.argv[1] && /bench[\\/]explore\.ts$/.test(process.argv[1])) benchExplore();
