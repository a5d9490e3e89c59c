// One engine (issue 21; docs/DESIGN.md, "One engine"): `simulate` and the model checker run the
// same pure roles, and a role's outputs mean the same in both, because both apply them with
// `keptAfter` (lib/world/effects.ts) and build node contexts with `runNodes`. These tests walk
// the model checker's state graph along a run of `simulate`, step for step, and require the same
// states, logs and decisions at the end; then pin its meaning on its own.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  afterReceive,
  afterSend,
  at,
  catalogEntry,
  crash,
  leaseLock,
  logWrite,
  paxosCommit,
  printMessage,
  recover,
  rolesSystem,
  setTimer,
  simulate,
  threePhaseCommit,
  twoPhaseCommit,
  cancelTimer,
  decide,
  send,
  type Run,
  type Scenario,
  type TraceEvent,
} from '../lib';
import { applyOutput, applyOutputs, afterCrash, expired, keptAfter, nothingDurable, nothingKept, type Kept } from '../lib/world/effects';
import type { Output } from '../lib';

/** The model checker's name for the step a trace event is, or null for an event that is no step. */
function stepLabel(e: TraceEvent): string | null {
  switch (e.kind) {
    case 'start':
      return `${e.node} starts`;
    case 'deliver':
      return `${e.node} <- ${e.from} ${printMessage(e.message)}`;
    case 'drop':
      return e.reason === 'receiver down' ? `${e.from} -x ${e.node} ${printMessage(e.message)} (lost)` : null;
    case 'timeout':
      return `${e.node} timeout ${e.timer}`;
    case 'crash':
      return e.noop ? null : `${e.node} crashes`;
    case 'recover':
      return e.noop ? null : `${e.node} recovers`;
    default:
      return null;
  }
}

/**
 * Follows `run` through the checker's graph of the same protocol: from the initial state, each
 * step of the run must be one of the checker's successors, with the same label. Returns the
 * checker's view of the last state, or throws naming the first step it could not take.
 */
function follow(run: Run) {
  const s = run.scenario;
  const faults = s.faults ?? [];
  const system = rolesSystem({
    protocol: s.protocol,
    ...(s.clients !== undefined ? { clients: s.clients } : { voters: s.voters }),
    votes: s.votes,
    // A lease lock's states grow with its grants; the checker's usual bound must not stop a long run.
    bound: { name: 'none', holds: () => true },
    faults: { crashes: faults.filter((f) => f.kind === 'crash').length, recoveries: faults.filter((f) => f.kind === 'recover').length },
  });
  let state = new Uint32Array(system.words);
  system.initial(state, () => {});
  const out = new Uint32Array(system.words);
  let steps = 0;
  for (const e of run.trace) {
    const label = stepLabel(e);
    if (label === null) continue;
    let taken: Uint32Array | null = null;
    system.next(state, 0, out, (action) => {
      if (taken === null && system.actions[action] === label) taken = out.slice();
    });
    if (taken === null) throw new Error(`the checker has no step '${label}' after ${steps} steps, from: ${system.show(state, 0)}`);
    state = taken;
    steps++;
  }
  return { view: system.view(state, 0), steps };
}

const logsOf = (run: Run, node: string) => run.trace.flatMap((e) => (e.kind === 'log' && e.node === node ? [e.record] : []));

