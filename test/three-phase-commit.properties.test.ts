// Property-based specifications of 3PC (fast-check, fixed seeds so CI replays them).
// What a learner should see (docs/DESIGN.md, "The failure cases"): with Skeen's rules, 3PC never blocks under crash-stop faults
// with bounded delays, and never decides inconsistently under crashes and recoveries, since
// a yes vote and the coordinator's preCommit are force-logged and whoever comes back asks
// (Skeen 1981; Bernstein, Hadzilacos and Goodman sec. 7.5). It does decide inconsistently
// under partitions, under delays and pauses beyond its timeouts (a node believed dead that
// was not: the article's fig. 5 and "fail-recover"), and under the lecture's timeout rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { after, triggers } from './support/arbitraries';
import {
  afterReceive, afterSend, agreement, at, crash, explain, explore, onEnter, partition, pause, recover, simulate, slow,
  threePhaseCommit, twoPhaseCommit, validity,
  type Fault, type Run, type Scenario,
} from '../lib';

const SEED = 20261123;
const VOTERS = ['v1', 'v2', 'v3'];
const NODES = ['coordinator', ...VOTERS];
const MESSAGES = ['canCommit', 'vote', 'preCommit', 'preCommitAck', 'doCommit', 'abort', 'ack', 'elect', 'stateReq', 'stateReport', 'ask'];
const STATES = ['waiting', 'uncertain', 'precommitted', 'committed', 'aborted'];

const trigger = triggers({ nodes: NODES, messages: MESSAGES, states: STATES, maxTick: 120, maxNth: 2, sendTo: VOTERS });

/** Crash-stop: up to three distinct nodes crash for good, and at least one voter never does. */
const crashStop: fc.Arbitrary<Fault[]> = fc
  .tuple(fc.shuffledSubarray(NODES, { maxLength: 3 }), fc.array(trigger, { minLength: 3, maxLength: 3 }))
  .filter(([nodes]) => VOTERS.some((v) => !nodes.includes(v)))
  .map(([nodes, when]) => nodes.map((n, i) => crash(n, when[i])));

const votes = fc.dictionary(fc.constantFrom(...VOTERS), fc.constantFrom('yes' as const, 'no' as const), { maxKeys: 3 });

type Options = Parameters<typeof threePhaseCommit>[0];

/** Scenarios of one kind of fault: messages always take 1 to `delayMax` ticks, well under every timeout (10). */
const scenarios = (options: Options, faults: fc.Arbitrary<Fault[]>, delayMax = 3): fc.Arbitrary<Scenario> =>
  fc.record({ votes, faults, delayMax: fc.integer({ min: 1, max: delayMax }), seed: fc.integer({ min: 1, max: 1_000_000 }) })
    .map(({ votes, faults, delayMax, seed }) => ({
      protocol: threePhaseCommit(options),
      voters: 3,
      votes,
      faults,
      network: { delay: [1, delayMax] as [number, number] },
      seed,
      horizon: 400,
    }));

/** Searches `numRuns` generated scenarios for an inconsistent run; returns the (shrunk) one it found, or null. */
function findInconsistent(arbitrary: fc.Arbitrary<Scenario>, seed = SEED, numRuns = 1000): Run | null {
  const result = fc.check(fc.property(arbitrary, (s) => simulate(s).verdict !== 'inconsistent'), { seed, numRuns });
  return result.failed ? simulate(result.counterexample![0]) : null;
}

/** Prints a found run the way a learner would read it, and returns it. */
function report(title: string, run: Run): Run {
  console.log(`${title}\n${explain(run, { events: 120 })}\n`);
  return run;
}

// ---- regression examples: runs the searches above found, pinned as they printed them ----

/**
 * elect with the lecture's preCommitAckTimeout abort, crash-stop only (found by the search below with
 * seed 42 and 5,000 runs): v3 crashes as the coordinator enters precommitted,
 * so its ack never comes; the coordinator decides abort and crashes before telling anyone; v1
 * and v2, precommitted, elect v1 and commit. Skeen's coordinator commits here instead.
 */
const ABORT_UNHEARD: Scenario = {
  protocol: threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'abort' }),
  voters: 3,
  faults: [crash('coordinator', onEnter('coordinator', 'aborted')), crash('v3', onEnter('coordinator', 'precommitted'))],
};

/** The lecture's timeouts: the coordinator crashes right after its preCommit to v1. */
const PRECOMMIT_TO_V1_ONLY: Scenario = {
  protocol: threePhaseCommit(),
  voters: 3,
  faults: [crash('coordinator', afterSend('coordinator', 'preCommit', { to: 'v1' }))],
};

