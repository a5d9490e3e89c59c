// Same scenario and seed, same trace, byte for byte: prints one hash per group of runs, to be
// compared before and after a change to the engine's internals (`npx tsx bench/trace-hashes.ts`).
// Catalog cases under several networks and seeds, custom link operators, and sweeps.
import { createHash } from 'node:crypto';
import { map } from 'rxjs';
import {
  catalog,
  drop,
  links,
  simulate,
  sweep,
  threePhaseCommit,
  twoPhaseCommit,
  paxosCommit,
  type Scenario,
  type WorldOptions,
} from '../lib';

const networks = [
  undefined,
  { delay: [1, 5] as const, loss: 0.1 },
  { delay: [0, 3] as const, duplicate: 0.2, reorder: 0.3 },
  { delay: 2, loss: 0.3, duplicate: 0.1 },
];

function hashRuns(label: string, scenarios: Scenario[], options: WorldOptions = {}) {
  const h = createHash('sha256');
  for (const s of scenarios) {
    const run = simulate(s, options);
    h.update(JSON.stringify([run.verdict, run.decisions, run.states, run.up, run.stats, run.trace]));
  }
  console.log(`${h.digest('hex').slice(0, 16)}  ${label} (${scenarios.length} runs)`);
}

const cases = catalog.filter((e) => e.scenario.protocol.name !== 'leaseLock');
const lease = catalog.filter((e) => e.scenario.protocol.name === 'leaseLock');
hashRuns(
  'catalog as written',
  catalog.map((e) => e.scenario),
);
for (const [i, network] of networks.entries()) {
  const seeds = [1, 2, 3, 7, 42];
  hashRuns(
    `catalog, network ${i}, 5 seeds`,
    cases.flatMap((e) => seeds.map((seed) => ({ ...e.scenario, network: network ?? e.scenario.network, seed }))),
  );
}
hashRuns(
  'lease cases, lossy, 5 seeds',
  lease.flatMap((e) => [1, 2, 3, 4, 5].map((seed) => ({ ...e.scenario, network: { delay: [1, 4] as const, loss: 0.05 }, seed }))),
);
const lossy = (seed: number): Scenario => ({ protocol: twoPhaseCommit(), voters: 3, network: { delay: [1, 5], loss: 0.1 }, seed });
hashRuns(
  'issue 21 sweep, 2,000 seeds, trace none',
  Array.from({ length: 2000 }, (_, i) => lossy(i + 1)),
  { trace: 'none' },
);
hashRuns(
  'issue 21 sweep, 300 seeds, traced',
  Array.from({ length: 300 }, (_, i) => lossy(i + 1)),
);
hashRuns(
  '3PC elect and paxos commit, lossy',
  Array.from({ length: 200 }, (_, i) => [
    {
      protocol: threePhaseCommit({ termination: 'elect' }),
      voters: 4,
      network: { delay: [1, 3] as const, loss: 0.15, duplicate: 0.1 },
      seed: i,
    },
    { protocol: paxosCommit(), voters: 3, network: { delay: [1, 4] as const, loss: 0.1, reorder: 0.2 }, seed: i },
  ]).flat(),
);
const custom = { link: map((e: import('../lib').Envelope) => (e.random.chance(0.3) && e.message.type === 'ack' ? drop(e, 'no acks') : e)) };
hashRuns(
  'custom link operator',
  Array.from({ length: 300 }, (_, i) => lossy(i + 1)),
  custom,
);
hashRuns(
  'custom link operator, no trace',
  Array.from({ length: 300 }, (_, i) => lossy(i + 1)),
  { ...custom, trace: 'none' },
);
hashRuns(
  'custom filter operator',
  Array.from({ length: 100 }, (_, i) => lossy(i + 1)),
  { link: links.delay(2) },
);
hashRuns(
  'slow and cut links',
  Array.from({ length: 200 }, (_, i) => ({
    protocol: twoPhaseCommit(),
    voters: 3,
    network: { delay: [1, 3] as const, loss: 0.05 },
    seed: i,
    faults: [
      { kind: 'slow' as const, from: 'coordinator', to: 'v2', extraTicks: 4 },
      { kind: 'cut' as const, from: 'v1', to: 'coordinator', when: { kind: 'at' as const, t: 2 }, until: { kind: 'at' as const, t: 9 } },
    ],
  })),
);
const rows = sweep({
  base: { protocol: twoPhaseCommit(), voters: 3, network: { delay: [1, 5] } },
  vary: { 'network.loss': [0, 0.1, 0.3], voters: [2, 3, 5] },
  seeds: 300,
});
console.log(`${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}  sweep rows`);
const rows3 = sweep({
  base: { protocol: threePhaseCommit(), voters: 3 },
  vary: { protocol: [threePhaseCommit(), threePhaseCommit({ termination: 'elect' })], 'network.duplicate': [0, 0.2] },
  seeds: 200,
  link: custom.link,
});
console.log(`${createHash('sha256').update(JSON.stringify(rows3)).digest('hex').slice(0, 16)}  sweep rows with a link`);