const scenarios: Record<string, Scenario> = {
  '2PC, nothing fails (article fig. 1)': { protocol: twoPhaseCommit(), voters: 3 },
  // (With v2 saying no, the coordinator answers v3's late yes with a second abort while the first is
  // still on its way; the checker holds a message in flight at most once unless told to duplicate,
  // so that run is not a path of its graph. That is the checker's network, not its roles.)
  '2PC, a no vote (article fig. 2)': { protocol: twoPhaseCommit(), voters: 3, votes: { v3: 'no' } },
  '2PC, the coordinator crashes after prepare and recovers': {
    protocol: twoPhaseCommit(),
    voters: 2,
    faults: [crash('coordinator', afterSend('coordinator', 'prepare', { to: 'v2' })), recover('coordinator', at(30))],
  },
  '2PC cooperative, fig. 3 (the coordinator and v1 crash in commit)': {
    ...catalogEntry('2pc/coordinator-and-voter-crash-in-commit').scenario,
    protocol: twoPhaseCommit({ termination: 'cooperative' }),
    horizon: 120,
  },
  '3PC, nothing fails (article fig. 4)': { protocol: threePhaseCommit(), voters: 3 },
  "3PC with Skeen's rules, a voter crashes after its yes and recovers": catalogEntry('3pc/vote-survives-crash').scenario,
  '3PC elect, fig. 3 under 3PC': catalogEntry('3pc/coordinator-and-voter-crash-elect').scenario,
  '3PC elect, v1 crashes after preCommit': {
    protocol: threePhaseCommit({ termination: 'elect' }),
    voters: 2,
    faults: [crash('v1', afterReceive('v1', 'preCommit'))],
    horizon: 150,
  },
  'Paxos Commit, nothing fails': { protocol: paxosCommit(), voters: 2 },
  // The lease lock's timers are the same timers in both: set restarts, cancel stops, a crash loses them.
  // (Its default horizon lets the clients renew and retry for 1,000 ticks; 200 keeps the walk short.)
  'lease lock, two clients one after the other (DDIA ch. 8)': { protocol: leaseLock(), clients: 2, horizon: 200 },
  'lease lock, the holder paused past its lease, unfenced (DDIA fig. 8-4)': {
    ...catalogEntry('lease/pause-past-lease').scenario,
    horizon: 200,
  },
  'lease lock, the same with fencing tokens (DDIA fig. 8-5)': { ...catalogEntry('lease/pause-past-lease-fenced').scenario, horizon: 200 },
  'lease lock, the lock service crashes while c1 holds and recovers (Chubby sec. 2.4)': {
    protocol: leaseLock({ fencing: true }),
    clients: 2,
    faults: [crash('lock', afterReceive('lock', 'acquire', { from: 'c2' })), recover('lock', at(12))],
    horizon: 200,
  },
};

describe('simulate and the model checker are one engine', () => {
  it.each(Object.entries(scenarios))(
    '%s: every step of the run is a step of the checker, ending in the same states, logs and decisions',
    (_name, scenario) => {
      const run = simulate(scenario);
      const { view, steps } = follow(run);
      expect(steps).toBeGreaterThan(5);
      for (const node of run.nodes) {
        expect(view.nodes[node].state, node).toBe(run.states[node]);
        expect(view.nodes[node].up, node).toBe(run.up[node]);
        expect(view.nodes[node].decision, node).toBe(run.decisions[node]);
        expect(view.nodes[node].log, node).toEqual(logsOf(run, node));
      }
    },
  );

  it('refuses a run the checker cannot take: following fails on a step that never happened', () => {
    const run = simulate({ protocol: twoPhaseCommit(), voters: 2 });
    const forged = {
      ...run,
      trace: run.trace.map((e) =>
        e.kind === 'deliver' && e.message.type === 'vote' ? { ...e, message: { type: 'vote', vote: 'no' } } : e,
      ),
    } as Run;
    expect(() => follow(forged)).toThrow(/has no step 'coordinator <- v1 vote\(no\)'/);
  });
});