/** What the searches above found with seed 20261123 (shrunk by fast-check; needless faults removed by hand). */
const REGRESSIONS: Record<string, Scenario> = {
  'timeouts, partition: v2 cut off right after preCommit commits alone': {
    protocol: threePhaseCommit({ termination: 'timeouts' }),
    voters: 3,
    faults: [partition([['v2']], afterReceive('v2', 'preCommit'))],
  },
  'elect, partition: v2 cut off right after preCommit elects itself and commits alone': {
    protocol: threePhaseCommit({ termination: 'elect' }),
    voters: 3,
    faults: [partition([['v2']], afterReceive('v2', 'preCommit'))],
  },
  'timeouts, slow coordinator: its acks and its abort both arrive after the voters committed': SLOW_COORDINATOR('timeouts'),
  'elect, slow coordinator: the voters elect v1 and commit before its abort arrives': SLOW_COORDINATOR('elect'),
};

/**
 * Runs the searches found inconsistent before voters logged their yes and the coordinator its
 * preCommit (Skeen; Bernstein et al. sec. 7.5): the recovered coordinator aborted without asking.
 * Now it asks, and each ends committed.
 */
const FIXED_BY_ASKING: Record<string, Scenario> = {
  'timeouts, crash-recover: the coordinator recovers after v1 has committed': {
    protocol: threePhaseCommit({ termination: 'timeouts' }),
    voters: 3,
    faults: [crash('coordinator', onEnter('v1', 'precommitted')), recover('coordinator', at(22))],
  },
  'elect, crash-recover: the coordinator recovers while v1 leads the commit': {
    protocol: threePhaseCommit({ termination: 'elect' }),
    voters: 3,
    faults: [crash('coordinator', at(5)), recover('coordinator', at(32))],
    network: { delay: [1, 2] },
  },
  "Skeen's rules: v1 crashes right after voting yes and recovers at t=3 (issue 16)": {
    protocol: threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'commit' }),
    voters: 3,
    faults: [crash('v1', afterSend('v1', 'vote')), recover('v1', at(3))],
  },
};

function SLOW_COORDINATOR(termination: 'timeouts' | 'elect'): Scenario {
  const when = afterSend('coordinator', 'preCommit');
  return {
    protocol: threePhaseCommit({ termination }),
    voters: 3,
    faults: VOTERS.flatMap((v) => [slow('coordinator', v, 15, when), slow(v, 'coordinator', 15, at(2))]),
  };
}