describe('applyOutput: what a role output means for what a node keeps', () => {
  it('appends a log record, keeps a decision, and changes nothing when the same decision comes again', () => {
    const logged = applyOutput(nothingKept, logWrite({ type: 'prepare' }));
    expect(logged.log).toEqual([{ type: 'prepare' }]);
    const decided = applyOutput(logged, decide('commit'));
    expect(decided.decision).toBe('commit');
    expect(applyOutput(decided, decide('commit'))).toBe(decided);
  });

  it('starts a timer once, however often it is set, and stops it on cancel; a send keeps everything as it was', () => {
    const set = applyOutput(applyOutput(nothingKept, setTimer('votes', 10)), setTimer('votes', 5));
    expect(set.timers).toEqual(['votes']);
    expect(applyOutput(set, cancelTimer('votes')).timers).toEqual([]);
    expect(applyOutput(set, send('v1', { type: 'prepare' }))).toBe(set);
  });

  it('applies a whole step in order and hands back its sends with their places', () => {
    const { kept, sends } = applyOutputs(nothingKept, [
      logWrite({ type: 'prepare' }),
      setTimer('ask', 10),
      send('coordinator', { type: 'vote', vote: 'yes' }),
    ]);
    expect(kept).toEqual({ log: [{ type: 'prepare' }], decision: null, timers: ['ask'] });
    expect(sends).toEqual([{ to: 'coordinator', message: { type: 'vote', vote: 'yes' }, index: 2 }]);
  });

  it('keeps, for a whole step at once, what its outputs keep applied one by one, over 2,000 random steps', () => {
    // keptAfter, which simulate and the checker call once a step, builds at most one Kept a step.
    let seed = 7;
    const draw = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const timers = ['ask', 'prepare', 'resend', 'votes'];
    const anyOutput = (): Output => {
      switch (draw(5)) {
        case 0:
          return logWrite({ type: ['prepare', 'commit', 'abort'][draw(3)] });
        case 1:
          return decide(draw(2) === 0 ? 'commit' : 'abort');
        case 2:
          return setTimer(timers[draw(4)], 1 + draw(9));
        case 3:
          return cancelTimer(timers[draw(4)]);
        default:
          return send('v1', { type: 'ack' });
      }
    };
    let kept: Kept = nothingKept;
    let unchanged = 0;
    for (let i = 0; i < 2000; i++) {
      const step = Array.from({ length: draw(6) }, anyOutput);
      const oneByOne = step.reduce(applyOutput, kept);
      const atOnce = keptAfter(kept, step);
      expect(atOnce).toEqual(oneByOne);
      // A step that changes nothing one by one hands back the very object (a caller tells by identity).
      if (oneByOne === kept) expect(atOnce).toBe(kept);
      if (atOnce === kept) unchanged++;
      // Keep the log short, as a run's is: start over now and then.
      kept = draw(10) === 0 ? nothingKept : atOnce;
    }
    expect(unchanged).toBeGreaterThan(100);
  });

  it('keeps only the log and the decision when given only what is durable, as the world gives it', () => {
    const durable = keptAfter(nothingDurable, [logWrite({ type: 'commit' }), setTimer('ask', 5), decide('commit')]);
    expect(durable).toEqual({ log: [{ type: 'commit' }], decision: 'commit' });
    expect('timers' in durable).toBe(false);
    expect(keptAfter(durable, [setTimer('resend', 5), cancelTimer('ask'), send('v1', { type: 'ack' })])).toBe(durable);
  });

  it('loses the timers in a crash and keeps the log and the decision; a fired timer stops running', () => {
    const kept = { log: [{ type: 'commit' }], decision: 'commit' as const, timers: ['ask', 'resend'] };
    expect(afterCrash(kept)).toEqual({ log: kept.log, decision: 'commit', timers: [] });
    expect(expired(kept, 'ask').timers).toEqual(['resend']);
  });
});

describe('the output builders: one shape, read as the plain data they stand for', () => {
  const built: Output[] = [
    send('v1', { type: 'prepare' }),
    setTimer('ask', 10),
    cancelTimer('ask'),
    logWrite({ type: 'prepare' }),
    decide('commit'),
  ];
  const literals = [
    { kind: 'send', to: 'v1', message: { type: 'prepare' } },
    { kind: 'setTimer', timer: 'ask', after: 10 },
    { kind: 'cancelTimer', timer: 'ask' },
    { kind: 'log', record: { type: 'prepare' } },
    { kind: 'decide', decision: 'commit' },
  ];

  it('builds every kind with the same fields in the same order, so reading `kind` sees one hidden class', () => {
    const fields = built.map((o) => Object.keys(o).join(','));
    expect(new Set(fields).size).toBe(1);
    expect(Object.getPrototypeOf(built[0])).toBe(Object.getPrototypeOf(built[4]));
  });

  it('serialises, compares and prints as the literal of its kind, without the fields it does not use', () => {
    built.forEach((o, i) => {
      expect(JSON.stringify(o)).toBe(JSON.stringify(literals[i]));
      expect(o).toEqual(literals[i]);
      expect(inspect(o)).toBe(inspect(literals[i]));
    });
    expect(inspect(built[0])).toBe("{ kind: 'send', to: 'v1', message: { type: 'prepare' } }");
  });

  it('means the same to keptAfter as the literal it stands for', () => {
    expect(keptAfter(nothingKept, built)).toEqual(keptAfter(nothingKept, literals as Output[]));
  });
});