describe('3PC with termination elect (the article, after Skeen), under crash-stop faults only', () => {
  it('never blocks and never disagrees, and commits only after every yes (1,000 scenarios; preCommitAckTimeout commit)', () => {
    fc.assert(
      fc.property(scenarios({ termination: 'elect', preCommitAckTimeout: 'commit' }, crashStop), (s) => {
        const run = simulate(s);
        if (run.verdict === 'blocked' || run.verdict === 'inconsistent' || !validity(run).ok) {
          throw new Error(`${run.verdict}; ${validity(run).why}\n${explain(run)}`);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("with the lecture's preCommitAckTimeout abort, can disagree: the coordinator aborts unheard while the survivors commit", () => {
    // Rarer than the other cases (two crashes at the right moments): with this seed the search
    // meets one after 762 scenarios; with the file's seed it takes 5,476.
    const found = findInconsistent(scenarios({ termination: 'elect', preCommitAckTimeout: 'abort' }, crashStop), 2);
    expect(found).not.toBeNull();
    report("elect + preCommitAckTimeout 'abort', crash-stop only:", found!);
    expect(agreement(found!).ok).toBe(false);
  });

  it('the named example: the coordinator aborts for a missing ack and crashes before telling anyone', () => {
    const run = simulate(ABORT_UNHEARD);
    expect(run.verdict, explain(run)).toBe('inconsistent');
    expect(run.decisions).toMatchObject({ coordinator: 'abort', v1: 'commit', v2: 'commit' });
  });
});

describe('3PC with termination timeouts (the lecture), under crash-stop faults only', () => {
  it('never blocks either (1,000 scenarios)', () => {
    fc.assert(
      fc.property(scenarios({ termination: 'timeouts' }, crashStop), (s) => {
        const run = simulate(s);
        if (run.verdict === 'blocked') throw new Error(explain(run));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('disagrees after a coordinator crash during the preCommit broadcast alone: the search finds one and prints it', () => {
    const duringPreCommit = fc
      .record({
        voters: fc.integer({ min: 2, max: 6 }),
        last: fc.integer({ min: 1, max: 6 }),
        delayMax: fc.integer({ min: 1, max: 3 }),
        seed: fc.integer({ min: 1, max: 1000 }),
      })
      .map(({ voters, last, delayMax, seed }): Scenario => ({
        protocol: threePhaseCommit(),
        voters,
        faults: [crash('coordinator', afterSend('coordinator', 'preCommit', { to: `v${Math.min(last, voters)}` }))],
        network: { delay: [1, delayMax] },
        seed,
      }));
    const found = findInconsistent(duringPreCommit);
    expect(found).not.toBeNull();
    report('timeouts, one coordinator crash during the preCommit broadcast:', found!);
    // The voters that got preCommit time out and commit; the others time out uncertain and abort.
    expect(Object.values(found!.decisions)).toEqual(expect.arrayContaining(['commit', 'abort']));
  });

  it('the named example: preCommit reaches v1 only, v1 commits and v2, v3 abort', () => {
    const run = simulate(PRECOMMIT_TO_V1_ONLY);
    expect(run.verdict, explain(run)).toBe('inconsistent');
    expect(run.decisions).toEqual({ coordinator: null, v1: 'commit', v2: 'abort', v3: 'abort' });
  });
});

// ---- faults 3PC cannot survive: a search over each kind, for each termination rule ----

const partitions: fc.Arbitrary<Fault[]> = fc.array(
  fc
    .tuple(fc.subarray(NODES, { minLength: 1, maxLength: 3 }), trigger, fc.option(trigger, { nil: undefined }))
    .map(([g, t, u]) => partition([g], t, after(t, u))),
  { minLength: 1, maxLength: 2 },
);
const crashRecover: fc.Arbitrary<Fault[]> = fc.array(
  fc.tuple(fc.constantFrom(...NODES), trigger, fc.integer({ min: 1, max: 80 }))
    .chain(([n, t, down]) => fc.constant([crash(n, t), recover(n, t.kind === 'at' ? at(t.t + down) : at(down))])),
  { minLength: 1, maxLength: 2 },
).map((pairs) => pairs.flat());
/** A slow node (a congested network card): every link into it, out of it, or both, takes 15 to 60 ticks more from some point on. */
const slowNodes: fc.Arbitrary<Fault[]> = fc
  .array(
    fc.tuple(fc.constantFrom(...NODES), fc.constantFrom('in', 'out', 'both'), fc.integer({ min: 15, max: 60 }), trigger).map(([node, direction, extra, when]) =>
      NODES.filter((other) => other !== node).flatMap((other) => [
        ...(direction !== 'in' ? [slow(node, other, extra, when)] : []),
        ...(direction !== 'out' ? [slow(other, node, extra, when)] : []),
      ])),
    { minLength: 1, maxLength: 2 },
  )
  .map((each) => each.flat());

/** A node that stalls (a long garbage-collection pause, an overloaded machine) for 15 to 80 ticks, then goes on where it was. */
const pauses: fc.Arbitrary<Fault[]> = fc.array(
  fc.tuple(fc.constantFrom(...NODES), trigger, fc.integer({ min: 15, max: 80 })).map(([n, t, ticks]) => pause(n, t, ticks)),
  { minLength: 1, maxLength: 2 },
);

describe.each([
  ['partitions', partitions],
  ['pauses (a node believed dead that was not)', pauses],
  ['delays beyond the timeouts', slowNodes],
] as const)('3PC under %s', (kind, faults) => {
  it.each(['timeouts', 'elect'] as const)('with termination %s, a search over 1,000 scenarios finds an inconsistent run', (termination) => {
    const found = findInconsistent(scenarios({ termination }, faults));
    expect(found).not.toBeNull();
    report(`${termination}, ${kind}:`, found!);
    expect(agreement(found!).ok).toBe(false);
  });
});

describe("3PC with Skeen's rules under crashes and recoveries (Skeen 1981; Bernstein, Hadzilacos and Goodman sec. 7.5)", () => {
  const skeenRules = threePhaseCommit({ termination: 'elect', preCommitAckTimeout: 'commit' });

  it('never disagrees, and commits only after every yes (1,000 scenarios of up to two crashes, each recovered)', () => {
    fc.assert(
      fc.property(scenarios({ termination: 'elect', preCommitAckTimeout: 'commit' }, crashRecover), (s) => {
        const run = simulate(s);
        if (run.verdict === 'inconsistent' || !validity(run).ok) throw new Error(`${run.verdict}; ${validity(run).why}\n${explain(run)}`);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('never disagrees over every placement of up to two crashes and two recoveries at 3 voters (the explorer)', () => {
    const faults = { kinds: { crash: 2, recover: 2 }, max: 4 };
    const r = explore({ protocol: skeenRules, voters: 3, faults, progress: false, limit: 1_000_000 });
    expect(r.notReached).toBeUndefined();
    expect(r.tried).toBeGreaterThan(100_000);
    expect(r.counts.inconsistent).toBe(0);
    expect(r.smallest.inconsistent).toBeUndefined();
    // The search is not empty of drama: crashes and recoveries do change outcomes.
    expect(r.counts.aborted).toBeGreaterThan(0);
  }, 300_000);

  it('never blocks over every placement of up to two crash-stops at 3 voters (the explorer)', () => {
    const r = explore({ protocol: skeenRules, voters: 3, faults: { kinds: { crash: 2 }, max: 2 }, progress: false });
    expect(r.notReached).toBeUndefined();
    expect(r.counts.blocked).toBe(0);
    expect(r.counts.inconsistent).toBe(0);
    expect(r.tried).toBeGreaterThan(500);
  }, 120_000);

  it.each(Object.entries(FIXED_BY_ASKING))('%s: ends committed', (_name, scenario) => {
    const run = simulate(scenario);
    expect(run.verdict, explain(run)).toBe('committed');
  });
});

describe('the runs those searches found, kept as named regression examples', () => {
  it.each(Object.entries(REGRESSIONS))('%s ends inconsistent', (_name, scenario) => {
    const run = simulate(scenario);
    expect(run.verdict, explain(run)).toBe('inconsistent');
    // Replayable from its JSON, event for event.
    expect(simulate(JSON.parse(JSON.stringify(scenario))).trace).toEqual(run.trace);
  });
});

describe('3PC where 2PC blocks (article fig. 3: 2pc/coordinator-and-voter-crash-in-commit)', () => {
  const twoPC = simulate({
    protocol: twoPhaseCommit(),
    voters: 3,
    faults: [crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })), crash('v1', afterReceive('v1', 'commit'))],
  });
  it.each(['timeouts', 'elect'] as const)('with termination %s, the same two crashes end committed, not blocked', (termination) => {
    expect(twoPC.verdict).toBe('blocked');
    const run = simulate({
      protocol: threePhaseCommit({ termination }),
      voters: 3,
      faults: [crash('coordinator', afterSend('coordinator', 'doCommit', { to: 'v1' })), crash('v1', afterReceive('v1', 'doCommit'))],
    });
    expect(run.verdict, explain(run)).toBe('committed');
    expect(run.decisions).toMatchObject({ v2: 'commit', v3: 'commit' });
  });
});

describe('3PC with no faults (article fig. 4; the lecture)', () => {
  it('sends six messages per voter: canCommit, vote, preCommit, preCommitAck, doCommit, ack (1,000 scenarios)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('timeouts' as const, 'elect' as const),
        fc.constantFrom('abort' as const, 'commit' as const),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 1000 }),
        (voters, termination, preCommitAckTimeout, delayMax, seed) => {
          const protocol = threePhaseCommit({ termination, preCommitAckTimeout });
          const run = simulate({ protocol, voters, network: { delay: [1, delayMax] }, seed });
          expect(run.verdict, explain(run)).toBe('committed');
          expect(run.stats.messagesSent).toBe(6 * voters);
          const perVoter = run.trace.filter((e) => e.kind === 'send' && (e.node === 'v1' || e.to === 'v1')).map((e) => (e as { message: { type: string } }).message.type);
          expect(perVoter).toEqual(['canCommit', 'vote', 'preCommit', 'preCommitAck', 'doCommit', 'ack']);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("with one 'no' at canCommit, writes fewer log records than 2PC aborting on the same vote, and no prepare record (1,000 scenarios)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.integer({ min: 1, max: 3 }), (voters, which, delayMax) => {
        const no = `v${(which % voters) + 1}`;
        const scenario = { voters, votes: { [no]: 'no' as const }, network: { delay: [1, delayMax] as [number, number] } };
        const three = simulate({ ...scenario, protocol: threePhaseCommit() });
        const two = simulate({ ...scenario, protocol: twoPhaseCommit() });
        expect(three.verdict).toBe('aborted');
        expect(two.verdict).toBe('aborted');
        expect(three.stats.logWrites).toBeLessThan(two.stats.logWrites);
        expect(three.trace.some((e) => e.kind === 'log' && e.record.type === 'prepare')).toBe(false);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('3PC replays', () => {
  it('the same scenario and seed give the same trace, event for event, even through its JSON (1,000 scenarios)', () => {
    const anyFaults = fc.oneof(crashStop, partitions, crashRecover, slowNodes, pauses);
    fc.assert(
      fc.property(
        fc.constantFrom('timeouts' as const, 'elect' as const),
        anyFaults,
        fc.constantFrom(0, 0.1),
        fc.integer({ min: 1, max: 1_000_000 }),
        (termination, faults, loss, seed) => {
          const network: Scenario['network'] = { delay: [1, 4], loss, duplicate: loss };
          const scenario: Scenario = { protocol: threePhaseCommit({ termination }), voters: 3, faults, network, seed, horizon: 300 };
          const first = simulate(scenario);
          const again = simulate(JSON.parse(JSON.stringify(scenario)) as Scenario);
          expect(again.trace).toEqual(first.trace);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
